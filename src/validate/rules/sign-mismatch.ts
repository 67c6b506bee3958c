/**
 * sign-mismatch: a change whose direction the figures or the words contradict —
 * - a rate of a difference (变动率 = (本年 − 上年)/上年, from any relation source) whose sign
 *   is not the sign of the difference: a decrease given as a positive 变动率;
 * - a change amount worded 减少 while this year's amount exceeds last year's (or 增加 below it);
 * - a neutral rate (变动率, 增长率) stated positive beside a change worded 减少 (or negative
 *   beside 增加) when the years' amounts are not both stated;
 * - a rate that repeats its direction with a sign (下降−5%): info, since the reader cannot
 *   tell which is meant.
 */
import { Decimal } from 'decimal.js'
import { z } from 'zod'
import type { Figure } from '../../contract.js'
import { findChanges } from '../relations/wording-changes.js'
import { checkRatio, exactValue } from '../relations/wording-evaluate.js'
import { percentText, ratioEvidence, termsText } from '../relations/wording-format.js'
import { defineRule } from '../rule.js'

export default defineRule({
  id: 'sign-mismatch',
  description: '增减方向与变动率的正负号应一致',
  defaultSeverity: 'warning',
  options: z.object({}),
  check({ doc, relations }, report) {
    const reported = new Set<Figure>()
    for (const rel of relations.ratios) {
      if (!rel.numerator.some((t) => t.sign === -1)) continue
      const check = checkRatio(rel)
      if (!check || rel.stated.comparator || rel.stated.value === 0) continue
      const wrong = (check.computed.hi.lt(0) && rel.stated.value > 0) || (check.computed.lo.gt(0) && rel.stated.value < 0)
      if (!wrong) continue
      const top = rel.numerator.length > 1 ? `(${termsText(rel.numerator, rel.numerator[0]!.figure)})` : termsText(rel.numerator, rel.numerator[0]!.figure)
      const direction = check.exact.isNeg() ? '减少' : '增加'
      reported.add(rel.stated)
      report({
        message: `${rel.note}：${top} / ${termsText([{ figure: rel.denominator, sign: 1 }], rel.numerator[0]!.figure)} = ${percentText(check.exact, 2)}，为${direction}，所述 ${rel.stated.raw.trim()} 的正负号与之相反`,
        evidence: ratioEvidence(rel),
        stated: rel.stated.value,
        computed: check.exact.toDecimalPlaces(4).toNumber(),
      })
    }
    for (const c of findChanges(doc)) {
      const { current: a, prior: b, amount, rate } = c
      if (amount && a && b) {
        const diff = exactValue(a).minus(exactValue(b))
        const contradicts = (amount.direction === 'decrease' && diff.gt(0)) || (amount.direction === 'increase' && diff.lt(0))
        if (contradicts) {
          report({
            message: `所述比上年${amount.direction === 'decrease' ? '减少' : '增加'} ${amount.figure.raw.trim()}，但本年 ${a.raw.trim()} ${diff.gt(0) ? '高于' : '低于'}上年 ${b.raw.trim()}`,
            evidence: [{ figure: amount.figure, role: 'stated' }, { figure: a, role: 'current' }, { figure: b, role: 'prior' }],
          })
        }
      }
      if (!rate || reported.has(rate.figure) || rate.figure.value === 0 || rate.figure.comparator) continue
      const value = new Decimal(rate.figure.value)
      if (rate.wording === 'signed' && amount && !(a && b)) {
        if ((amount.direction === 'decrease' && value.gt(0)) || (amount.direction === 'increase' && value.lt(0))) {
          report({
            message: `所述${amount.direction === 'decrease' ? '减少' : '增加'} ${amount.figure.raw.trim()}，变动率却为${value.gt(0) ? '正' : '负'}（${rate.figure.raw.trim()}）`,
            evidence: [{ figure: rate.figure, role: 'stated' }, { figure: amount.figure, role: 'amount' }],
            stated: rate.figure.value,
          })
        }
      } else if (rate.wording !== 'signed' && value.lt(0)) {
        report({
          message: `“${rate.wording === 'decrease' ? '下降' : '增长'}”后又写负号（${rate.figure.raw.trim()}），增减方向不明`,
          evidence: [{ figure: rate.figure, role: 'stated' }],
          stated: rate.figure.value,
          severity: 'info',
        })
      }
    }
  },
})
