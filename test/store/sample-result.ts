/**
 * A small hand-built ExtractResult that uses every part of the contract (pages, nested
 * sections, a table with spans, figures in and out of cells, indicator and score rows,
 * a record field with an alternative, a finding with a computed interval, diagnostics), so
 * store tests do not depend on what the extraction stages find today. Offsets are computed, not typed.
 */
import { createHash } from 'node:crypto'
import { ExtractResultSchema, type ExtractResult, type Figure } from '../../src/contract.js'

export const SAMPLE_TEXT = [
  '某单位2023年度部门整体支出绩效自评报告',
  '一、基本情况',
  '（一）预算情况',
  '全年预算数3395.06万元，执行率约98.5%。',
  '单位：万元',
  '项目\t预算',
  '合计\t582.77',
].join('\n')

function span(needle: string, from = 0): { start: number; end: number } {
  const start = SAMPLE_TEXT.indexOf(needle, from)
  if (start < 0) throw new Error(`sample text lacks ${needle}`)
  return { start, end: start + needle.length }
}

function lineOf(offset: number): number {
  return SAMPLE_TEXT.slice(0, offset).split('\n').length
}

/** The sample, with `id` as document id (default: sha256 of the text) and optional overrides. */
export function sampleResult(overrides: { id?: string; path?: string; text?: string } = {}): ExtractResult {
  const text = overrides.text ?? SAMPLE_TEXT
  const id = overrides.id ?? createHash('sha256').update(text).digest('hex')
  const money = span('3395.06万元')
  const rate = span('98.5%')
  const cellLabel = span('合计')
  const cellValue = span('582.77')
  const figure = (f: Omit<Figure, 'raw' | 'line'>): Figure => ({ ...f, raw: text.slice(f.start, f.end), line: lineOf(f.start) })
  const result: ExtractResult = {
    document: {
      id,
      path: overrides.path ?? '/reports/sample.txt',
      format: 'txt',
      title: '某单位2023年度部门整体支出绩效自评报告',
      department: '某单位',
      region: { province: '某省', city: null, county: '某县', code: '430000' },
      fiscalYear: 2023,
      kind: '部门整体支出绩效自评报告',
      selfScore: 96.5,
    },
    text,
    pages: [{ number: 1, start: 0, end: text.length }],
    sections: [
      { id: 's1', level: 1, number: '一、', title: '基本情况', line: 2, parentId: null, ...span('一、基本情况'), end: text.length, heading: span('一、基本情况') },
      { id: 's2', level: 2, number: '（一）', title: '预算情况', line: 3, parentId: 's1', ...span('（一）预算情况'), end: text.length },
    ],
    tables: [
      {
        id: 't1',
        unit: '万元',
        start: span('项目').start,
        end: text.length,
        rows: [
          [{ ...span('项目'), text: '项目' }, { ...span('预算'), text: '预算', colSpan: 1 }],
          [{ ...cellLabel, text: '合计', rowSpan: 2 }, { ...cellValue, text: '582.77' }],
        ],
      },
    ],
    figures: [
      figure({ id: 'f1', kind: 'money', ...money, value: 3395.06, decimals: 2, unit: '万元', yuan: 33950600, approx: false, label: '全年预算数', sectionId: 's2', page: 1 }),
      figure({ id: 'f2', kind: 'percent', ...rate, value: 98.5, decimals: 1, unit: '%', approx: true, comparator: '>=', label: null, sectionId: 's2' }),
      figure({
        id: 'f3', kind: 'money', ...cellValue, value: 582.77, decimals: 2, unit: '万元', yuan: 5827700, approx: false, label: '合计',
        sectionId: 's2', cell: { tableId: 't1', row: 1, col: 1 }, unitInferred: true, malformed: false,
      }),
    ],
    indicators: [
      {
        id: 'i1', tableId: 't1', row: 1, level1: '产出指标', level2: '数量指标', level3: '合计',
        target: { ...cellValue, text: '582.77', figureId: 'f3' }, actual: null, weight: 10, score: null, reason: null,
        line: lineOf(cellLabel.start), start: cellLabel.start, end: cellValue.end, sectionId: 's2',
      },
    ],
    scores: [
      {
        id: 'sc1', tableId: 't1', row: 1, indicator: '合计', level: 3, path: ['预算', '合计'], weight: 10, score: 9.5,
        scoreFigureId: 'f3', line: lineOf(cellLabel.start), start: cellLabel.start, end: cellValue.end,
      },
    ],
    scoreTotals: [{ tableId: 't1', stated: { ...cellValue, value: 582.77, line: lineOf(cellValue.start), figureId: 'f3' }, sumOfScores: 9.5, sumOfWeights: 10, rows: 1 }],
    record: {
      'budget.total': { value: 33950600, unit: '元', figureId: 'f1', line: 4, alternatives: [{ value: 5827700, figureId: 'f3', line: 7 }] },
      'budget.execution_rate': { value: 98.5, unit: '%', figureId: 'f2', line: 4 },
    },
    findings: [
      {
        ruleId: 'ratio-mismatch',
        severity: 'warning',
        message: '执行率 98.5% 与 582.77/3395.06 不一致',
        evidence: [{ ...rate, text: '98.5%', line: 4, figureId: 'f2', role: 'stated' }, { ...money, text: '3395.06万元', line: 4 }],
        stated: 98.5,
        computed: [17.16, 17.17],
        fingerprint: 'ratio-mismatch:f2:f1',
      },
    ],
    diagnostics: [
      { level: 'info', code: 'txt-decoded-utf8', message: 'decoded as UTF-8' },
      { level: 'warning', message: 'a line without span', span: { start: 0, end: 2 } },
    ],
  }
  return ExtractResultSchema.parse(result)
}
