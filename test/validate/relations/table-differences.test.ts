import { describe, expect, it } from 'vitest'
import { relationsOf, tabTable } from './table-analyze.js'

describe('table differences', () => {
  it('reads 年末结转 = 全年可用 − 决算 column by column; a blank result is 0 beside numbers, an all-blank row is skipped', async () => {
    const text = tabTable(
      [
        ['项目', '基本支出', '项目支出', '合计'],
        ['全年可用预算指标', '4,000.00', '1,000.00', '5,000.00'],
        ['决算支出', '3,900.00', '1,000.00', '4,900.00'],
        ['年末结转', '', '100.00', '100.00'],
        ['执行差异（预算－决算）', '', '', ''],
      ],
      '表3 预算支出决算及结余情况（单位：元）',
    )
    const { sums, relations } = await relationsOf(text)
    const differences = sums.filter((s) => s.includes(' - '))
    expect(differences).toEqual(['∅ = 4,000.00 - 3,900.00 ✗', '100.00 = 1,000.00 - 1,000.00 ✗', '100.00 = 5,000.00 - 4,900.00 ✓'])
    const blank = relations.sums.find((s) => s.total.raw === '')!
    expect(blank.total.id).toMatch(/^t\d+:r3c1:blank$/)
    expect(blank.note).toContain('空白，按0计')
  })

  it('reads 差额 as 预算 − 决算, or the other way round when the values say so', async () => {
    const forward = tabTable(
      [
        ['项目', '预算', '决算', '差额'],
        ['公务接待费', '9,000.00', '4,000.00', '5,000.00'],
        ['公务用车运行维护费', '9,000.00', '3,000.00', '6,500.00'],
      ],
      '表5 三公经费（单位：元）',
    )
    expect((await relationsOf(forward)).sums).toEqual(['5,000.00 = 9,000.00 - 4,000.00 ✓', '6,500.00 = 9,000.00 - 3,000.00 ✗'])
    const backward = tabTable(
      [
        ['项目', '预算', '决算', '差额'],
        ['公务接待费', '9,000.00', '4,000.00', '-5,000.00'],
        ['会议费', '2,000.00', '1,000.00', '-1,000.00'],
      ],
      '表5 三公经费（单位：元）',
    )
    const shown = await relationsOf(backward)
    expect(shown.sums).toEqual(['-5,000.00 = 4,000.00 - 9,000.00 ✓', '-1,000.00 = 1,000.00 - 2,000.00 ✓'])
    expect(shown.relations.sums[0]!.note).toContain('按数值判断')
  })

  it('follows a formula written in the header', async () => {
    const text = tabTable(
      [
        ['项目', '决算', '预算', '执行差异（预算－决算）'],
        ['办公费', '800.00', '1,000.00', '200.00'],
      ],
      '表6 公用经费（单位：元）',
    )
    expect((await relationsOf(text)).sums).toEqual(['200.00 = 1,000.00 - 800.00 ✓'])
  })

  it('reads 结余减少 as 上年 − 本年, and leaves a carried-in 年初结转 alone', async () => {
    const text = tabTable(
      [
        ['决算收入', '决算支出', '本年度指标结余', '上年度指标结余', '结余减少'],
        ['5,000.00', '4,900.00', '100.00', '900.00', '800.00'],
      ],
      '表2 收支决算情况（单位：元）',
    )
    expect((await relationsOf(text)).sums).toEqual(['100.00 = 5,000.00 - 4,900.00 ✓', '800.00 = 900.00 - 100.00 ✓'])
    const carried = tabTable(
      [
        ['项目', '金额'],
        ['本年收入', '1,000.00'],
        ['本年支出', '900.00'],
        ['年初结转和结余', '300.00'],
      ],
      '表1 收支情况（单位：元）',
    )
    expect((await relationsOf(carried)).sums).toEqual([])
  })
})
