/**
 * Which figures of a report state a quantity of the year before, and which field of last
 * year's own report states the same quantity. Two sources:
 *
 * - record fields that are prior-year statements by definition (three_public.prior_year →
 *   last year's three_public.actual; carryover.prior → last year's carryover.year_end: what a
 *   year ends with is what the next one starts with). The label may redirect within the pair:
 *   上年三公经费预算数 compares with last year's budget, not its spending.
 * - any figure whose label says 上年/上一年度 and whose remainder names a quantity
 *   (data/cross-checks.json priorYear.quantities): 上年公用经费支出 → public_funds.actual.
 *
 * 比上年减少 (a difference) and 上年结转·全年执行数 (spent this year from last year's
 * carryover) are not prior-year values and are left out.
 */
import type { FieldId } from '../../normalize/field-ids.js'
import type { StoredFigure, StoredStatement } from '../../store/cross-queries.js'
import { crossData } from './cross-data.js'

export interface PriorYearStatement {
  figure: StoredFigure
  /** The field of last year's report that states the same quantity. */
  lastYear: FieldId
  /** Where the statement came from: the record field id, or `label`. */
  from: string
}

/** The words to search labels for: those containing no other (上年 finds 上年度 too). */
export function priorYearWords(): readonly string[] {
  const words = crossData().priorYear.words
  return words.filter((w) => !words.some((o) => o !== w && w.includes(o)))
}

/** The record fields read as prior-year statements. */
export function priorRecordFields(): FieldId[] {
  return crossData().priorYear.recordFields.map((r) => r.field)
}

/** Every field of last year's report the statements may be compared with (alternates included). */
export function lastYearFields(): FieldId[] {
  const p = crossData().priorYear
  const fields = new Set<FieldId>([...p.quantities.map((q) => q.field), ...p.recordFields.map((r) => r.lastYear)])
  for (const f of [...fields]) {
    const alternate = p.alternates[f]
    if (alternate) fields.add(alternate)
  }
  return [...fields]
}

/** The field of last year `alternates` names for `field` (budget for actual …), if any. */
export function alternateOf(field: FieldId): FieldId | undefined {
  return crossData().priorYear.alternates[field]
}

let wordPattern: RegExp | undefined

/**
 * The quantity of last year a label names, or null when it names none (or is no prior-year
 * label at all). Table labels are 'row·column'.
 */
export function priorYearField(label: string | null, kind: StoredFigure['kind']): FieldId | null {
  if (!label) return null
  const p = crossData().priorYear
  wordPattern ??= new RegExp(`(${[...p.words].sort((a, b) => b.length - a.length).join('|')})`)
  const parts = label.replace(/[“”"'‘’]/g, '').split('·')
  const at = parts.findIndex((part) => wordPattern!.test(part))
  if (at < 0) return null
  const part = parts[at]!
  const match = wordPattern.exec(part)!
  if (new RegExp(p.notPrior).test(part.slice(0, match.index))) return null
  const without = (part.slice(0, match.index) + part.slice(match.index + match[0].length)).replace(new RegExp(p.trim, 'g'), '')
  let remainder: string
  if (at === 0) {
    // The row names the prior-year quantity; a column may only say where it is printed.
    const column = parts.slice(1).join('·')
    if (column && !new RegExp(p.neutralColumns).test(column)) return null
    remainder = without
  } else {
    // The column is the prior-year one (三公经费·上年预算数): the row names the quantity.
    remainder = parts.slice(0, at).join('') + without
  }
  return p.quantities.find((q) => q.kinds.includes(kind) && new RegExp(q.match).test(remainder))?.field ?? null
}

/**
 * The prior-year statements of one report, from its record statements (of priorRecordFields)
 * and its figures labelled with a prior-year word; each figure once, record fields first.
 */
export function priorYearStatements(record: readonly StoredStatement[], labelled: readonly StoredFigure[]): PriorYearStatement[] {
  const p = crossData().priorYear
  const out: PriorYearStatement[] = []
  const seen = new Set<string>()
  for (const s of record) {
    const def = p.recordFields.find((r) => r.field === s.field)
    if (!def || seen.has(s.figure.id)) continue
    let lastYear = def.lastYear
    if (def.byLabel) {
      const named = priorYearField(s.figure.label, s.figure.kind)
      if (named && (named === def.lastYear || named === p.alternates[def.lastYear])) lastYear = named
    }
    seen.add(s.figure.id)
    out.push({ figure: s.figure, lastYear, from: s.field })
  }
  for (const f of labelled) {
    if (seen.has(f.id)) continue
    const field = priorYearField(f.label, f.kind)
    if (!field) continue
    seen.add(f.id)
    out.push({ figure: f, lastYear: field, from: 'label' })
  }
  return out
}
