/**
 * Arithmetic relations a report implies, found once per document and shared by the rules:
 * a total and its parts, a stated rate and the amounts it is a ratio of, the same quantity
 * stated in several places. Where each comes from — local wording (其中, 占…%, 比上年减少),
 * table structure (合计 rows and columns) or record identities (执行率 = 执行数/预算数) — is
 * kept, because a rule may trust them differently.
 */
import type { Figure } from '../../contract.js'

export type RelationOrigin = 'wording' | 'table-row' | 'table-column' | 'record'

/** A signed figure in an expression: a part of a sum (+1) or a subtracted amount (−1). */
export interface Term {
  figure: Figure
  sign: 1 | -1
}

/** total = Σ sign·part. A difference (年末结余 = 全年可用 − 决算) is a sum with a negative part. */
export interface SumRelation {
  kind: 'sum'
  total: Figure
  parts: Term[]
  origin: RelationOrigin
  /**
   * The parts are all of the total (a 合计 row, a full 其中 list that names every source).
   * When false the text may list only some parts (其中：在岗人数131人), so only parts that
   * exceed the total contradict it.
   */
  complete: boolean
  /** What the relation is, for messages: “其中” breakdown, 合计 row, 年末结余 identity … */
  note: string
}

/** stated % = (Σ numerator) / denominator × 100. */
export interface RatioRelation {
  kind: 'ratio'
  stated: Figure
  numerator: Term[]
  denominator: Figure
  origin: RelationOrigin
  note: string
}

/** One quantity stated more than once: the values should agree within rounding. */
export interface Restatement {
  kind: 'restated'
  /** What is restated: a record field id (budget.execution_rate) or a normalised label. */
  key: string
  /** In document order; at least two. */
  figures: Figure[]
  origin: RelationOrigin
  note: string
}

export interface Relations {
  sums: SumRelation[]
  ratios: RatioRelation[]
  restatements: Restatement[]
}

export function emptyRelations(): Relations {
  return { sums: [], ratios: [], restatements: [] }
}
