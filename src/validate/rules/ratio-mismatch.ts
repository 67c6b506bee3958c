/**
 * ratio-mismatch: a stated rate (占比, 执行率, 控制率, 变动率 …) that its operands do not give,
 * for every RatioRelation whatever its source. The printed operands' ratio must round to
 * the stated rate; a bound (≤100%) must hold. When only the sign is wrong the finding
 * belongs to sign-mismatch. Lowered to info: a rate that is the computed one cut off rather
 * than rounded (99.9 → 99), a gap the operands' own rounding explains within one unit of
 * the rate's last digit, or an approximate figure involved.
 */
import { z } from 'zod'
import { checkRatio } from '../relations/wording-evaluate.js'
import { percentText, ratioEvidence, termsText } from '../relations/wording-format.js'
import { defineRule } from '../rule.js'

export default defineRule({
  id: 'ratio-mismatch',
  description: '所述比率（占比、执行率、控制率、变动率）应等于相应金额之比',
  defaultSeverity: 'warning',
  options: z.object({}),
  check({ relations }, report) {
    for (const rel of relations.ratios) {
      const check = checkRatio(rel)
      if (!check || check.holds || check.signOnly) continue
      const { stated, numerator, denominator } = rel
      const decimals = Math.max(2, stated.decimals)
      const top = numerator.length > 1 ? `(${termsText(numerator, numerator[0]!.figure)})` : termsText(numerator, numerator[0]!.figure)
      const arithmetic = `${top} / ${termsText([{ figure: denominator, sign: 1 }], numerator[0]!.figure)} = ${percentText(check.exact, decimals)}`
      const verdict = stated.comparator ? `不满足所述 ${stated.raw.trim()}` : `与所述 ${stated.raw.trim()} 不一致`
      const minor = check.truncated || check.approx || (check.holdsWithinRounding && check.gap.lte(check.unit))
      report({
        message: `${rel.note}：${arithmetic}，${verdict}`,
        evidence: ratioEvidence(rel),
        stated: stated.value,
        computed: check.exact.toDecimalPlaces(4).toNumber(),
        ...(minor ? { severity: 'info' as const } : {}),
      })
    }
  },
})
