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
import { type QuantityDef, quantityVocabulary } from './record-quantities.js'

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
  const found = new Map<QuantityDef, Found[]>()
  for (const def of quantityVocabulary().quantities) {
    const list: Found[] = []
    for (const figure of doc.figures) {
      const reading = readings.get(figure.id)
      const s = reading ? statementOf(def, reading, fiscalYear) : null
      if (s) list.push(s)
    }
    found.set(def, list)
  }
  // A generic word (实际支出, 执行率) states the quantity only beside a statement of another
  // quantity: 全年预算数X，实际支出Y; 预算安排资金X，实际支出Y，控制率Z. Alone it may be anyone's.
  const byLocus = new Map<string, Array<{ key: string; figure: Figure }>>()
  for (const [def, list] of found) for (const s of list) byLocus.set(s.reading.locus, [...(byLocus.get(s.reading.locus) ?? []), { key: def.key, figure: s.figure }])
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
      byScope.set(scope, [...(byScope.get(scope) ?? []), { ...statement, scope, statedScope: s.scope }])
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

function statementOf(def: QuantityDef, reading: FigureReading, fiscalYear: number | null): Found | null {
  const figure = reading.figure
  if (!def.kinds.has(figure.kind)) return null
  if (def.exclude && figure.label && def.exclude.test(figure.label.replace(/[“”"‘’\s]/g, ''))) return null
  if (def.context && !def.context.test(reading.context)) return null
  for (const part of reading.parts) {
    const match = def.match.find((m) => m.label.test(part.text) && (!m.context || m.context.test(reading.context)))
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

/** A statement without scope must not be about something else: a rate in a sentence on 项目, an amount in a 三公 section. */
function departmentLevel(def: QuantityDef, reading: FigureReading, part: LabelPart): boolean {
  if (def.subjectExclude?.test(part.subject)) return false
  if (def.clauseExclude?.test(reading.clause)) return false
  if (def.sectionExclude?.test(reading.section)) return false
  return true
}
