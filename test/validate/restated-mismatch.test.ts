import { describe, expect, it } from 'vitest'
import rule from '../../src/validate/rules/restated-mismatch.js'
import { runRuleOnText } from '../../src/validate/tester.js'
import { testRule } from './rule-tester.js'

const TITLE = '2022年度部门整体支出绩效自评报告\n'

testRule(rule, {
  valid: [
    // The same amount in 万元 and in 元 agrees within the precision printed.
    `${TITLE}一、预算情况\n全年预算数为582.77万元，全年执行数为577.35万元。\n二、决算情况\n全年可用预算资金5,827,738.97元，决算支出总计5,773,526.49元。`,
    // A heading restating its body.
    `${TITLE}一、预算执行\n1、预算执行率为98.50%。\n本年全年预算数200万元，全年执行数197万元，预算执行率为98.50%。`,
    // A whole and its part in one sentence are not restatements of each other.
    `${TITLE}一、人员情况\n编制人数22人；实有人数21人，其中：在职人数17人，聘用人员4人。\n二、人员控制\n年末实际在职人数17人。`,
    // 年初 and 决算 amounts of 基本支出 are different quantities.
    `${TITLE}一、预算情况\n年初预算支出总计594.37万元，其中：基本支出494.37万元，项目支出100万元。\n二、决算情况\n决算支出总计1268.23万元，其中：基本支出364.12万元，项目支出904.11万元。`,
    // The parts of 基本支出 and of 项目支出 named the same are different quantities.
    `${TITLE}一、支出结构\n支出总额300万元，其构成为：基本支出200万元（其中：工资福利支出150万元、商品和服务支出50万元）；项目支出100万元（其中：商品和服务支出80万元、其他资本性支出20万元）。`,
    // Three values, none stated twice: items of a list more likely than one quantity misstated.
    `${TITLE}一、甲单位\n年初预算为10万元。\n二、乙单位\n年初预算为20万元。\n三、丙单位\n年初预算为30万元。`,
    // Another year's figure is that year's quantity.
    `${TITLE}一、三公经费\n2022年“三公”经费预算数为18万元，较2021年“三公”经费预算数为20万元。`,
  ],
  invalid: [
    {
      // A heading and its body disagree (digits transposed).
      text: `${TITLE}一、预算执行情况\n本年申请预算资金2538.12万元，实际支出2474.64万元，预算执行率97.50%。\n二、预算执行\n1、预算完成率为97.05%。`,
      findings: [{ evidence: ['97.05%', '97.50%'], message: /预算执行率.*97\.05%.*97\.50%.*0\.45个百分点/, severity: 'warning' }],
    },
    {
      // A table cell (unit from its header) against the narrative.
      text: `${TITLE}一、预算情况\n我局2022年年初预算为582.77万元。\n二、基础数据表\n\t项目\n\t年初预算数（万元）\n\t全年执行数（万元）\n\n\t合计\n\t242.34\n\t577.35\n\n三、说明\n以上数据来自决算。`,
      findings: [{ evidence: ['242.34', '582.77万元'], message: /年初预算.*242\.34万元.*582\.77万元/ }],
    },
    {
      // Two head counts of the staff, in two sections.
      text: `${TITLE}一、人员情况\n2022年末在职人员总计23名，其中公务员9名，参公人员12名，工勤人员2名。\n二、产出指标\n数量指标：实有人员数21人，其中公务员7人，参公12人，工勤2人。`,
      findings: [
        { evidence: ['21人', '23名'], message: /在职人数/ },
        { evidence: ['7人', '9名'], message: /公务员/ },
      ],
    },
    {
      // A narrative rate against the rate of a form table whose block title names 三公经费.
      text: `${TITLE}一、经费管理\n“三公”经费控制率为65.01%。\n\t“三公经费”控制情况\n\t“三公经费”预算数\n\t“三公经费”实际支出\n\t控制率\n\n\t\n\t18万\n\t7.68万\n\t42.67%\n\n二、其他\n无。`,
      findings: [{ evidence: ['42.67%', '65.01%'], message: /“三公”经费控制率/ }],
    },
    {
      // 242.34万 beside 2,423,477元 is a truncation: info only.
      text: `${TITLE}一、预算调整\n年初预算数为242.34万元。\n二、年初预算\n我局年初预算支出合计2,423,477元。`,
      findings: [{ evidence: ['242.34万元', '2,423,477元'], message: /尾差/, severity: 'info' }],
    },
  ],
})

describe('restated-mismatch options', () => {
  it('leaves truncations out when asked to', async () => {
    const text = `${TITLE}一、预算调整\n年初预算数为242.34万元。\n二、年初预算\n我局年初预算支出合计2,423,477元。`
    expect(await runRuleOnText(rule, text, { truncations: false })).toEqual([])
  })

  it('states the deviating value and the other in its unit', async () => {
    const text = `${TITLE}一、预算情况\n我局2022年年初预算为582.77万元。\n二、基础数据表\n\t项目\n\t年初预算数（万元）\n\n\t合计\n\t242.34\n\n三、说明\n无。`
    const [finding] = await runRuleOnText(rule, text)
    expect(finding?.stated).toBe(242.34)
    expect(finding?.computed).toBe(582.77)
    expect(finding?.evidence.map((e) => e.role)).toEqual(['stated', 'restated'])
  })
})
