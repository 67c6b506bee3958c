/**
 * unit-slip: a unit written wrong. Three ways to see it, strongest first:
 *
 * 1. a relation (a sum, a restatement) that fails as written and holds once one amount is
 *    read in its siblings' unit (20.5万元 + 306.12元 + 12.8万元 = 339.42万元 only with 万元);
 * 2. an amount 10⁴ (or 10⁸) off every other amount of its sentence, all of which share a unit
 *    its number would fit (项目支出612.30万元，实际支出306.12元);
 * 3. a cell whose written unit differs from every other cell of its table column, which all
 *    agree ((5人) among (7分) (8分) (5分) …).
 *
 * Honest mixes stay silent: a 元 report restating one total in 万元 (the number does not fit
 * among its siblings), rates and standards (人均300元, 480元/人/天), tables in 元 beside
 * narrative in 万元 (a table cell is only compared with its own column).
 * Evidence: the slipped figure first, then the siblings it was judged against.
 */
import { Decimal } from 'decimal.js'
import { z } from 'zod'
import type { Figure } from '../../contract.js'
import { loadDataJson } from '../../data-files.js'
import { yuanPower } from '../../extract/units.js'
import { isPlainMoney, sumHolds } from '../relations/table-check.js'
import { TableGrid } from '../relations/table-grid.js'
import type { SumRelation } from '../relations/types.js'
import { powerOfTen } from '../interval.js'
import { defineRule, type ReportInput, type RuleContext } from '../rule.js'

const WordsSchema = z.object({ perUnit: z.array(z.string()), perUnitWindow: z.number().int().positive(), sentenceEnd: z.string() })
let words: z.infer<typeof WordsSchema> | undefined
const vocab = () => (words ??= WordsSchema.parse(loadDataJson('unit-slip-words.json')))

type Slip = Omit<ReportInput, 'evidence'> & { figure: Figure; siblings: Figure[] }

export default defineRule({
  id: 'unit-slip',
  description: '单位疑似写错：金额与同句、同列或所在关系中的其他金额相差10⁴倍，或表格一列中单位与其余各格不同',
  defaultSeverity: 'warning',
  options: z.object({}),
  check(context, report) {
    const seen = new Set<string>()
    for (const slip of [...relationSlips(context), ...sentenceSlips(context), ...columnSlips(context)]) {
      if (seen.has(slip.figure.id)) continue
      seen.add(slip.figure.id)
      const { figure, siblings, ...rest } = slip
      report({ ...rest, evidence: [figure, ...siblings] })
    }
  },
})

/** 10^n between two money units, or undefined when either is not 元 / 万元 / 亿元. */
function powerGap(from: string, to: string): number | undefined {
  const a = yuanPower(from)
  const b = yuanPower(to)
  return a === undefined || b === undefined ? undefined : b - a
}

/** The figure read in another unit: same number as written. */
function reread(f: Figure, unit: string): Figure {
  return { ...f, unit, yuan: new Decimal(f.value).times(powerOfTen(yuanPower(unit)!)).toNumber() }
}

function list(fs: Figure[]): string {
  return fs.map((f) => f.raw).join('、')
}

/** The one unit all `others` share, when it differs from `f`'s by 10⁴ or 10⁸. */
function commonSlipUnit(f: Figure, others: Figure[]): string | undefined {
  const units = new Set(others.map((o) => o.unit))
  if (units.size !== 1) return undefined
  const unit = [...units][0]!
  const gap = powerGap(f.unit, unit)
  return gap !== undefined && (Math.abs(gap) === 4 || Math.abs(gap) === 8) ? unit : undefined
}

function relationSlips({ relations }: RuleContext): Slip[] {
  const out: Slip[] = []
  for (const r of relations.sums) {
    const all = [r.total, ...r.parts.map((p) => p.figure)].filter((f) => f.raw !== '')
    // A list that may name only some parts (complete: false) proves nothing by falling short.
    if (!r.complete || !all.every(isPlainMoney) || sumHolds(r)) continue
    for (const f of all) {
      const others = all.filter((o) => o !== f)
      const unit = others.length >= 2 ? commonSlipUnit(f, others) : undefined
      if (!unit || !sumHolds(withFigure(r, f, reread(f, unit)))) continue
      out.push({
        figure: f,
        siblings: others,
        message: `“${f.raw}”疑为“${f.value}${unit}”：${r.note}，按${unit}计成立，按${f.unit}计不成立（同一关系中的 ${list(others)} 均以${unit}计）`,
        stated: f.yuan!,
        computed: reread(f, unit).yuan!,
      })
    }
  }
  for (const r of relations.restatements) {
    for (const f of r.figures.filter(isPlainMoney)) {
      const others = r.figures.filter((o) => o !== f && isPlainMoney(o))
      const unit = others.length >= 2 ? commonSlipUnit(f, others) : undefined
      if (!unit || !others.some((o) => Math.abs(o.value - f.value) <= 0.5 * 10 ** -Math.min(o.decimals, f.decimals))) continue
      out.push({ figure: f, siblings: others, message: `“${f.raw}”疑为“${f.value}${unit}”：同一数额在别处写作 ${list(others)}`, stated: f.yuan!, computed: reread(f, unit).yuan! })
    }
  }
  return out
}

function withFigure(r: SumRelation, from: Figure, to: Figure): SumRelation {
  return { ...r, total: r.total === from ? to : r.total, parts: r.parts.map((p) => (p.figure === from ? { ...p, figure: to } : p)) }
}

function sentenceSlips({ doc }: RuleContext): Slip[] {
  const ends = vocab().sentenceEnd
  const groups = new Map<number, Figure[]>()
  for (const f of doc.figures) {
    // A rate or standard (人均300元) is no sibling of the amounts around it, nor a slip.
    if (f.cell || !isPlainMoney(f) || f.approx || f.value === 0 || isPerUnit(doc.text, f)) continue
    let start = f.start
    while (start > 0 && !ends.includes(doc.text[start - 1]!)) start--
    groups.set(start, [...(groups.get(start) ?? []), f])
  }
  const out: Slip[] = []
  for (const group of groups.values()) {
    for (const f of group) {
      const others = group.filter((o) => o !== f)
      const unit = others.length >= 1 ? commonSlipUnit(f, others) : undefined
      if (!unit || !fitsAmong(f, others)) continue
      out.push({
        figure: f,
        siblings: others,
        message: `“${f.raw}”疑为“${f.value}${unit}”：同句其他金额 ${list(others)} 均以${unit}计，数值相近；按${f.unit}计它与其中最接近者相差 ${nearestGap(f, others)} 倍`,
        stated: f.yuan!,
        computed: reread(f, unit).yuan!,
      })
    }
  }
  return out
}

/**
 * The number as written sits among its siblings' numbers (within ×20, ×10 beside a single
 * one) while its amount in 元 is at least 10² away from every one of theirs — read in its own
 * unit it would be a hundredth of the smallest of them (306.12元 beside 25.60万元).
 */
function fitsAmong(f: Figure, others: Figure[]): boolean {
  const factor = others.length >= 2 ? 20 : 10
  const lo = Math.min(...others.map((o) => o.value))
  const hi = Math.max(...others.map((o) => o.value))
  if (f.value < lo / factor || f.value > hi * factor) return false
  return others.every((o) => Math.max(o.yuan!, f.yuan!) / Math.min(o.yuan!, f.yuan!) >= 100)
}

/** How many times apart, in 元, `f` and the sibling nearest to it are (836 for 306.12元 beside 25.60万元). */
function nearestGap(f: Figure, others: Figure[]): string {
  const gaps = others.map((o) => Decimal.max(o.yuan!, f.yuan!).div(Decimal.min(o.yuan!, f.yuan!)))
  return Decimal.min(...gaps).toDecimalPlaces(0).toString()
}

/** 人均300元, 每人每天480元, 标准2000元: a rate or standard, not an amount of the sum's kind. */
function isPerUnit(text: string, f: Figure): boolean {
  const { perUnit, perUnitWindow, sentenceEnd } = vocab()
  let before = text.slice(Math.max(0, f.start - perUnitWindow), f.start)
  const cut = Math.max(...[...`${sentenceEnd}，,；;`].map((c) => before.lastIndexOf(c)))
  if (cut >= 0) before = before.slice(cut + 1)
  return perUnit.some((w) => before.includes(w))
}

/** A written unit that differs from all (≥ 3) other cells of its table column, which agree. */
function columnSlips({ doc }: RuleContext): Slip[] {
  const out: Slip[] = []
  for (const table of doc.tables ?? []) {
    const grid = new TableGrid(table, doc, doc.figures)
    for (const band of grid.bands)
      for (let c = 0; c < grid.width; c++) {
        const cells = band.dataRows.map((r) => grid.at(r, c)).filter((s) => s?.kind === 'value' && s.origin)
        const figures = cells.map((s) => s!.figure!).filter((f) => f.kind !== 'percent')
        for (const f of figures) {
          const others = figures.filter((o) => o !== f)
          if (f.unitInferred || others.length < 3 || others.some((o) => o.unit === f.unit)) continue
          const slip = columnSlip(doc.text, f, others)
          if (slip) out.push(slip)
        }
      }
  }
  return out
}

function columnSlip(text: string, f: Figure, others: Figure[]): Slip | undefined {
  const units = new Set(others.map((o) => o.unit))
  if (units.size !== 1) return undefined
  const unit = [...units][0]!
  if (f.kind === 'money' && isPlainMoney(f)) {
    if (!others.every(isPlainMoney) || !commonSlipUnit(f, others) || !fitsAmong(f, others)) return undefined
    return { figure: f, siblings: others, message: `“${f.raw}”疑为“${f.value}${unit}”：同列其他各格均以${unit}计（${list(others)}）`, stated: f.yuan!, computed: reread(f, unit).yuan! }
  }
  if (others.some((o) => o.kind === 'money') || f.kind === 'money') return undefined
  // Same written shape ((5人) among (7分)) and a value within the column's range.
  const shape = (x: Figure) => text.slice(x.start - 1, x.start).replace(/[^（(]/u, '') + text.slice(x.end, x.end + 1).replace(/[^）)]/u, '')
  if (!others.every((o) => shape(o) === shape(f))) return undefined
  const values = others.map((o) => o.value)
  if (f.value < Math.min(...values) || f.value > Math.max(...values)) return undefined
  return { figure: f, siblings: others, message: `“${f.raw}”的单位“${f.unit}”与同列其余 ${others.length} 格（${list(others)}）的“${unit}”不一致`, stated: f.value }
}
