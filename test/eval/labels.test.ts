import { describe, expect, it } from 'vitest'
import { bigramDice, evaluateLabels, labelsAgree, normalizeLabel, describeLabels } from '../../src/eval/labels.js'
import { cpOffset, makeGold, makeResult } from './synthetic.js'

describe('normalizeLabel', () => {
  it('drops quotes, brackets, punctuation, a leading year and the joiners · 的 中的', () => {
    expect(normalizeLabel('2023年度收入总计')).toBe('收入总计')
    expect(normalizeLabel('“三公”经费预算安排数')).toBe('三公经费预算安排数')
    expect(normalizeLabel('2021年末在职人员')).toBe('在职人员')
    expect(normalizeLabel('2023年12月31日资产总额')).toBe('资产总额')
    expect(normalizeLabel('年度资金总额·全年预算数')).toBe('年度资金总额全年预算数')
    expect(normalizeLabel('固定资产中的通用设备')).toBe('固定资产通用设备')
    expect(normalizeLabel('公用经费明细·印刷费（决算）')).toBe('公用经费明细印刷费决算')
    expect(normalizeLabel(' 表4 总支出、比率：')).toBe('表4总支出比率')
  })

  it('keeps a year that is not leading, and drops the gold’s notes in Latin letters', () => {
    expect(normalizeLabel('比2022年增长')).toBe('比2022年增长')
    expect(normalizeLabel('“决算数”（as labelled; equals 全年可用预算指标）')).toBe('决算数')
  })
})

describe('labelsAgree', () => {
  it('agrees on the same label written differently', () => {
    expect(labelsAgree('2023年度收入总计', '收入总计')).toBe(true)
    expect(labelsAgree('“三公”经费预算安排数', '三公经费预算安排数')).toBe(true)
    expect(labelsAgree('年度资金总额·全年预算数', '年度资金总额·全年预算数')).toBe(true)
  })

  it('agrees when ours contains the gold label, whatever its length', () => {
    expect(labelsAgree('退休', '其中退休人员')).toBe(true)
  })

  it('agrees on a near wording by bigram Dice ≥ 0.5, and not below', () => {
    // 财政拨款收入占比 / 财政拨款收入占收入总计比重: 6 shared bigrams of 7 + 12 → 0.63.
    expect(bigramDice('财政拨款收入占比', '财政拨款收入占收入总计比重')).toBeCloseTo(12 / 19)
    expect(labelsAgree('财政拨款收入占收入总计比重', '财政拨款收入占比')).toBe(true)
    // Ours inside the gold's agrees once it holds about a third of it.
    expect(labelsAgree('储备橡皮艇', '橡皮艇')).toBe(true)
    expect(labelsAgree('预算·共同财政事权转移支付·市', '市')).toBe(false)
    expect(labelsAgree('实际在用固定资产总额占固定资产总额（现值）比例', '比例')).toBe(false)
    expect(labelsAgree('编制数', '在职人员')).toBe(false)
  })

  it('counts an unlabelled figure or an empty label as wrong', () => {
    expect(labelsAgree('编制数', null)).toBe(false)
    expect(labelsAgree('编制数', '“”')).toBe(false)
  })

  it('counts bigrams with multiplicity, over code points', () => {
    expect(bigramDice('aaa', 'aa')).toBeCloseTo(2 / 3)
    expect(bigramDice('𠮷a', '𠮷a')).toBe(1)
    expect(bigramDice('a', 'a')).toBe(0)
  })
})

describe('evaluateLabels', () => {
  const text = '收入总计3395.06万元，编制数13人，在职人员12人，占99.65%。'
  const gold = makeGold([
    { text: '3395.06万元', line: 1, char_offset: cpOffset(text, 1, '3395.06万元'), kind: 'money', value: 3395.06, value_yuan: 33950600, label: '2023年度收入总计' },
    { text: '13人', line: 1, char_offset: cpOffset(text, 1, '13人'), kind: 'count', value: 13, label: '编制数' },
    { text: '12人', line: 1, char_offset: cpOffset(text, 1, '12人'), kind: 'count', value: 12, label: '在职人员' },
    { text: '99.65%', line: 1, char_offset: cpOffset(text, 1, '99.65%'), kind: 'percent', value: 99.65, label: null },
  ])

  it('judges the labels of the pairs the figure metric matched, and only those', () => {
    const result = makeResult(text, [
      { raw: '3395.06万元', kind: 'money', value: 3395.06, yuan: 33950600, label: '收入总计' },
      { raw: '13人', kind: 'count', value: 13, label: '在职人员' },
      // A value mismatch is not a matched pair: its label is not judged.
      { raw: '12人', kind: 'count', value: 21, label: '在职人员' },
      { raw: '99.65%', kind: 'percent', value: 99.65, label: '占' },
    ])
    const s = evaluateLabels(gold, result)
    expect(s).toMatchObject({ evaluated: 2, agree: 1, unlabelled: 0, noGoldLabel: 1, accuracy: 0.5 })
    expect(s.disagreements).toEqual([{ line: 1, column: text.indexOf('13人') + 1, text: '13人', gold: '编制数', ours: '在职人员' }])
    expect(describeLabels(s)).toEqual([
      'labels: 1/2 agree; 1 differ, 0 unlabelled (1 matched figures have no gold label)',
      `  label≠  1:${text.indexOf('13人') + 1}  13人  gold 编制数; ours 在职人员`,
    ])
  })

  it('counts an unlabelled figure as wrong, and nothing when the analysis failed', () => {
    const result = makeResult(text, [{ raw: '13人', kind: 'count', value: 13 }])
    expect(evaluateLabels(gold, result)).toMatchObject({ evaluated: 1, agree: 0, unlabelled: 1 })
    expect(evaluateLabels(gold, null)).toMatchObject({ evaluated: 0, agree: 0, accuracy: null, disagreements: [] })
  })
})
