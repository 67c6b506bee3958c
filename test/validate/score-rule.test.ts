import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import rule from '../../src/validate/rules/score-rule.js'
import { runRuleOnText } from '../../src/validate/tester.js'
import { testRule } from './rule-tester.js'
import { LEVELS_HEADER, pipeTable, tabTable } from './scoring-fixtures.js'

const H = LEVELS_HEADER
const TAB_HEADER = ['一级指标', '分值', '二级指标', '分值', '三级指标', '分值', '评价标准', '指标说明', '得分']
const EXECUTION = '预算执行率≥95%的，得满分；每降低1个百分点扣0.5分'

testRule(rule, {
  valid: [
    // The rate stated where the indicator is discussed, and its amounts, both give full marks.
    '（一）预算执行率：全年预算数200万元，全年执行数193万元，预算执行率为96.5%。\n\n计分表\n\n' +
      pipeTable([H, ['过程', '10', '预算执行', '10', '预算执行率', '10', EXECUTION, '10'], ['合计', '10', '', '', '', '', '', '10']]),
    // A scale in words, the score on it.
    '附件5 计分表\n\n' +
      tabTable([
        TAB_HEADER,
        ['产出', '（10分）', '履职效益', '（10分）', '行政效能', '（10分）', '效果好的计10分；较好8分；一般5分；差0分。', '根据自评材料评定。', '8'],
      ]),
    // Judgement left to the evaluator: any score may do.
    '计分表\n\n' + pipeTable([['指标', '分值', '评分标准', '得分'], ['资金管理', '10', '制度健全的得满分，不健全的酌情扣分', '7.5']]),
    // Per-case deductions reach 8 − 2 = 6.
    '计分表\n\n' + pipeTable([['指标', '分值', '评分标准', '得分'], ['管理制度健全性', '8', '每出现一例不符合要求的扣2分，扣完为止。', '6']]),
    // Two statements of the rate disagree, but both give the score awarded.
    '“三公”经费控制率：预算18万元，实际支出7.68万元，“三公”经费控制率为42.67%。\n另据统计，三公经费控制率为65.01%。\n\n计分表\n\n' +
      pipeTable([['指标名称', '分值', '评价标准', '得分'], ['“三公经费”控制率', '8', '100%以下（含）计满分，每超出1%扣1分，扣完为止。', '8']]),
  ],
  invalid: [
    {
      // (a) 40 where the scale has only 50 / 30 / 0.
      text: '计分表\n\n' + pipeTable([H, ['产出', '50', '履职', '50', '工作完成', '50', '全部完成计50分，基本完成计30分，未完成计0分', '40']]),
      findings: [{ evidence: ['40', '全部完成计50分，基本完成计30分，未完成计0分', '50'], message: /得分 40 不在评价标准.*可给的分值 50、30、0 之中/, severity: 'warning' }],
    },
    {
      // (a) a percentage scale over several lines: 5 is none of 6 / 4 / 2 / 0.
      text:
        '附件5\n计分表\n\n' +
        tabTable([
          TAB_HEADER,
          ['效果', '（6分）', '满意度', '（6分）', '服务对象满意度', '（6分）', '90%（含）以上计6分；\n80%（含）-90%，计4分；\n低于80%计0分。', '一般采取社会调查的方式。', '5'],
        ]),
      findings: [{ evidence: ['5', '90%（含）以上计6分；\n80%（含）-90%，计4分；\n低于80%计0分。', '6分'], message: /可给的分值 6、4、0 之中/ }],
    },
    {
      // (b) the narrative states 112%: the criterion leaves 0 of 5, 5 awarded.
      text:
        '（二）公用经费控制率：2023年公用经费控制率为112%。\n\n计分表\n\n' +
        tabTable([
          TAB_HEADER,
          ['过程', '（5分）', '预算管理', '（5分）', '公用经费控制率', '（5分）', '100%以下（含）计满分，每超出1%扣1分，扣完为止。', '实际支出/预算安排×100%', '5'],
        ]),
      findings: [{ evidence: ['5', '100%以下（含）计满分，每超出1%扣1分，扣完为止。', '5分', '112%'], message: /公用经费控制率 实得 5 分（分值 5）.*所述 112% 应得 0 分/, severity: 'warning' }],
    },
    {
      // (b) the stated 100% agrees with the score, its own amounts (24 of 20) do not: both are said.
      text:
        '（一）在职人员控制率：编制人数20人，年末实有在职人数24人，在职人员控制率为100%。\n\n附件 计分表\n\n' +
        pipeTable([H, ['投入', '10', '预算配置', '10', '在职人员控制率', '10', '在职人员控制率≤100%，计10分；每超过1个百分点扣0.5分，扣完为止', '10']]),
      findings: [
        {
          evidence: ['10', '在职人员控制率≤100%，计10分；每超过1个百分点扣0.5分，扣完为止', '10', '100%', '24人', '20人'],
          message: /所述 100% 应得 9\.5–10 分；按 24人 ÷ 20人 计算为 120% 应得 0 分/,
          severity: 'warning',
        },
      ],
    },
    {
      // (b) two statements of the rate disagree and only one contradicts the score: info.
      text:
        '1.预算执行率：全年预算数200万元，执行数196万元，预算执行率为98%。\n2.资金支付：截至年底预算执行率为80%，其余资金结转。\n\n计分表\n\n' +
        pipeTable([['指标', '分值', '评分标准', '得分'], ['预算执行率', '10', EXECUTION, '10']]),
      findings: [{ evidence: ['10', EXECUTION, '10', '98%', '80%'], message: /所述 98% 应得 10 分；所述 80% 应得 2–3 分/, severity: 'info' }],
    },
    {
      // Per-case deductions of 2 cannot leave 7 of 8: info.
      text: '计分表\n\n' + pipeTable([['指标', '分值', '评分标准', '得分'], ['资金使用合规性', '8', '每发现一处违规扣2分，扣完为止', '7']]),
      findings: [{ evidence: ['7', '每发现一处违规扣2分，扣完为止', '8'], message: /不能由分值 8 按评价标准.*逐项扣 2 分得到/, severity: 'info' }],
    },
  ],
})

describe('score-rule on the 002 seed', () => {
  const text = readFileSync(resolve('corpus/002_df2f04f55971090d.txt'), 'utf8')

  it('finds the five scores their criteria contradict, and no other', async () => {
    const findings = await runRuleOnText(rule, text)
    expect(findings.map((f) => [f.message.split(' ')[0], f.severity, f.evidence.map((e) => e.line)])).toEqual([
      ['预算完成率', 'warning', [492, 490, 489, 900, 18, 765]],
      ['预算控制率', 'warning', [502, 500, 499, 902, 902, 799]],
      ['公用经费控制率', 'warning', [535, 532, 531, 906, 906, 906]],
      ['行政效能', 'warning', [638, 636, 635]],
      ['社会公众或服务对象满意度', 'warning', [651, 646, 645]],
    ])
    expect(findings[0]!.message).toMatch(/所述 90\.45% 应得 1–3 分；按 577\.35万元 ÷ 5,827,738\.97元 计算为 99\.07% 应得 3–5 分/)
    expect(findings[2]!.message).toMatch(/所述 95% 应得 7 分；按 174498\.92元 ÷ 160000元 计算为 109\.06% 应得 0 分/)
    expect(findings[0]).toMatchObject({ stated: 5, computed: [1, 3] })
  })

  it('stays silent on the rates that justify their scores (在职人员控制率 100%, 变动率 0%, 三公经费控制率 65.01%)', async () => {
    const findings = await runRuleOnText(rule, text)
    const lines = findings.flatMap((f) => f.evidence.map((e) => e.line))
    for (const line of [470, 480, 545]) expect(lines).not.toContain(line)
  })
})
