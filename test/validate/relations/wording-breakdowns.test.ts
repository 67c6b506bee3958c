import { describe, expect, it } from 'vitest'
import { breakdownRelations, findBreakdowns } from '../../../src/validate/relations/wording-breakdowns.js'
import { analyse, showSum } from './wording-analyze.js'

async function sums(text: string): Promise<string[]> {
  return breakdownRelations(findBreakdowns(await analyse(text))).map(showSum)
}

describe('wording breakdowns', () => {
  it('reads 其中 after a sentence end, passing over shares; a 其他 part completes the list', async () => {
    expect(await sums('全年收入总计100.00万元。其中：财政拨款收入80.00万元，占80.00%；其他收入20.00万元，占20.00%。')).toEqual([
      '100.00万元 = 80.00万元 + 20.00万元 [complete]',
    ])
  })

  it('attaches a nested 其中 to the nearest amount and keeps a known partition complete', async () => {
    expect(await sums('支出合计500.00万元，其中：基本支出300.00万元，占60.00%。其中：人员经费250.00万元；公用经费50.00万元。')).toEqual([
      '500.00万元 = 300.00万元 [partial]',
      '300.00万元 = 250.00万元 + 50.00万元 [complete]',
    ])
  })

  it('ends a list at a figure that opens a list of its own, and reads bracketed sub-lists as breakdowns of their part', async () => {
    expect(await sums('核定编制人数30人，其中：行政编制10人（公务员编制8人、工勤编制2人）、事业编制20人；实有人数28人，其中：在职人数25人，聘用人员3人。')).toEqual([
      '30人 = 10人 + 20人 [partial]',
      '10人 = 8人 + 2人 [partial]',
      '28人 = 25人 + 3人 [partial]',
    ])
  })

  it('takes 中央/省/市 in brackets as complete, and stops at a name outside them when a bracket is left open', async () => {
    expect(await sums('转移支付20万元（包含中央0万元、省15万元、市5万元，国债资金30万元（包含中央30万元、省0万元、市0万元）。')).toEqual([
      '20万元 = 0万元 + 15万元 + 5万元 [complete]',
      '30万元 = 30万元 + 0万元 + 0万元 [complete]',
    ])
  })

  it('passes over what describes a part (已支付, 实际支出) and lists only parts', async () => {
    expect(await sums('追加预算100.00万元，其中基本支出40.00万元，已支付40.00万元；项目支出60.00万元，实际支出30.00万元。')).toEqual([
      '100.00万元 = 40.00万元 + 60.00万元 [complete]',
    ])
  })

  it('leaves out parts of another population (退休 beside 实有人员)', async () => {
    expect(await sums('实有人员20人：其中公务员8人，参公10人，工勤2人，退休3人，年初安排项目3个。')).toEqual(['20人 = 8人 + 10人 + 2人 [complete]'])
  })

  it('reads a bare bracket as a breakdown only with several parts', async () => {
    expect(await sums('专项资金安排500万元（年初预算 100万元，追加预算350万元，年初结转结余50万元），实际支出400万元（预算450万元）。')).toEqual([
      '500万元 = 100万元 + 350万元 + 50万元 [complete]',
    ])
  })

  it('finds none where 其中 follows a rate or lists no figures, nor among counts of different things', async () => {
    expect(await sums('预算执行率98%。其中：项目5个，金额合计300万元。')).toEqual([])
    expect(await sums('内设科室5个，下属事业单位2个。其中：科室分别是办公室、财务股。')).toEqual([])
    expect(await sums('开展检查50次，其中发现隐患80处。')).toEqual([])
  })

  it('keeps a list that may name only some parts partial', async () => {
    expect(await sums('在职人数131人，其中：在岗人数120人。')).toEqual(['131人 = 120人 [partial]'])
  })
})
