/**
 * Every statement of every quantity in a document: which figures state 年初预算, 基本支出,
 * “三公”经费控制率 …, and in which scope. Shared by the restatement source (the same
 * quantity stated twice should agree) and the record identities (a stated rate against the
 * amounts it is a ratio of).
 *
 * Scope: 基本支出中的商品和服务支出 and 项目支出中的商品和服务支出 are different quantities;
 * a bare 商品和服务支出 is their total when the report also states scoped ones, and the
 * quantity itself when the scope it names is the quantity's own (人员经费 is always 基本支出)
 * and nothing else is stated.
 */
import type { Figure } from '../../contract.js'
import type { ValidationInput } from '../rule.js'
import { type FigureReading, type LabelPart, readFigures } from './record-reading.js'
import { type QuantityDef, type QuantityMatch, quantityVocabulary, type QuantityVocabulary } from './record-quantities.js'

export interface Statement {
  figure: Figure
  reading: FigureReading
  key: string
  /** '' = the quantity itself (the department's); otherwise the scope it is stated for. */
  scope: string
  /** The scope as the label gives it, before bare and default-scope statements are merged. */
  statedScope: string
}

export interface QuantityStatements {
  def: QuantityDef
  /** Statements by scope; '' holds the department-level ones. */
  byScope: Map<string, Statement[]>
}

/** Scope key of bare statements kept apart from their default scope: the total over all scopes. */
export const ALL_SCOPES = '全部'

const cache = new WeakMap<ValidationInput, Map<string, QuantityStatements>>()

export function statementsOf(doc: ValidationInput): Map<string, QuantityStatements> {
  const hit = cache.get(doc)
  if (hit) return hit
  const readings = readFigures(doc)
  const fiscalYear = doc.document.fiscalYear
  const vocabulary = quantityVocabulary()
  const defs = vocabulary.quantities
  const lists: Found[][] = defs.map(() => [])
  // Every quantity tests every figure (≈ 10% of a TXT analysis before): a label part that
  // names no quantity at all (one regex of all their patterns) cannot match any one of them,
  // so only the parts that name one are tried, and a figure with none is passed over. Figures
  // outside, quantities inside: each quantity's list stays in document order.
  for (const figure of doc.figures) {
    const reading = readings.get(figure.id)
    if (!reading) continue
    const named = namedParts(reading.parts, vocabulary)
    if (named.length === 0) continue
    const label = figure.label ? figure.label.replace(/[“”"‘’\s]/g, '') : undefined
    for (let k = 0; k < defs.length; k++) {
      const s = statementOf(defs[k]!, reading, named, label, fiscalYear)
      if (s) lists[k]!.push(s)
    }
  }
  const found = new Map<QuantityDef, Found[]>(defs.map((def, k) => [def, lists[k]!]))
  // A generic word (实际支出, 执行率) states the quantity only beside a statement of another
  // quantity: 全年预算数X，实际支出Y; 预算安排资金X，实际支出Y，控制率Z. Alone it may be anyone's.
  const byLocus = new Map<string, Array<{ key: string; figure: Figure }>>()
  for (const [def, list] of found) {
    for (const s of list) {
      const here = byLocus.get(s.reading.locus)
      if (here) here.push({ key: def.key, figure: s.figure })
      else byLocus.set(s.reading.locus, [{ key: def.key, figure: s.figure }])
    }
  }
  const out = new Map<string, QuantityStatements>()
  for (const [def, all] of found) {
    const list = all.filter((s) => !s.weak || (byLocus.get(s.reading.locus) ?? []).some((o) => o.key !== def.key && o.figure !== s.figure))
    if (list.length === 0) continue
    // Bare statements are the quantity itself unless the report also states it in other scopes.
    const otherScopes = list.some((s) => s.scope !== '' && !s.explicitDefault)
    const byScope = new Map<string, Statement[]>()
    for (const s of list) {
      const scope = s.explicitDefault ? '' : s.scope === '' && otherScopes && def.defaultScope ? ALL_SCOPES : s.scope
      const { explicitDefault: _d, weak: _w, ...statement } = s
      const inScope = byScope.get(scope)
      if (inScope) inScope.push({ ...statement, scope, statedScope: s.scope })
      else byScope.set(scope, [{ ...statement, scope, statedScope: s.scope }])
    }
    out.set(def.key, { def, byScope })
  }
  cache.set(doc, out)
  return out
}

/** The department-level statements of a quantity, in document order. */
export function departmentStatements(doc: ValidationInput, key: string): Statement[] {
  return statementsOf(doc).get(key)?.byScope.get('') ?? []
}

type Found = Omit<Statement, 'statedScope'> & { explicitDefault: boolean; weak: boolean }

/** `parts`: the reading's parts that name some quantity; `label`: the figure's label without quotes and spaces. */
function statementOf(def: QuantityDef, reading: FigureReading, parts: LabelPart[], label: string | undefined, fiscalYear: number | null): Found | null {
  const figure = reading.figure
  if (!def.kinds.has(figure.kind)) return null
  if (def.exclude && label !== undefined && def.exclude.test(label)) return null
  if (def.context && !def.context.test(reading.context)) return null
  for (const part of parts) {
    const match = matchFor(def, part, reading)
    if (!match) continue
    const weak = match.weak === true
    let scope = match.scope ?? part.scope
    // Another year's figure (较2021年…预算数) is that year's quantity; a prior-year field expects the year before.
    const expected = fiscalYear === null ? null : def.key.endsWith('.prior_year') ? fiscalYear - 1 : fiscalYear
    if (expected !== null && reading.year !== null && reading.year !== expected) scope = scope === '' ? `${reading.year}年` : `${reading.year}年·${scope}`
    const explicitDefault = scope !== '' && def.defaultScope !== undefined && def.defaultScope.test(scope)
    if (scope !== '' && !explicitDefault) {
      if (!def.scoped) return null
      return { figure, reading, key: def.key, scope, explicitDefault, weak }
    }
    if (!departmentLevel(def, reading, part)) return null
    return { figure, reading, key: def.key, scope, explicitDefault, weak }
  }
  return null
}

// Plain loops, not find/filter with closures: they run per figure and quantity, and a closure
// over loop variables costs V8 a context allocation per iteration.

/** The first of the quantity's label patterns the part states (with its context words around). */
function matchFor(def: QuantityDef, part: LabelPart, reading: FigureReading): QuantityMatch | undefined {
  for (const m of def.match) if (m.label.test(part.text) && (!m.context || m.context.test(reading.context))) return m
  return undefined
}

/** The parts that name some quantity: no other can match any quantity's label pattern. */
function namedParts(parts: LabelPart[], vocabulary: QuantityVocabulary): LabelPart[] {
  const out: LabelPart[] = []
  for (const p of parts) if (vocabulary.namesQuantity(p.text)) out.push(p)
  return out
}

/** A statement without scope must not be about something else: a rate in a sentence on 项目, an amount in a 三公 section. */
function departmentLevel(def: QuantityDef, reading: FigureReading, part: LabelPart): boolean {
  if (def.subjectExclude?.test(part.subject)) return false
  if (def.clauseExclude?.test(reading.clause)) return false
  if (def.sectionExclude?.test(reading.section)) return false
  return true
}
