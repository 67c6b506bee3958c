/**
 * Which statement of a component a stated rate or total is to be checked against: the one
 * nearest to it. A report that states 三公经费控制率 55.10% beside 41,200.00元 and 90,000元 in
 * one sentence, and 45.78% beside 4.12万 and 9万 in a table row, makes two claims, each
 * about the amounts beside it. Nearness, best first: the same sentence or table row, the same
 * paragraph or table, the same section; beyond that only a statement nobody contradicts (all
 * the department-level statements of the component agree) is used.
 */
import type { Figure } from '../../contract.js'
import type { ValidationInput } from '../rule.js'
import { figureInterval, intersects } from '../interval.js'
import { departmentStatements, type Statement } from './record-statements.js'

export const SAME_PLACE = 0
export const SAME_BLOCK = 1
export const SAME_SECTION = 2
export const ELSEWHERE = 3

export interface Nearest {
  statement: Statement
  /** SAME_PLACE … ELSEWHERE. */
  level: number
}

export function nearness(a: Statement, b: Statement): number {
  if (a.reading.locus === b.reading.locus) return SAME_PLACE
  const ca = a.figure.cell
  const cb = b.figure.cell
  if (ca && cb ? ca.tableId === cb.tableId : !ca && !cb && a.figure.line === b.figure.line) return SAME_BLOCK
  if (a.figure.sectionId !== null && a.figure.sectionId === b.figure.sectionId) return SAME_SECTION
  return ELSEWHERE
}

/**
 * The nearest department-level statement of any of `keys` to `anchor`, not beyond `maxLevel`,
 * whose figure passes `accept`. Ties go to the statement closest in the text.
 */
export function nearestStatement(doc: ValidationInput, anchor: Statement, keys: readonly string[], maxLevel = ELSEWHERE, accept: (f: Figure) => boolean = () => true): Nearest | null {
  let best: Nearest | null = null
  let bestDistance = Infinity
  const usable = new Map<string, Statement[]>()
  for (const key of keys) {
    const candidates = departmentStatements(doc, key).filter((s) => s.figure !== anchor.figure && !s.figure.approx && !s.figure.comparator && accept(s.figure))
    usable.set(key, candidates)
    let agreed: boolean | undefined
    for (const statement of candidates) {
      const level = nearness(anchor, statement)
      if (level > maxLevel) continue
      if (level === ELSEWHERE && !(agreed ??= uncontested(candidates))) continue
      const distance = Math.abs(statement.figure.start - anchor.figure.start)
      if (!best || level < best.level || (level === best.level && distance < bestDistance)) {
        best = { statement, level }
        bestDistance = distance
      }
    }
  }
  if (best?.level === ELSEWHERE) {
    // Far away, prefer the statement the record chose for the field, when it is one of them.
    const primary = doc.record[best.statement.key as keyof ValidationInput['record']]?.figureId
    const chosen = usable.get(best.statement.key)?.find((s) => s.figure.id === primary)
    if (chosen) best = { statement: chosen, level: ELSEWHERE }
  }
  return best
}

/** All statements agree within rounding: whichever is taken, the check is the same. */
function uncontested(statements: Statement[]): boolean {
  const first = statements[0]
  if (!first) return false
  const a = figureInterval(first.figure)
  return statements.every((s) => intersects(a, figureInterval(s.figure)))
}
