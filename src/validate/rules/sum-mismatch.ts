/**
 * sum-mismatch: parts that do not add up to their total, for every SumRelation whatever its
 * source (其中 lists, 合计 rows and columns, record identities, differences such as 超支 =
 * 实际 − 预算). Rounding-aware after XBRL Calculations 1.1: the interval the parts stand for
 * must meet the total's. A list that may name only some parts (complete: false) contradicts
 * its total only when the parts exceed it — and, for counts, which such lists may count twice
 * (科级干部 and 女性干部), only as info. A gap within one unit of the least precise digit,
 * or an approximate figure (多, 约), gives an info finding, never a warning.
 */
import { z } from 'zod'
import { unitScale } from '../interval.js'
import { checkSum, exactValue } from '../relations/wording-evaluate.js'
import { decimalsIn, numberIn, termsText, valueIn } from '../relations/wording-format.js'
import { defineRule } from '../rule.js'

export default defineRule({
  id: 'sum-mismatch',
  description: '分项之和应等于合计（差额应等于两数之差）',
  defaultSeverity: 'warning',
  options: z.object({}),
  check({ relations }, report) {
    for (const rel of relations.sums) {
      const check = checkSum(rel)
      if (!check || check.holds) continue
      const { total, parts } = rel
      const decimals = decimalsIn([total, ...parts.map((t) => t.figure)], total)
      const arithmetic = `${termsText(parts, total)} = ${valueIn(check.exact, total, decimals)}`
      const stated = `${numberIn(total, total)}${total.unit}`
      const difference = valueIn(check.exact.minus(exactValue(total)).abs(), total, decimals)
      const partial = !rel.complete && parts.every((t) => t.sign === 1)
      const message = partial
        ? `${rel.note}：所列分项之和 ${arithmetic}，超过总数 ${stated}（多出 ${difference}）`
        : `${rel.note}：${arithmetic}，与所述 ${stated} 不一致（相差 ${difference}）`
      // Counts listed without being all of their total may overlap (科级干部, 女性干部): their
      // excess is worth a look, not a warning.
      const minor = check.approx || check.gap.lte(check.unit) || (partial && total.kind === 'count')
      report({
        message,
        evidence: [{ figure: total, role: 'total' }, ...parts.map((t) => ({ figure: t.figure, role: t.sign === 1 ? 'part' : 'subtracted' }))],
        stated: total.value,
        computed: check.exact.div(unitScale(total)).toNumber(),
        ...(minor ? { severity: 'info' as const } : {}),
      })
    }
  },
})
