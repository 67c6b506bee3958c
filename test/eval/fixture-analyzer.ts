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
 */
import { readFile } from 'node:fs/promises'
import type { ExtractResult } from '../../src/contract.js'
import { makeResult } from './synthetic.js'

export async function analyzeTinyReport(path: string): Promise<ExtractResult> {
  const text = await readFile(path, 'utf8')
  return makeResult(
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
}
