import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { analyzeBytes, analyzeFile } from '../../src/analyze.js'
import type { Figure } from '../../src/contract.js'
import { LineIndex } from '../../src/document.js'
import rule from '../../src/validate/rules/unit-slip.js'
import type { ReportInput } from '../../src/validate/rule.js'
import { validate } from '../../src/validate/run.js'
import { tabTable } from './relations/table-analyze.js'
import { testRule } from './rule-tester.js'

testRule(rule, {
  valid: [
    // A report in 元 that restates its total once in 万元: the number does not fit among its siblings.
    '全年支出5,773,526.49元，其中基本支出4,600,656.92元，项目支出1,172,869.57元，折合577.35万元。',
    // Rates and standards sit in 元 beside totals in 万元.
    '培训费标准为480元/人/天，全年培训支出2.5万元，参训120人。',
    '人均补助300元，共发放58.5万元，惠及1950人。',
    '公务接待费预算2万元，实际支出800元。',
    // A table in 元 beside narrative in 万元.
    `${tabTable([['项目', '金额'], ['办公费', '61,376.60'], ['水费', '6,224.00'], ['合计', '67,600.60']], '表5 公用经费（单位：元）')}公用经费合计6.76万元，控制在预算以内。\n`,
    // A column of honestly different units (indicator targets).
    tabTable([['指标', '年度指标值'], ['隐患排查', '100处'], ['救灾资金', '50万元'], ['安全检查', '100家次'], ['培训费用', '500元/人/天']], '表2 绩效指标'),
  ],
  invalid: [
    {
      text: '追加预算875.78万元，其中基本支出34.33万元，项目支出841.45万元，实际支出348.87元。',
      findings: [{ evidence: ['348.87元', '875.78万元', '34.33万元', '841.45万元'], message: /348\.87元.*348\.87万元.*相差 984 倍/, severity: 'warning' }],
    },
    {
      text: '年初预算支出1,831,477元，追加预算支出2,823,392.40万元，全年可用4,654,869.09元。',
      findings: [{ evidence: ['2,823,392.40万元', '1,831,477元', '4,654,869.09元'], message: /疑为“2823392\.4元”/ }],
    },
    {
      text: tabTable(
        [
          ['指标', '分值', '得分'],
          ['在职人员控制率', '（7分）', '7'],
          ['三公经费变动率', '（8分）', '8'],
          ['经济效益', '（5人）', '5'],
          ['社会效益', '（5分）', '5'],
        ],
        '附件5 部门整体支出绩效评价计分表',
      ),
      findings: [{ evidence: ['5人', '7分', '8分', '5分'], message: /“人”与同列其余 3 格/ }],
    },
    {
      text: tabTable(
        [
          ['项目', '金额'],
          ['办公费', '12.50'],
          ['水费', '3.20'],
          ['差旅费', '8.60元'],
          ['合计', '24.30'],
        ],
        '表3 公用经费支出（单位：万元）',
      ),
      findings: [{ evidence: ['8.60元', '24.30', '12.50', '3.20'], message: /按万元计成立，按元计不成立/ }],
    },
  ],
})

describe('unit-slip on the seeds', () => {
  const corpus = join(import.meta.dirname, '../../corpus')
  const findingsOf = async (file: string) => {
    const { findings: _ignored, ...doc } = await analyzeFile(join(corpus, file))
    return validate(doc, new LineIndex(doc.text), { profile: 'default', rules: {} }, [rule]).findings
  }

  it('finds “348.87元” among 万元 amounts (003) and “（5人）” among 分 weights (002), nothing else', async () => {
    const got = []
    for (const file of readdirSync(corpus).filter((f) => f.endsWith('.txt')).sort()) for (const f of await findingsOf(file)) got.push(`${file.slice(0, 3)} ${f.evidence[0]!.line}:${f.evidence[0]!.text}`)
    expect(got).toEqual(['002 608:5人', '003 38:348.87元'])
  }, 60_000)
})

describe('unit-slip from a restatement', () => {
  it('names the one statement of a restated amount whose unit differs by 10⁴ from the others', async () => {
    const text = '追加项目支出841.45万元。\n项目经费共计841.45万元。\n其中追加项目支出841.45元已下达。\n'
    const { findings: _ignored, ...doc } = await analyzeBytes(Buffer.from(text, 'utf8'), 'restated.txt')
    const figures = doc.figures.filter((f) => f.value === 841.45)
    expect(figures.map((f) => f.raw)).toEqual(['841.45万元', '841.45万元', '841.45元'])
    const relations = { sums: [], ratios: [], restatements: [{ kind: 'restated' as const, key: 'budget.adjustment', figures, origin: 'record' as const, note: '追加预算' }] }
    const reported: ReportInput[] = []
    rule.check({ doc, lines: new LineIndex(doc.text), figureById: new Map(doc.figures.map((f) => [f.id, f])), relations }, (r) => reported.push(r), {})
    expect(reported.map((r) => [(r.evidence as Figure[]).map((f) => `${f.line}:${f.raw}`), r.stated, r.computed])).toEqual([[['3:841.45元', '1:841.45万元', '2:841.45万元'], 841.45, 8414500]])
  })
})
