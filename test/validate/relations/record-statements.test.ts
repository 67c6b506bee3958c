import { describe, expect, it } from 'vitest'
import { ALL_SCOPES, departmentStatements, statementsOf } from '../../../src/validate/relations/record-statements.js'
import { analyzeText, raws } from './record-doc.js'

const TITLE = '2022年度部门整体支出绩效自评报告\n'

async function scopes(text: string, key: string): Promise<Record<string, string[]>> {
  const { doc } = await analyzeText(TITLE + text)
  const byScope = statementsOf(doc).get(key)?.byScope
  return Object.fromEntries([...(byScope ?? [])].map(([scope, list]) => [scope, raws(list.map((s) => s.figure))]))
}

describe('statements of record quantities', () => {
  it('takes a bare 工资福利支出 for the 基本支出 one when nothing else is stated', async () => {
    const found = await scopes('一、支出\n基本支出300万元（其中：工资福利支出150万元）。\n二、再述\n工资福利支出150万元。', 'expenditure.wages')
    expect(found).toEqual({ '': ['150万元', '150万元'] })
  })

  it('keeps a bare 商品和服务支出 apart as the total when 项目支出 has some too', async () => {
    const text = '一、支出\n基本支出200万元（其中：商品和服务支出50万元）；项目支出100万元（其中：商品和服务支出80万元）。\n二、再述\n商品和服务支出130万元。'
    expect(await scopes(text, 'expenditure.goods_services')).toEqual({ '': ['50万元'], 项目支出: ['80万元'], [ALL_SCOPES]: ['130万元'] })
  })

  it('reads a scope word written before the quantity', async () => {
    const found = await scopes('一、专项资金\n专项资金安排1046.85万元（年初预算171.4万元，追加预算841.45万元）。\n二、成本指标\n追加专项资金875.45万元。', 'budget.adjustment')
    expect(found['项目支出']).toEqual(['841.45万元', '875.45万元'])
  })

  it('needs a generic word beside another statement', async () => {
    const { doc } = await analyzeText(`${TITLE}一、预算执行\n全年预算数200万元，实际支出195万元。\n二、项目\n该工程实际支出45万元。`)
    expect(raws(departmentStatements(doc, 'budget.executed').map((s) => s.figure))).toEqual(['195万元'])
  })

  it('scopes the amounts of an enumerated list of items by the item', async () => {
    const text = '一、支出决算具体情况\n1、一般公共服务支出（类）财政事务（款）行政运行（项）。主要用于：人员经费。年初预算为1560.05万元，支出决算为1511.89万元。\n2、一般公共服务支出（类）财政事务（款）信息化建设（项）。主要用于：系统维护。年初预算为135.90万元，支出决算为135.25万元。'
    const { doc } = await analyzeText(TITLE + text)
    expect(departmentStatements(doc, 'budget.initial')).toEqual([])
  })

  it('takes a table under a caption naming one fund for that fund', async () => {
    const text = '一、收入\n本年收入合计2946.25万元。\n财政拨款收入支出决算总表\n单位：万元\n\t项目\n\t决算数\n\n\t本年收入合计\n\t2,940.05\n\n二、说明\n无。'
    const { doc } = await analyzeText(TITLE + text)
    expect(raws(departmentStatements(doc, 'income.total').map((s) => s.figure))).toEqual(['2946.25万元'])
  })
})
