import { describe, expect, it } from 'vitest'
import { changeRelations, findChanges } from '../../../src/validate/relations/wording-changes.js'
import { analyse, showRatio, showSum } from './wording-analyze.js'

async function changes(text: string): Promise<{ sums: string[]; ratios: string[] }> {
  const found = changeRelations(findChanges(await analyse(text)))
  return { sums: found.sums.map(showSum), ratios: found.ratios.map(showRatio) }
}

describe('wording changes', () => {
  it('reads this year, last year, the decrease and a neutral rate that carries the sign', async () => {
    expect(await changes('“三公”经费本年度合计6.00万，上年度合计8.00万，比上年度减少2.00万，“三公”经费变动率为-25.00%。')).toEqual({
      sums: ['2.00万 = 8.00万 - 6.00万 [complete]'],
      ratios: ['-25.00% = (6.00万 - 8.00万) / 8.00万'],
    })
  })

  it('reads a rate worded with its direction as a magnitude', async () => {
    expect(await changes('本年事故起数12起，上年事故起数16起，比上年减少4起，下降25%。')).toEqual({
      sums: ['4起 = 16起 - 12起 [complete]'],
      ratios: ['25% = (16起 - 12起) / 16起'],
    })
  })

  it('pairs the years by what they measure (较2021年 …预算数)', async () => {
    expect(await changes('2022年“三公经费”预算数为 150000元，较2021年“三公经费”预算数为120000元，“三公经费”变动率为25%。')).toEqual({
      sums: [],
      ratios: ['25% = (150000元 - 120000元) / 120000元'],
    })
  })

  it('with only last year and the amount, gives the rate the amount’s sign', async () => {
    expect(await changes('上年支出80万元，比上年减少20万元，变动率为25%。')).toEqual({ sums: [], ratios: ['25% = (- 20万元) / 80万元'] })
  })

  it('does not take 上年结转 for last year’s amount', async () => {
    expect(await changes('上年结转资金50万元，本年结转资金40万元，比上年减少10万元。')).toEqual({ sums: [], ratios: [] })
  })

  it('keeps the direction of a change without the years’ amounts', async () => {
    const found = findChanges(await analyse('“三公”经费比上年减少1.50万元，变动率为12.50%。'))
    expect(found.map((c) => [c.amount?.direction, c.rate?.wording, c.rate?.figure.raw])).toEqual([['decrease', 'signed', '12.50%']])
  })
})
