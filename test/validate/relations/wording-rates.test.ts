import { describe, expect, it } from 'vitest'
import { rateRelations } from '../../../src/validate/relations/wording-rates.js'
import { analyse, showRatio } from './wording-analyze.js'

async function rates(text: string): Promise<string[]> {
  return rateRelations(await analyse(text)).map(showRatio)
}

describe('wording rates', () => {
  it('reads a control rate from the budget and the actual amount before it', async () => {
    expect(await rates('本年“三公经费”预算安排数为20万元，实际支出数为10万元，“三公经费”控制率为50%。')).toEqual(['50% = (10万元) / 20万元'])
  })

  it('reads 完成率 from the total and the year-end balance', async () => {
    expect(await rates('本年预算及追加预算合计1000.00万元，年末结余50.00万元，预算完成率为95.00%。')).toEqual(['95.00% = (1000.00万元 - 50.00万元) / 1000.00万元'])
  })

  it('reads 调整率 as the addition over the initial budget, even when the label lost 年初', async () => {
    expect(await rates('2022年初预算2,000,000元，年中追加预算500,000元，预算调整率为25%。')).toEqual(['25% = (500,000元) / 2,000,000元'])
  })

  it('takes the amount before 已执行 as its base, rate by rate', async () => {
    expect(await rates('基本支出400.00万元，已执行400.00万元，执行率100%；追加专项资金 800.00万元，已执行400.00万元，执行率50%。')).toEqual([
      '100% = (400.00万元) / 400.00万元',
      '50% = (400.00万元) / 800.00万元',
    ])
  })

  it('reads staff control rates from counts', async () => {
    expect(await rates('在职人员编制数 20人，年末实际在职人数22人，在职人员控制率≤100%。')).toEqual(['≤100% = (22人) / 20人'])
  })

  it('gives up where the base would be a sum no figure states, or is not named', async () => {
    expect(await rates('年初预算100万元，追加预算20万元，实际支出110万元，预算执行率91.67%。')).toEqual([])
    expect(await rates('项目金额合计1400万元，实际支出1300万元，执行率为92.86%。')).toEqual([])
    expect(await rates('1、预算完成率为97.50%。')).toEqual([])
  })
})
