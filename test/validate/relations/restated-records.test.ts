import { describe, expect, it } from 'vitest'
import { restatedRecords } from '../../../src/validate/relations/restated-records.js'
import { analyzeText, raws } from './record-doc.js'

const TITLE = '2022年度部门整体支出绩效自评报告\n'

async function groups(text: string): Promise<Record<string, string[]>> {
  const { doc, lines } = await analyzeText(TITLE + text)
  const out: Record<string, string[]> = {}
  for (const r of restatedRecords(doc, lines).restatements ?? []) {
    expect(r.origin).toBe('record')
    out[r.key] = raws(r.figures)
  }
  return out
}

describe('restatements of record quantities', () => {
  it('gathers one quantity from narrative and table', async () => {
    const found = await groups('一、预算情况\n我局2022年年初预算为582.77万元。\n二、基础数据表\n\t项目\n\t年初预算数（万元）\n\n\t合计\n\t242.34\n\n三、说明\n年初预算支出合计2,423,477元。')
    expect(found['budget.initial']).toEqual(['582.77万元', '242.34', '2,423,477元'])
  })

  it('keeps the parts of 基本支出 and of 项目支出 apart', async () => {
    const text = '一、支出结构\n支出总额300万元，其构成为：基本支出200万元（其中：商品和服务支出50万元）；项目支出100万元（其中：商品和服务支出80万元）。\n二、再述\n基本支出中的商品和服务支出50万元。\n三、又述\n项目支出中的商品和服务支出80万元。'
    const found = await groups(text)
    expect(found['expenditure.goods_services']).toEqual(['50万元', '50万元'])
    expect(found['expenditure.goods_services@项目支出']).toEqual(['80万元', '80万元'])
  })

  it('leaves out a sentence that gives the quantity two values', async () => {
    const found = await groups('一、人员情况\n实有人数21人，其中：在职人数17人，聘用人员4人。\n二、人员控制\n年末实际在职人数17人。')
    expect(found['staffing.actual']).toBeUndefined()
  })

  it('scopes another year’s figure by its year', async () => {
    const found = await groups('一、三公经费\n2022年“三公”经费预算数为18万元，较2021年“三公”经费预算数为20万元。\n二、控制\n“三公”经费预算数为18万元。')
    expect(found['three_public.budget']).toEqual(['18万元', '18万元'])
  })

  it('does not take a generic word alone for the department’s amount', async () => {
    const found = await groups('一、预算执行\n全年预算数200万元，全年执行数195万元。\n二、重点项目\n该工程完工后实际支出45万元。')
    expect(found['budget.executed']).toBeUndefined()
  })
})
