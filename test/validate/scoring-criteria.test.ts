import { describe, expect, it } from 'vitest'
import { parseCondition } from '../../src/validate/scoring-conditions.js'
import { parseCriterion } from '../../src/validate/scoring-criteria.js'
import { formatSpans, reachableByDeductions, scaleValues, scoreAt } from '../../src/validate/scoring-evaluate.js'

/** Points the criterion gives `x`, as 6 or 1–3 (several readings joined by 、); null when it is silent. */
function at(text: string, weight: number, x: number): string | null {
  const c = parseCriterion(text)
  const spans = c ? scoreAt(c, x, weight) : null
  return spans ? formatSpans(spans) : null
}

function scale(text: string, weight: number): string | null {
  const c = parseCriterion(text)
  const spans = c ? scaleValues(c, weight) : null
  return spans ? formatSpans(spans) : null
}

describe('parseCondition', () => {
  it.each([
    ['0-10%(含)', { lo: { value: 0, inclusive: false }, hi: { value: 10, inclusive: true } }],
    ['80%(含)-90%', { lo: { value: 80, inclusive: true }, hi: { value: 90, inclusive: false } }],
    ['在80%至90%之间', { lo: { value: 80 }, hi: { value: 90 } }],
    ['90%(含)以上', { lo: { value: 90, inclusive: true } }],
    ['100%以下(含)', { hi: { value: 100, inclusive: true } }],
    ['95%及以上', { lo: { value: 95, inclusive: true } }],
    ['大于30%', { lo: { value: 30, inclusive: false } }],
    ['低于70%', { hi: { value: 70, inclusive: false } }],
    ['变动率≦0', { hi: { value: 0, inclusive: true } }],
    ['预算控制率=0', { lo: { value: 0, inclusive: true }, hi: { value: 0, inclusive: true } }],
    ['100%', { lo: { value: 100, inclusive: true }, hi: { value: 100, inclusive: true } }],
    ['80%≤满意度<90%', { lo: { value: 80, inclusive: true }, hi: { value: 90, inclusive: false } }],
    ['不低于95%且小于100%', { lo: { value: 95, inclusive: true }, hi: { value: 100, inclusive: false } }],
  ])('%s', (text, range) => {
    expect(parseCondition(text)).toEqual(range)
  })

  it.each(['以2016年完工的项目为准', '2016-2020年', '低于3次', '超过2个工作日', '效果较好的'])('%s states no rate condition', (text) => {
    expect(parseCondition(text)).toBeNull()
  })
})

describe('parseCriterion and what it allows', () => {
  it('≦100% a band, then a step above it with the band as base (在职人员控制率)', () => {
    const t = '以100%为标准。在职人员控制率≦100%，计7分；每超过一个百分点扣0.2分，扣完为止。'
    expect(at(t, 7, 100)).toBe('7')
    expect(at(t, 7, 105)).toBe('6')
    expect(at(t, 7, 100.5)).toBe('6.8–7') // half a step: counted or not
    expect(at(t, 7, 150)).toBe('0') // 扣完为止
    expect(scale(t, 7)).toBeNull()
  })

  it('a step anchored by its own clause’s condition (“三公经费”＞0，每超过…)', () => {
    const t = '“三公经费”变动率≦0，计8分；“三公经费”＞0，每超过一个百分点扣0.8分，扣完为止。'
    expect(at(t, 8, -57.3)).toBe('8')
    expect(at(t, 8, 2.5)).toBe('5.6–6.4')
  })

  it('100%计满分 then 每低于5%扣2分: steps counted whole or partly crossed', () => {
    const t = '100%计满分，每低于5%扣2分，扣完为止。'
    expect(at(t, 5, 90.45)).toBe('1–3')
    expect(at(t, 5, 99.07)).toBe('3–5')
    expect(at(t, 5, 100)).toBe('5')
  })

  it('tiers that meet, one end marked （含）', () => {
    const t = '预算控制率=0，计5分；0-10%（含），计4分；10-20%（含），计3分；20-30%（含），计2分；大于30%不得分'
    expect([0, 10, 10.5, 30, 71.18].map((x) => at(t, 5, x))).toEqual(['5', '4', '3', '2', '0'])
    expect(scale(t, 5)).toBe('5、4、3、2、0')
  })

  it('a percentage scale over several lines is a scale of 6 / 4 / 2 / 0', () => {
    const t = '90%（含）以上计6分；\n80%（含）-90%，计4分；\n70%（含）-80%，计2分；\n低于70%计0分。'
    expect(at(t, 6, 89.9)).toBe('4')
    expect(at(t, 6, 90)).toBe('6')
    expect(scale(t, 6)).toBe('6、4、2、0')
  })

  it('a scale in words: allowed values but no rate to evaluate', () => {
    const t = '促进部门改进文风会风，降低行政成本效果较好的计6分；一般3分；无效果或者效果不明显0分。'
    expect(scale(t, 6)).toBe('6、3、0')
    expect(at(t, 6, 95)).toBeNull()
  })

  it('per-case deductions reach 分值 − 2k, or 0 once they run out', () => {
    const c = parseCriterion('每出现一例不符合要求的扣2分，扣完为止。')!
    expect(c.perCase).toEqual([2])
    expect([8, 6, 0, 7, 5].map((s) => reachableByDeductions(c, 8, s))).toEqual([true, true, true, false, false])
    expect(reachableByDeductions(parseCriterion('未按规定公开扣1分，公开不完整扣0.5分')!, 2, 1.5)).toBe(true)
  })

  it('formulas and judgement leave the score open', () => {
    for (const t of ['该项得分=（年度综合目标管理考核得分/总分）*8', '完成计满分，未完成酌情扣分', '得分=分值×预算执行率', '每项2分，共4项', '低于60%不得分；60%（含）以上按执行率乘以分值计分']) {
      const c = parseCriterion(t)
      expect(c === null || c.open, t).toBe(true)
      expect(c ? scoreAt(c, 95, 8) : null, t).toBeNull()
      expect(c ? scaleValues(c, 8) : null, t).toBeNull()
    }
  })

  it('100%以下（含）计满分，每超出1%扣1分', () => {
    const t = '100%以下（含）计满分，每超出1%扣1分，扣完为止。'
    expect(at(t, 7, 95)).toBe('7')
    expect(at(t, 7, 109.06)).toBe('0')
    expect(at(t, 7, 103)).toBe('4')
  })

  it('a cap on deductions (最多扣5分) and a step below a ≥ band', () => {
    const t = '预算执行率≥95%的，得满分；每降低1个百分点扣0.5分，最多扣5分'
    expect(at(t, 10, 90)).toBe('7.5')
    expect(at(t, 10, 70)).toBe('5')
  })

  it('ranges written 在…之间 and 以下', () => {
    const t = '执行率在90%（含）-100%之间的得10分；80%（含）-90%之间的得6分；80%以下不得分'
    expect(at(t, 10, 85)).toBe('6')
    expect(at(t, 10, 79)).toBe('0')
    expect(at(t, 10, 95)).toBe('10')
  })

  it('a boundary the criterion leaves undecided allows both tiers', () => {
    const t = '满意度达到95%以上得10分，90%-95%得8分，低于90%得5分'
    expect(at(t, 10, 92)).toBe('8')
    expect(at(t, 10, 95)).toBe('10、8')
    expect(scale(t, 10)).toBe('10、8、5')
  })

  it('points in brackets after words: 好（10分）、较好（8分）…', () => {
    expect(scale('好（10分）、较好（8分）、一般（6分）、差（0分）', 10)).toBe('10、8、6、0')
  })

  it('超过100%不得分 after a ≤ band', () => {
    const t = '三公经费控制率≤100%得8分，超过100%不得分'
    expect(at(t, 8, 100)).toBe('8')
    expect(at(t, 8, 101)).toBe('0')
  })

  it('two comparisons around the name: 95%≤完成率<100%', () => {
    const t = '95%≤完成率<100%，计8分；完成率=100%，计10分'
    expect(at(t, 10, 97)).toBe('8')
    expect(at(t, 10, 100)).toBe('10')
  })

  it('a step with no band: its own condition anchors it, the good side keeps full marks', () => {
    const t = '公用经费控制率大于100%的，每超出1个百分点扣1分'
    expect(at(t, 5, 103)).toBe('2')
    expect(at(t, 5, 98)).toBe('5')
  })

  it('durations and counts are words, not rate conditions', () => {
    const t = '及时完成得5分，延期1个月内得3分，延期超过1个月得0分'
    expect(scale(t, 5)).toBe('5、3、0')
    expect(at(t, 5, 100)).toBeNull()
  })

  it('full-width digits and signs are folded', () => {
    const t = '执行率≧９５％，得１０分；＜９５％，得５分'
    expect(at(t, 10, 96)).toBe('10')
    expect(at(t, 10, 94)).toBe('5')
  })

  it('point spans: 得4-6分 allows anything in between', () => {
    const t = '工作成效显著的得4-6分；成效一般的得1-3分；无成效不得分'
    expect(scale(t, 6)).toBe('4–6、1–3、0')
  })

  it('满分5分 states the full mark, not a tier', () => {
    expect(scale('满分5分，按时报送得满分，逾期不得分', 5)).toBe('5、0')
  })

  it('a list of sub-items worth 2分 each adds up: no scale', () => {
    expect(scale('①有内部财务管理制度（2分）；②有厉行节约制度（2分）；③制度得到有效执行（2分）', 6)).toBeNull()
    // The item's 分值 restated first is no tier: 3 + 3 + 4 add up to it.
    expect(scale('本项共10分。①制度健全得3分；②执行有效得3分；③资料完整得4分', 10)).toBeNull()
  })

  it('a tier in words the parser cannot count (得一半分) leaves the scale open', () => {
    expect(scale('好的得10分，较好的得8分，一般的得一半分，差的不得分', 10)).toBeNull()
  })

  it('no scoring at all', () => {
    expect(parseCriterion('在职人员控制率=（在职人员数/编制数）×100%')).toBeNull()
    expect(parseCriterion('')).toBeNull()
  })
})
