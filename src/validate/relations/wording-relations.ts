/**
 * The relation source for local wording: breakdowns (其中 / 包含 / brackets), shares
 * (占…%), year-on-year changes (比上年减少…，下降…%), differences (超支, 节余, 已支付…剩余)
 * and rates stated with their operands (…控制率为…%). Registered in relations/index.ts.
 * A source never throws on odd text: a sentence it cannot read gives no relation.
 */
import type { LineIndex } from '../../document.js'
import type { ValidationInput } from '../rule.js'
import type { Relations } from './types.js'
import { breakdownRelations, findBreakdowns } from './wording-breakdowns.js'
import { changeRelations, findChanges } from './wording-changes.js'
import { differenceRelations } from './wording-differences.js'
import { rateRelations } from './wording-rates.js'
import { shareRelations } from './wording-shares.js'

export default function wordingRelations(doc: Pick<ValidationInput, 'text' | 'figures'>, _lines?: LineIndex): Partial<Relations> {
  const breakdowns = findBreakdowns(doc)
  const changes = changeRelations(findChanges(doc))
  return {
    sums: [...breakdownRelations(breakdowns), ...changes.sums, ...differenceRelations(doc)],
    ratios: [...shareRelations(doc, breakdowns), ...changes.ratios, ...rateRelations(doc)],
  }
}
