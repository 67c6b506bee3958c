/**
 * A stand-in for analyzeFile on test/fixtures/eval/corpus/tiny-report.txt: fixed, deliberately
 * imperfect predictions, so the eval command's numbers are known whatever the real extractors
 * do today. Expected against gold/tiny-report.json:
 *   figures  G = 6, P = 7, recall hits 4, precision hits 5 (四个 matches an optional gold),
 *            1 value mismatch (3383.30万元 read as 元), missed 12人, false positive 2023.
 *   sections gold 6, predicted 6, matched 5 (title on line 1 missed, line 6 extra), 4 at the right level.
 *   labels   5 matched figures with a gold label, 4 agree (2023年度收入总计 ~ 收入总计, “预算”执行率 ~
 *            预算执行率, …); 四个 is unlabelled.
 *   record   gold fills 5: 3 right, income.fiscal wrong (the 元 misreading), staffing.actual missing;
 *            expenditure.total is extra (gold null).
 *   findings gold has 4 relations, 2 targets; 4 loud findings + 1 info: the error on line 8 finds
 *            execution_rate_vs_spending, the warning on line 4 is a false alarm (fiscal_share holds),
 *            the warning on line 1 lands on the minor title_year_minor (confirmed, and 1 minor), the
 *            warning on line 3 is unmatched; staffing_restated (line 6) has only an info finding: missed.
 */
import { readFile } from 'node:fs/promises'
import type { ExtractResult } from '../../src/contract.js'
import { makeResult } from './synthetic.js'
import { withFindings } from './synthetic-findings.js'

export async function analyzeTinyReport(path: string): Promise<ExtractResult> {
  const text = await readFile(path, 'utf8')
  const result = makeResult(
    text,
    [
      { raw: '2023', kind: 'count', value: 2023 },
      { raw: '3395.06万元', kind: 'money', value: 3395.06, yuan: 33950600, unit: '万元', decimals: 2, label: '收入总计' },
      { raw: '3383.30万元', kind: 'money', value: 3383.3, yuan: 3383.3, unit: '元', decimals: 2, label: '财政拨款收入' },
      { raw: '99.65%', kind: 'percent', value: 99.65, unit: '%', decimals: 2, label: '财政拨款收入占比' },
      { raw: '13人', kind: 'count', value: 13, unit: '人', label: '编制数' },
      { raw: '四个', kind: 'count', value: 4 },
      { raw: '100%', kind: 'percent', value: 100, unit: '%', label: '“预算”执行率' },
      { raw: '50米', kind: 'measure', value: 50 },
    ],
    [
      { line: 2, level: 1, number: '一、', title: '部门基本情况' },
      { line: 3, level: 2, number: '（一）', title: '收入情况' },
      { line: 5, level: 2, number: '（二）', title: '人员情况' },
      { line: 6, level: 3, number: '', title: '编制数13人' },
      { line: 7, level: 1, number: '二、', title: '绩效目标完成情况' },
      { line: 8, level: 2, number: '1.', title: '预算执行率100%' },
    ],
    {
      'income.total': { value: 33950600, unit: '元', figureId: 'f2', line: 4 },
      'income.fiscal': { value: 3383.3, unit: '元', figureId: 'f3', line: 4 },
      'expenditure.total': { value: 33950600, unit: '元', figureId: 'f2', line: 4 },
      'staffing.authorized': { value: 13, unit: '人', figureId: 'f5', line: 6 },
      'budget.execution_rate': { value: 100, unit: '%', figureId: 'f7', line: 8 },
    },
  )
  return withFindings(result, [
    { ruleId: 'ratio-mismatch', severity: 'error', quotes: ['100%'], message: '执行率 100% 与支出/预算不一致' },
    { ruleId: 'sum-mismatch', severity: 'warning', quotes: ['3395.06万元', '3383.30万元'], message: '分项之和 3383.30万元，与合计 3395.06万元 不一致' },
    { ruleId: 'restated-mismatch', severity: 'warning', quotes: ['2023'] },
    { ruleId: 'placeholder', severity: 'warning', quotes: ['收入情况'] },
    { ruleId: 'restated-mismatch', severity: 'info', quotes: ['13人', '12人'] },
  ])
}
