import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import rule from '../../src/validate/rules/score-total.js'
import { runRuleOnText } from '../../src/validate/tester.js'
import { testRule } from './rule-tester.js'
import { LEVELS_HEADER, pipeTable, tabTable } from './scoring-fixtures.js'

const H = LEVELS_HEADER

testRule(rule, {
  valid: [
    // Levels with their own 分值, all adding up; the 合计 row states 分值 and score.
    '附表 计分表\n\n' +
      pipeTable([
        H,
        ['投入', '20', '预算编制', '20', '人员控制率', '10', '≤100%得10分', '10'],
        ['', '', '', '', '经费变动率', '10', '≤0得10分', '9'],
        ['产出', '80', '履职', '80', '工作完成', '50', '全部完成计50分', '50'],
        ['', '', '', '', '满意度', '30', '95%以上30分', '28'],
        ['合计', '100', '', '', '', '', '', '97'],
      ]),
    // A flattened Word table: half points, and one score written once for two rows (merged cell).
    '附件5\n计分表\n\n' +
      tabTable([
        ['一级指标', '分值', '二级指标', '分值', '三级指标', '分值', '得分'],
        ['投入', '（40分）', '预算配置', '（40分）', '人员控制率', '（20分）', '19.5'],
        ['', '', '', '', '经费控制率', '（20分）', '20'],
        ['产出', '（60分）', '履职效益', '（60分）', '经济效益', '（30分）', '55'],
        ['', '', '', '', '社会效益', '（30分）', ''],
        ['合计', '94.5'],
      ]),
    // A 项目支出绩效自评表: 预算执行率 (分值 10) sits above the indicator header and counts in 总分.
    '项目支出绩效自评表\n\n' +
      pipeTable([
        ['项目资金（万元）', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
        ['年度资金总额', '100', '100', '98', '10', '98%', '9.8'],
        ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'],
        ['', '产出指标', '数量指标', '维修道路', '10公里', '10公里', '50', '50'],
        ['', '效益指标', '社会效益', '通行条件改善', '明显', '明显', '30', '28'],
        ['', '满意度指标', '满意度', '群众满意度', '≥90%', '95%', '10', '10'],
        ['总分', '100', '97.8'],
      ]),
    // No 合计 row, a single level: only the 分值 are checked (they reach 100).
    '评分表\n\n' +
      pipeTable([
        ['指标名称', '分值', '得分'],
        ['预算执行率', '40', '38'],
        ['绩效目标完成情况', '60', '60'],
      ]),
    // A bonus item (加分项) sits outside the 100 points; its score still counts in the total.
    '计分表\n\n' +
      pipeTable([
        ['考核指标', '分值', '得分'],
        ['预算执行', '60', '58'],
        ['工作成效', '40', '38'],
        ['加分项：创新工作', '5', '3'],
        ['合计', '', '99'],
      ]),
  ],
  invalid: [
    {
      // The scores add up to 95, the 合计 says 97.
      text:
        '计分表\n\n' +
        pipeTable([
          H,
          ['投入', '20', '预算编制', '20', '人员控制率', '10', '≤100%得10分', '10'],
          ['', '', '', '', '经费变动率', '10', '≤0得10分', '7'],
          ['产出', '80', '履职', '80', '工作完成', '50', '全部完成计50分', '50'],
          ['', '', '', '', '满意度', '30', '95%以上30分', '28'],
          ['合计', '100', '', '', '', '', '', '97'],
        ]),
      findings: [{ evidence: ['97', '10', '7', '50', '28'], message: /10 \+ 7 \+ 50 \+ 28 = 95，与合计 97 不一致/, severity: 'error' }],
    },
    {
      // 满意度 scored 12 of 10; the total repeats the slip.
      text:
        '部门整体支出绩效评价指标计分表\n\n' +
        tabTable([
          ['一级指标', '分值', '二级指标', '分值', '三级指标', '分值', '得分'],
          ['投入', '（50分）', '预算配置', '（50分）', '人员控制率', '（40分）', '40'],
          ['', '', '', '', '满意度', '（10分）', '12'],
          ['产出', '（50分）', '履职效益', '（50分）', '工作完成', '（50分）', '45'],
          ['合计', '97'],
        ]),
      findings: [{ evidence: ['12', '10分'], message: /满意度 得分 12 超过分值 10/ }],
    },
    {
      // 投入 says 20 but its items weigh 10 + 12; so the items weigh 102 in all.
      text:
        '计分表\n\n' +
        pipeTable([
          ['一级指标', '分值', '三级指标', '分值', '得分'],
          ['投入', '20', '人员控制率', '10', '10'],
          ['', '', '经费变动率', '12', '12'],
          ['产出', '80', '工作完成', '80', '70'],
          ['合计', '', '', '', '92'],
        ]),
      findings: [
        { evidence: ['20', '10', '12'], message: /投入 分值 20，而下级指标 人员控制率、经费变动率 的分值之和 10 \+ 12 = 22/ },
        { evidence: ['10', '12', '80'], message: /各项分值之和 10 \+ 12 \+ 80 = 102，与满分 100 不一致/, severity: 'error' },
      ],
    },
    {
      // Half points: 19.5 + 20 + 8.5 = 48, printed 合计 48.5 — a real slip, not rounding.
      text:
        '评分表\n\n' +
        pipeTable([
          ['评价指标', '分值', '得分'],
          ['预算执行率', '20', '19.5'],
          ['资金管理', '20', '20'],
          ['工作成效', '60', '8.5'],
          ['合计', '100', '48.5'],
        ]),
      findings: [{ evidence: ['48.5', '19.5', '20', '8.5'], message: /= 48，与合计 48.5 不一致/, severity: 'error' }],
    },
    {
      // 合计 printed without decimals: 94.5 shown as 95 is rounding, so only info.
      text:
        '评分表\n\n' +
        pipeTable([
          ['评价指标', '分值', '得分'],
          ['预算执行率', '40', '39.5'],
          ['工作成效', '60', '55'],
          ['合计', '100', '95'],
        ]),
      findings: [{ evidence: ['95', '39.5', '55'], message: /舍入范围内/, severity: 'info' }],
    },
    {
      // The items weigh 90 where the 合计 row says 100, and nothing sits above the header.
      text:
        '计分表\n\n' +
        pipeTable([
          ['考核指标', '分值', '得分'],
          ['预算编制', '30', '28'],
          ['预算执行', '60', '57'],
          ['合计', '100', '85'],
        ]),
      findings: [{ evidence: ['100', '30', '60'], message: /30 \+ 60 = 90，与合计分值 100 不一致/, severity: 'error' }],
    },
    {
      // One 分值 written in 人 among 分: a slip of the pen.
      text:
        '附件5\n评分表\n\n' +
        tabTable([
          ['一级指标', '分值', '三级指标', '分值', '得分'],
          ['产出', '（100分）', '经济效益', '（40人）', '38'],
          ['', '', '社会效益', '（30分）', '29'],
          ['', '', '生态效益', '（30分）', '28'],
        ]),
      findings: [{ evidence: ['40人'], message: /“40人”的单位写作“人”/, severity: 'warning' }],
    },
  ],
})

describe('score-total on the 002 seed', () => {
  it('finds the 分值 written （5人）, and nothing else: the 15 scores make 95, the 分值 add up level by level to 100', async () => {
    const text = readFileSync(resolve('corpus/002_df2f04f55971090d.txt'), 'utf8')
    const findings = await runRuleOnText(rule, text)
    expect(findings.map((f) => [f.severity, f.evidence.map((e) => `${e.line}:${e.text}`)])).toEqual([['warning', ['608:5人']]])
  })

  it('speaks once the total is changed', async () => {
    const text = readFileSync(resolve('corpus/002_df2f04f55971090d.txt'), 'utf8').replace('\t合计\n\t95\n', '\t合计\n\t96\n')
    const findings = (await runRuleOnText(rule, text)).filter((f) => f.message.startsWith('各项得分之和'))
    expect(findings.map((f) => [f.evidence.length, f.evidence[0]!.line, f.stated, f.computed])).toEqual([[16, 654, 96, 95]])
    expect(findings[0]!.message).toMatch(/^各项得分之和 7 \+ 8 \+ 5 .* = 95，与合计 96 不一致$/)
  })
})
