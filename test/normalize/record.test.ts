import { describe, expect, it } from 'vitest'
import { analyzeBytes } from '../../src/analyze.js'
import type { ExtractResult } from '../../src/contract.js'
import { buildRecord } from '../../src/normalize/record.js'

async function recordOf(text: string) {
  const r: ExtractResult = await analyzeBytes(Buffer.from(text, 'utf8'), 'synthetic.txt')
  const record = buildRecord(r.figures, r.sections, r.text)
  const figure = (id: string) => r.figures.find((f) => f.id === id)!
  return { record, figure, result: r }
}

describe('buildRecord', () => {
  it('reads income and expenditure from a final-accounts paragraph, exactly in 元', async () => {
    const { record, figure } = await recordOf(
      '一、收支情况\n2024年度收入合计1,234.56万元，其中：财政拨款收入1,200.00万元，其他收入34.56万元。2024年度支出合计1,234.56万元，其中：基本支出800.5万元，项目支出434.06万元。\n',
    )
    expect(record['income.total']).toMatchObject({ value: 12345600, unit: '元' })
    expect(record['income.fiscal']).toMatchObject({ value: 12000000 })
    expect(record['income.other']).toMatchObject({ value: 345600 })
    expect(record['expenditure.total']).toMatchObject({ value: 12345600 })
    expect(record['expenditure.basic']).toMatchObject({ value: 8005000 })
    expect(record['expenditure.project']).toMatchObject({ value: 4340600 })
    expect(figure(record['expenditure.project']!.figureId).raw).toBe('434.06万元')
  })

  it('carries a sentence subject to the amounts after it', async () => {
    const { record } = await recordOf('（一）经费管理\n本年“三公”经费预算数为20万元，实际支出数为12.5万元，“三公”经费控制率为62.5%。\n')
    expect(record['three_public.budget']).toMatchObject({ value: 200000 })
    expect(record['three_public.actual']).toMatchObject({ value: 125000 })
    expect(record['three_public.control_rate']).toMatchObject({ value: 62.5, unit: '%' })
    expect(record['budget.executed']).toBeUndefined()
  })

  it('takes the subject from the section when the sentence names none', async () => {
    const { record } = await recordOf('（三）预算管理\n2、“三公经费”控制率为80%。\n本年预算安排资金为10万元，本年实际支出为8万元，支出控制率为80%。\n')
    expect(record['three_public.budget']).toMatchObject({ value: 100000 })
    expect(record['three_public.actual']).toMatchObject({ value: 80000 })
    expect(record['budget.executed']).toBeUndefined()
  })

  it('tells the prior year from this year', async () => {
    const { record } = await recordOf('“三公经费”变动率：2023年“三公经费”预算数为 150000元，较2022年“三公经费”预算数为180000元，变动率为-16.67%。\n')
    expect(record['three_public.budget']).toMatchObject({ value: 150000 })
    expect(record['three_public.prior_year']).toMatchObject({ value: 180000 })
    expect(record['three_public.change_rate']).toMatchObject({ value: -16.67 })
  })

  it('keeps every statement of a field that disagrees as an alternative', async () => {
    const { record, figure } = await recordOf(
      '一、预算执行\n全年预算数500万元，全年执行数490万元，预算执行率为98%。\n二、评价\n本年预算执行率为96.3%，执行情况较好。\n',
    )
    const rate = record['budget.execution_rate']!
    expect([rate.value, ...(rate.alternatives ?? []).map((a) => a.value)].sort()).toEqual([96.3, 98])
    for (const a of rate.alternatives ?? []) expect(figure(a.figureId).kind).toBe('percent')
  })

  it('prefers the final accounts over the initial budget for expenditure', async () => {
    const { record, figure } = await recordOf(
      '（五）预算及执行\n年初预算支出总计600万元，其中：基本支出500万元，项目支出100万元。\n2023年度决算支出总计900万元，其中：基本支出520万元，项目支出380万元。\n',
    )
    expect(record['budget.initial']).toMatchObject({ value: 6000000 })
    expect(record['expenditure.basic']).toMatchObject({ value: 5200000 })
    expect(figure(record['expenditure.project']!.figureId).line).toBe(3)
  })

  it('counts staff in 人 and projects in 个', async () => {
    const { record } = await recordOf('2、人员情况。本单位编制数45人，在职人数43人，退休人员12人。\n项目12个，项目执行率为95.2%。\n')
    expect(record['staffing.authorized']).toMatchObject({ value: 45, unit: '人' })
    expect(record['staffing.actual']).toMatchObject({ value: 43, unit: '人' })
    expect(record['staffing.retired']).toMatchObject({ value: 12, unit: '人' })
    expect(record['projects.count']).toMatchObject({ value: 12, unit: '个' })
    expect(record['projects.execution_rate']).toMatchObject({ value: 95.2 })
  })

  it('never takes an approximate figure or a share for a field', async () => {
    const { record } = await recordOf('基本支出约300万元，占支出合计的40%。\n')
    expect(record['expenditure.basic']).toBeUndefined()
    expect(record['budget.execution_rate']).toBeUndefined()
  })
})
