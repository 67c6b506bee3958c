import { describe, expect, it } from 'vitest'
import { findBreakdowns } from '../../../src/validate/relations/wording-breakdowns.js'
import { shareRelations } from '../../../src/validate/relations/wording-shares.js'
import { analyse, showRatio } from './wording-analyze.js'

async function shares(text: string): Promise<string[]> {
  const doc = await analyse(text)
  return shareRelations(doc, findBreakdowns(doc)).map(showRatio)
}

describe('wording shares', () => {
  it('reads 占b% after a listed part as its share of the total', async () => {
    expect(await shares('全年收入总计200.00万元。其中：财政拨款收入150.00万元，占75.00%；其他收入50.00万元，占25.00%。')).toEqual([
      '75.00% = (150.00万元) / 200.00万元',
      '25.00% = (50.00万元) / 200.00万元',
    ])
  })

  it('reads 占X的b% as a share of the figure named X, in the same or an earlier paragraph', async () => {
    expect(await shares('基本支出400.00万元。\n其中：人员经费300.00万元，占基本支出的75.00%；公用经费100.00万元，占基本支出比重为25.00%。')).toEqual([
      '75.00% = (300.00万元) / 400.00万元',
      '25.00% = (100.00万元) / 400.00万元',
    ])
  })

  it('finds no share where the base is not stated', async () => {
    expect(await shares('本次评价项目21个，占部门项目总数的100%。')).toEqual([])
    expect(await shares('项目支出60.00万元，占40.00%。')).toEqual([])
  })
})
