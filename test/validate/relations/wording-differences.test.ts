import { describe, expect, it } from 'vitest'
import { differenceRelations } from '../../../src/validate/relations/wording-differences.js'
import { analyse, showSum } from './wording-analyze.js'

async function differences(text: string): Promise<string[]> {
  return differenceRelations(await analyse(text)).map(showSum)
}

describe('wording differences', () => {
  it('reads 超支 as actual − budget and 节余 as budget − actual', async () => {
    expect(await differences('预算安排公用经费总额80000元，实际支出公用经费90000元，超支10000元。')).toEqual(['10000元 = 90000元 - 80000元 [complete]'])
    expect(await differences('“三公”经费预算金额为100000元，实际支出“三公”经费60000.00元，节余40000.00元。')).toEqual([
      '40000.00元 = 100000元 - 60000.00元 [complete]',
    ])
  })

  it('reads 已支付 a，剩余 b as the split of the amount named before', async () => {
    expect(await differences('成本指标：30万元，2021年已支付培训资金2.50万元；剩余27.50万元，2022年完成支付。')).toEqual([
      '30万元 = 2.50万元 + 27.50万元 [complete]',
    ])
  })

  it('does not read 年末结转和结余 or a remainder without 已支付 as a difference', async () => {
    expect(await differences('全年预算数500万元，全年执行数480万元，年末结转和结余20万元。')).toEqual([])
    expect(await differences('项目资金30万元，剩余10万元。')).toEqual([])
  })
})
