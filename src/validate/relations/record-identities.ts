/**
 * Relations from record identities (data/record-identities.json): wherever a report states a
 * rate or total of the record — 预算执行率, “三公”经费控制率, 支出合计, 年末结余 … — the amounts
 * it is made of, taken from the statements nearest to it, give a ratio or sum relation
 * (origin 'record') for sum-mismatch and ratio-mismatch to check.
 *
 * Guarded against reading too much into a report: the stated figure must be the
 * department's (not a project's or a scoped cell); when none of the components stands in its
 * sentence or row and that sentence holds other amounts, the rate is about those and no
 * identity is emitted; and a rate the report defines by a formula that does not divide the
 * identity's amounts (预算完成率 through 年末结余) is left alone.
 */
import { Decimal } from 'decimal.js'
import { z } from 'zod'
import type { Figure } from '../../contract.js'
import { loadDataJson } from '../../data-files.js'
import type { LineIndex } from '../../document.js'
import type { ValidationInput } from '../rule.js'
import { figureInterval, midpoint } from '../interval.js'
import { rateFormulas } from './record-formulas.js'
import { type Nearest, nearestStatement, SAME_PLACE } from './record-nearest.js'
import { departmentStatements, type Statement, statementsOf } from './record-statements.js'
import type { RatioRelation, Relations, SumRelation, Term } from './types.js'

const TermSchema = z.object({
  keys: z.array(z.string()).min(1),
  sign: z.union([z.literal(1), z.literal(-1)]).default(1),
  near: z.number().int().min(0).max(3).default(3),
  label: z.string().optional(),
})

const IdentitySchema = z.discriminatedUnion('kind', [
  z.object({ id: z.string(), kind: z.literal('ratio'), stated: z.string(), numerator: z.array(TermSchema).min(1), denominator: TermSchema, note: z.string(), formula: z.string().optional(), magnitude: z.boolean().default(false) }),
  z.object({ id: z.string(), kind: z.literal('sum'), stated: z.string(), parts: z.array(TermSchema).min(1), complete: z.boolean(), note: z.string() }),
])

export type Identity = z.infer<typeof IdentitySchema>
type TermDef = z.infer<typeof TermSchema>

let identities: Identity[] | undefined

export function recordIdentityDefs(): Identity[] {
  identities ??= z.object({ identities: z.array(IdentitySchema) }).parse(loadDataJson('record-identities.json')).identities
  return identities
}

export function recordIdentities(doc: ValidationInput, _lines: LineIndex, defs: Identity[] = recordIdentityDefs()): Partial<Relations> {
  const sums: SumRelation[] = []
  const ratios: RatioRelation[] = []
  const seen = new Set<string>()
  for (const identity of defs) {
    for (const stated of departmentStatements(doc, identity.stated)) {
      if (stated.figure.approx) continue
      const terms = identity.kind === 'ratio' ? [...identity.numerator, identity.denominator] : identity.parts
      const found = terms.map((t) => nearestStatement(doc, stated, t.keys, t.near, labelFilter(t)))
      if (found.some((n) => n === null)) continue
      const chosen = found as Nearest[]
      if (!anchored(doc, stated, chosen)) continue
      if (identity.kind === 'ratio' && contradictedByFormula(doc, stated, identity.formula)) continue
      // One relation per set of figures: restatements of the stated value beside the same amounts add nothing.
      const key = `${identity.id}|${stated.figure.raw}|${chosen.map((n) => n.statement.figure.id).join(',')}`
      if (seen.has(key)) continue
      seen.add(key)
      const figures = chosen.map((n) => n.statement.figure)
      if (identity.kind === 'sum') {
        sums.push({ kind: 'sum', total: stated.figure, parts: figures.map((figure, i) => ({ figure, sign: identity.parts[i]!.sign })), origin: 'record', complete: identity.complete, note: identity.note })
        continue
      }
      let numerator: Term[] = figures.slice(0, -1).map((figure, i) => ({ figure, sign: identity.numerator[i]!.sign }))
      const flip = identity.magnitude && stated.figure.value >= 0 && signedSum(numerator).lt(0)
      if (flip) numerator = numerator.map((t) => ({ figure: t.figure, sign: t.sign === 1 ? -1 : 1 }))
      ratios.push({ kind: 'ratio', stated: stated.figure, numerator, denominator: figures.at(-1)!, origin: 'record', note: flip ? `${identity.note}（减少，按变动幅度比较）` : identity.note })
    }
  }
  return { sums, ratios }
}

function labelFilter(term: TermDef): ((f: { label: string | null }) => boolean) | undefined {
  if (!term.label) return undefined
  const pattern = new RegExp(term.label)
  return (f) => f.label !== null && pattern.test(f.label)
}

/**
 * A stated figure whose sentence or row holds, before it, other amounts of the components'
 * kinds — none of them chosen, none a statement of the department's quantities — speaks
 * about those amounts: 执行率24% after 年初安排项目支出171.4万元，已执行41.4万元. (支出合计 before
 * 其中：基本支出 is the department's own total, not a distraction.)
 */
function anchored(doc: ValidationInput, stated: Statement, chosen: Nearest[]): boolean {
  if (chosen.some((n) => n.level === SAME_PLACE)) return true
  const kinds = new Set(chosen.map((n) => n.statement.figure.kind))
  const used = new Set(chosen.map((n) => n.statement.figure))
  const department = departmentFigures(doc)
  return !doc.figures.some((f) => f !== stated.figure && !used.has(f) && !department.has(f) && kinds.has(f.kind) && samePlace(f, stated))
}

const known = new WeakMap<ValidationInput, Set<Figure>>()

function departmentFigures(doc: ValidationInput): Set<Figure> {
  let out = known.get(doc)
  if (out) return out
  out = new Set<Figure>()
  for (const { byScope } of statementsOf(doc).values()) for (const s of byScope.get('') ?? []) out.add(s.figure)
  known.set(doc, out)
  return out
}

function samePlace(f: Figure, stated: Statement): boolean {
  if (stated.figure.cell) return f.cell?.tableId === stated.figure.cell.tableId && f.cell.row === stated.figure.cell.row
  return !f.cell && f.start >= stated.reading.sentenceStart && f.start < stated.figure.start
}

/** The report defines this rate by a formula whose numerator names none of the identity's amounts. */
function contradictedByFormula(doc: ValidationInput, stated: Statement, words: string | undefined): boolean {
  if (!words) return false
  const names = new Set(stated.reading.parts.map((p) => p.text))
  const formulas = rateFormulas(doc)
  const pattern = new RegExp(words)
  return [...names].some((name) => {
    const formula = formulas.get(name)
    return formula !== undefined && !pattern.test(formula.numerator)
  })
}

function signedSum(terms: Term[]): Decimal {
  return terms.reduce((acc, t) => acc.plus(midpoint(figureInterval(t.figure)).times(t.sign)), new Decimal(0))
}
