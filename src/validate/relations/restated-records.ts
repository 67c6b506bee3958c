/**
 * Restatements of the record's quantities: every statement of 年初预算 (or of 项目支出 in
 * scope 基本支出 …) across narrative, tables and headings, as one group that should agree.
 *
 * Statements in one sentence or one table row are never taken for restatements of each other:
 * 实有人数30人，其中：在职人数26人 names two quantities, and a row 工资福利支出 | 3,100,000.00 |
 * 1,500,000.00 holds two columns. When such a place gives one quantity two different values,
 * the place is ambiguous and left out of the group rather than guessed at.
 */
import type { LineIndex } from '../../document.js'
import type { ValidationInput } from '../rule.js'
import { figureInterval, intersects } from '../interval.js'
import { comparableScope, quantityVocabulary } from './record-quantities.js'
import { ALL_SCOPES, statementsOf, type Statement } from './record-statements.js'
import type { Relations, Restatement } from './types.js'

export function restatedRecords(doc: ValidationInput, _lines: LineIndex): Partial<Relations> {
  const restatements: Restatement[] = []
  const vocabulary = quantityVocabulary()
  for (const [key, { def, byScope }] of statementsOf(doc)) {
    for (const [scope, statements] of byScope) {
      // Only scopes the report names in a known way are compared: an item, a year or a fund
      // named in passing (一般行政管理事务, 2021年, 一般公共预算) may stand for several things.
      if (scope !== ALL_SCOPES && !comparableScope(vocabulary, scope)) continue
      const kept = withoutAmbiguousPlaces(statements)
      if (new Set(kept.map((s) => s.reading.locus)).size < 2) continue
      restatements.push({
        kind: 'restated',
        key: scope === '' ? key : `${key}@${scope}`,
        figures: kept.map((s) => s.figure).sort((a, b) => a.start - b.start),
        origin: 'record',
        note: scope === '' ? def.name : `${def.name}（${scope}）`,
      })
    }
  }
  return { restatements }
}

/**
 * Drops every statement of a sentence or row that gives the quantity, read the same way, values
 * that disagree. Cells of one row under different scopes (本年决算 and 基本支出) are not
 * ambiguous: they are the total and its part.
 */
export function withoutAmbiguousPlaces(statements: Statement[]): Statement[] {
  const byLocus = new Map<string, Statement[]>()
  for (const s of statements) {
    const place = `${s.reading.locus}|${s.statedScope}`
    byLocus.set(place, [...(byLocus.get(place) ?? []), s])
  }
  const ambiguous = new Set<string>()
  for (const [locus, list] of byLocus) {
    const values = list.filter((s) => !s.figure.comparator).map((s) => figureInterval(s.figure))
    if (values.some((a) => values.some((b) => !intersects(a, b)))) ambiguous.add(locus)
  }
  return statements.filter((s) => !ambiguous.has(`${s.reading.locus}|${s.statedScope}`))
}
