/**
 * Record field accuracy against the gold `record`. A field the gold fills is right when our
 * record has it, its value agrees with the gold's within rounding, and it is traced to the
 * right statement: our `line` is the gold's `line` or one of its `also_stated_at`.
 *
 * "Within rounding" follows the validate layer's interval reading (src/validate/interval.ts):
 * the gold value stands for the interval its printed digits allow (612.45 printed in 万元 →
 * ± 0.005万元 = ± 50 元), ours for its figure's interval; they agree when the two intersect.
 *
 * Also counted: fields we fill where the gold says the report states none (extra), and for
 * fields the report states inconsistently, how many of the gold's `alternatives` our field's
 * `alternatives` name (by line). A gold key that is absent is not evaluated.
 */
import type { ExtractResult, Figure, RecordField } from '../contract.js'
import { yuanPower } from '../extract/units.js'
import { exact, figureInterval, interval, intersects, type Interval } from '../validate/interval.js'
import type { GoldAlternative, GoldDocument, GoldRecordField } from './gold.js'
import { formatRate, rate, type Column } from './table.js'

/** Counts of one document, or summed; gold = right + lineUnlisted + wrongValue + missing. */
export interface RecordCounts {
  /** Fields the gold fills. */
  gold: number
  /** Right value at a listed line. */
  right: number
  /** Right value, traced to a line the gold does not list for it. */
  lineUnlisted: number
  /** We fill the field with a value outside the gold's rounding. */
  wrongValue: number
  /** We leave a field the gold fills empty. */
  missing: number
  /** Fields the gold leaves null (the report does not state them). */
  goldEmpty: number
  /** Of those, fields we fill anyway. */
  extra: number
  /** Gold alternatives (other statements with different values) over all fields the gold fills. */
  alternativesGold: number
  /** Of those, the ones our field's `alternatives` hold at the same line. */
  alternativesFound: number
}

export type RecordStatus = 'right' | 'line' | 'value' | 'missing' | 'extra'

/** A field value for display. */
export interface RecordValueRef {
  value: number
  unit: string
  line: number
  /** Gold: the statement's text; ours: our figure's `raw` ('' when the figure is not found). */
  text: string
}

/** One evaluated field that the gold fills or that we fill against a null gold. */
export interface RecordCheck {
  field: string
  status: RecordStatus
  gold: (RecordValueRef & { alsoStatedAt: number[] }) | null
  ours: (RecordValueRef & { label: string | null }) | null
  note?: string
}

/** Alternatives of one field that the gold lists. */
export interface AlternativesCheck {
  field: string
  found: Array<{ line: number; text: string }>
  notFound: Array<{ line: number; text: string }>
}

export interface RecordScore extends RecordCounts {
  accuracy: number | null
  checks: RecordCheck[]
  alternatives: AlternativesCheck[]
}

export function emptyRecordCounts(): RecordCounts {
  return { gold: 0, right: 0, lineUnlisted: 0, wrongValue: 0, missing: 0, goldEmpty: 0, extra: 0, alternativesGold: 0, alternativesFound: 0 }
}

export function addRecordCounts(a: RecordCounts, b: RecordCounts): RecordCounts {
  const sum = emptyRecordCounts()
  for (const key of Object.keys(sum) as Array<keyof RecordCounts>) sum[key] = a[key] + b[key]
  return sum
}

export function recordAccuracy(c: RecordCounts): number | null {
  return rate(c.right, c.gold)
}

const isMoney = (g: GoldRecordField) => g.unit === '元' || g.value_yuan != null

/** Powers of ten of the money units a printed number may be in when the gold does not say (元 千元 万元 亿元). */
const MONEY_POWERS = [0, 3, 4, 8]

/**
 * The interval the gold value stands for. The printed number is the one in `as_written`
 * (else `text`) closest to the value once scaled by the printed unit (`unit_as_written`, or
 * for money the one of 元/千元/万元/亿元 that fits best: "612.45" of 6124500 元 is in 万元);
 * its decimals give the half-width. No number printed: the value exactly.
 */
export function goldFieldInterval(g: GoldRecordField): Interval {
  const value = g.value_yuan ?? g.value
  const given = g.unit_as_written != null ? yuanPower(g.unit_as_written) : undefined
  const powers = !isMoney(g) ? [0] : given !== undefined ? [given] : MONEY_POWERS
  let best: { error: number; decimals: number } | null = null
  for (const m of (g.as_written ?? g.text).matchAll(/\d[\d,]*(?:\.\d+)?/g)) {
    const digits = m[0].replace(/,/g, '')
    const decimals = digits.includes('.') ? digits.length - digits.indexOf('.') - 1 : 0
    for (const p of powers) {
      const error = Math.abs(Number(digits) * 10 ** p - value)
      if (!best || error < best.error) best = { error, decimals: decimals - p }
    }
  }
  return best ? interval(value, best.decimals) : exact(value)
}

/** Our value's interval: its figure's (printed precision, unit folded in), or the bare value when the figure is missing. */
function oursInterval(field: RecordField, figure: Figure | undefined): Interval {
  return figure ? figureInterval(figure) : exact(field.value)
}

const alternativesOf = (g: GoldRecordField): GoldAlternative[] => [...(g.alternatives ?? []), ...(g.alternative ? [g.alternative] : [])]

/** `result` null means the analysis failed: every field the gold fills is missing. */
export function evaluateRecord(gold: GoldDocument, result: ExtractResult | null): RecordScore {
  const counts = emptyRecordCounts()
  const checks: RecordCheck[] = []
  const alternatives: AlternativesCheck[] = []
  const figures = new Map((result?.figures ?? []).map((f) => [f.id, f]))
  const record = (result?.record ?? {}) as Record<string, RecordField | undefined>

  for (const [field, g] of Object.entries(gold.record ?? {})) {
    const ours = record[field]
    const figure = ours ? figures.get(ours.figureId) : undefined
    const oursRef = ours ? { value: ours.value, unit: ours.unit, line: ours.line, text: figure?.raw ?? '', label: figure?.label ?? null } : null
    const note = ours && !figure ? `figure ${ours.figureId} is not among our figures` : undefined
    if (g === null) {
      counts.goldEmpty++
      if (ours) {
        counts.extra++
        checks.push({ field, status: 'extra', gold: null, ours: oursRef, ...(note ? { note } : {}) })
      }
      continue
    }
    counts.gold++
    const alsoStatedAt = g.also_stated_at ?? []
    const goldRef = { value: g.value, unit: g.unit, line: g.line, text: g.text, alsoStatedAt }
    let status: RecordStatus
    if (!ours) status = 'missing'
    else if (!intersects(goldFieldInterval(g), oursInterval(ours, figure))) status = 'value'
    else status = [g.line, ...alsoStatedAt].includes(ours.line) ? 'right' : 'line'
    counts[({ right: 'right', line: 'lineUnlisted', value: 'wrongValue', missing: 'missing' } as const)[status]]++
    checks.push({ field, status, gold: goldRef, ours: oursRef, ...(note ? { note } : {}) })

    const goldAlternatives = alternativesOf(g)
    if (goldAlternatives.length === 0) continue
    // One-to-one by line: two gold alternatives on one line need two of ours there.
    const ourLines = (ours?.alternatives ?? []).map((a) => a.line)
    const check: AlternativesCheck = { field, found: [], notFound: [] }
    for (const alt of goldAlternatives) {
      const at = ourLines.indexOf(alt.line)
      const ref = { line: alt.line, text: alt.text ?? '' }
      if (at >= 0) {
        ourLines.splice(at, 1)
        check.found.push(ref)
      } else check.notFound.push(ref)
    }
    counts.alternativesGold += goldAlternatives.length
    counts.alternativesFound += check.found.length
    alternatives.push(check)
  }
  return { ...counts, accuracy: recordAccuracy(counts), checks, alternatives }
}

/** Table columns: right/gold, acc, extra. */
export const recordColumns: Array<Column<RecordCounts>> = [
  { header: 'right/gold', cell: (c) => `${c.right}/${c.gold}` },
  { header: 'acc', cell: (c) => formatRate(recordAccuracy(c)) },
  { header: 'extra', cell: (c) => String(c.extra) },
]

const show = (r: RecordValueRef) => `${r.value}${r.unit} at ${r.line}${r.text ? ` (${r.text})` : ''}`
const goldShow = (r: NonNullable<RecordCheck['gold']>) => show(r) + (r.alsoStatedAt.length ? ` also at ${r.alsoStatedAt.join(', ')}` : '')
const oursShow = (r: NonNullable<RecordCheck['ours']>) => show(r) + (r.label ? ` [${r.label}]` : '')
const lineList = (xs: Array<{ line: number; text: string }>) => xs.map((x) => `${x.line}${x.text ? ` ${x.text}` : ''}`).join(', ')

/** `--verbose` lines for one document: every field not right, extras, then alternatives. */
export function describeRecord(s: RecordScore): string[] {
  const out = [
    `record: ${s.right}/${s.gold} fields right; ${s.wrongValue} wrong value, ${s.lineUnlisted} at an unlisted line, ` +
      `${s.missing} missing; ${s.extra}/${s.goldEmpty} extra; alternatives found ${s.alternativesFound}/${s.alternativesGold}`,
  ]
  const label = { value: 'value≠ ', line: 'line   ', missing: 'missing', extra: 'extra  ', right: 'right  ' } as const
  for (const c of s.checks) {
    if (c.status === 'right') continue
    const parts = [c.gold ? `gold ${goldShow(c.gold)}` : 'gold null', c.ours ? `ours ${oursShow(c.ours)}` : 'ours none']
    out.push(`  ${label[c.status]}  ${c.field}  ${parts.join('; ')}${c.note ? ` (${c.note})` : ''}`)
  }
  for (const a of s.alternatives) {
    const found = a.found.length ? `found ${lineList(a.found)}` : ''
    const notFound = a.notFound.length ? `not found ${lineList(a.notFound)}` : ''
    out.push(`  alts     ${a.field}  ${a.found.length}/${a.found.length + a.notFound.length}  ${[found, notFound].filter(Boolean).join('; ')}`)
  }
  return out
}
