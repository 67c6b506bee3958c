import { describe, expect, it } from 'vitest'
import { recordIdentities } from '../../../src/validate/relations/record-identities.js'
import type { RatioRelation, SumRelation } from '../../../src/validate/relations/types.js'
import { analyzeText, raws } from './record-doc.js'

const TITLE = '2022年度部门整体支出绩效自评报告\n'

async function identities(text: string): Promise<{ ratios: RatioRelation[]; sums: SumRelation[] }> {
  const { doc, lines } = await analyzeText(TITLE + text)
  const found = recordIdentities(doc, lines)
  return { ratios: found.ratios ?? [], sums: found.sums ?? [] }
}

const ratioText = (r: RatioRelation): string => `${r.stated.raw} = ${r.numerator.map((t) => (t.sign < 0 ? '-' : '+') + t.figure.raw).join(' ')} / ${r.denominator.raw}`
const sumText = (s: SumRelation): string => `${s.total.raw} = ${s.parts.map((t) => (t.sign < 0 ? '-' : '+') + t.figure.raw).join(' ')}`

describe('record identities', () => {
  it('checks each stated rate against the amounts beside it', async () => {
    const { ratios } = await identities(
      '一、经费管理\n“三公”经费预算金额为180000元，实际支出“三公”经费76,852.00元，“三公”经费控制率为65.01%。\n\t“三公经费”控制情况\n\t“三公经费”预算数\n\t“三公经费”实际支出\n\t控制率\n\n\t\n\t18万\n\t7.68万\n\t42.67%\n\n二、其他\n无。',
    )
    expect(ratios.map(ratioText)).toEqual(['65.01% = +76,852.00元 / 180000元', '42.67% = +7.68万 / 18万'])
    expect(ratios.every((r) => r.origin === 'record')).toBe(true)
  })

  it('takes a component from elsewhere when the text states it once, and keeps a bound', async () => {
    const { ratios } = await identities('一、人员情况\n编制人数65名。\n二、预算配置\n1、在职人员控制率≦100%。我部门年初在职人员66人，年末在职人员68人，在职人员控制率≦100%；')
    expect(ratios.map(ratioText)).toEqual(['≦100% = +68人 / 65名'])
    expect(ratios[0]!.stated.comparator).toBe('<=')
  })

  it('leaves a rate alone that the report defines through other amounts', async () => {
    const text = '一、评分标准\n预算完成率=（上年结转+年初预算+本年追加预算-年末结余/上年结转+年初预算+本年追加预算）×100%。\n二、预算执行\n决算数5,827,738.97元，全年可用预算资金5,827,738.97元，预算完成率为90.45%。\n三、执行情况\n全年执行数5,773,526.49元，全年可用预算资金5,827,738.97元，预算执行率为99.07%。'
    const { ratios } = await identities(text)
    expect(ratios.map((r) => r.stated.raw)).toEqual(['99.07%'])
  })

  it('does not read a rate about the amounts of its own sentence as the budget execution rate', async () => {
    const text = '一、预算执行\n全年预算数200万元，全年执行数195万元，预算执行率为97.50%。\n二、成本指标\n年初安排资金171.4万元，已执行41.4万元，预算执行率24%。'
    const { ratios } = await identities(text)
    expect(ratios.map(ratioText)).toEqual(['97.50% = +195万元 / 200万元'])
  })

  it('compares a decrease stated as a positive change rate by its size', async () => {
    const { ratios } = await identities('一、三公经费\n“三公”经费本年度合计6.59万元，上年度合计7.28万元，“三公”经费变动率为9.48%。')
    expect(ratios.map(ratioText)).toEqual(['9.48% = -6.59万元 +7.28万元 / 7.28万元'])
    expect(ratios[0]!.note).toMatch(/减少/)
  })

  it('derives the year-end balance from the available budget and what was spent', async () => {
    const text = '一、预算执行情况\n本部门申请预算资金2538.12万元，实际支出2474.64万元。\n二、预算执行\n本年预算及追加预算合计2538.12万元，年末结余0万元。'
    const { sums } = await identities(text)
    expect(sums.map(sumText)).toEqual(['0万元 = +2538.12万元 -2474.64万元'])
    expect(sums[0]!.complete).toBe(true)
  })

  it('splits 基本支出 into 人员经费 and 公用经费 only when those are its parts', async () => {
    const named = await identities('一、支出情况\n支出合计3395.06万元，其中：基本支出1426.99万元。其中：人员经费1395.79万元；公用经费31.20万元。\n项目支出1968.07万元。')
    expect(named.sums.map(sumText)).toEqual(['3395.06万元 = +1426.99万元 +1968.07万元', '1426.99万元 = +1395.79万元 +31.20万元'])
    const economic = await identities('一、支出结构\n基本支出300万元（其中：工资福利支出150万元、商品和服务支出50万元、对个人和家庭的补助100万元）。')
    expect(economic.sums).toEqual([])
  })

  it('adds nothing for a restated rate beside the same amounts', async () => {
    const { ratios } = await identities('一、“三公”经费控制率\n“三公经费”控制率为82.79%。部门本年预算安排资金为7.96万元，本年实际支出为6.59万元，支出控制率为82.79%。')
    expect(raws(ratios.map((r) => r.stated))).toEqual(['82.79%'])
  })
})
