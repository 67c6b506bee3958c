import { describe, expect, it } from 'vitest'
import type { StoredFigure, StoredStatement } from '../../../src/store/cross-queries.js'
import { priorYearField, priorYearStatements, priorYearWords } from '../../../src/validate/cross/prior-year-statements.js'

function figure(id: string, label: string, kind: StoredFigure['kind'] = 'money'): StoredFigure {
  return { id, kind, raw: '1.00万元', value: 1, decimals: 2, unit: kind === 'percent' ? '%' : '万元', approx: false, label, line: 1, start: 0, end: 6, unitInferred: false }
}

describe('priorYearField', () => {
  it.each([
    ['上年三公经费支出', 'money', 'three_public.actual'],
    ['“三公”经费上年度合计', 'money', 'three_public.actual'],
    ['上一年度三公经费决算数', 'money', 'three_public.actual'],
    ['上年三公经费预算数', 'money', 'three_public.budget'],
    ['上年较某年三公经费预算数', 'money', 'three_public.budget'],
    ['三公经费·上年预算数', 'money', 'three_public.budget'],
    ['上年结转结余资金', 'money', 'carryover.year_end'],
    ['上年结转资金·年初预算数', 'money', 'carryover.year_end'],
    ['上年公用经费支出', 'money', 'public_funds.actual'],
    ['上年度支出合计', 'money', 'expenditure.total'],
    ['上年预算执行率', 'percent', 'budget.execution_rate'],
  ] as const)('%s (%s) → %s', (label, kind, field) => {
    expect(priorYearField(label, kind)).toBe(field)
  })

  it.each([
    ['比上年减少', 'money'], // a difference, not last year's value
    ['较上年度增长', 'percent'],
    ['上年结转资金·全年执行数', 'money'], // spent this year from last year's carryover
    ['上年结转·项目支出', 'money'],
    ['上年预算数', 'money'], // names no quantity
    ['本年三公经费实际支出数', 'money'], // no prior-year word
    ['上年预算执行率', 'money'], // a rate's wording on an amount
    [null, 'money'],
  ] as const)('%s (%s) → null', (label, kind) => {
    expect(priorYearField(label, kind)).toBeNull()
  })
})

describe('priorYearStatements', () => {
  const statement = (field: string, f: StoredFigure): StoredStatement => ({ documentId: 'd', field, primary: true, figure: f })

  it('reads record fields first (the label choosing budget over actual), then labelled figures, each figure once', () => {
    const prior = figure('f1', '上年三公经费预算数')
    const carry = figure('f2', '年初结转结余')
    const generic = figure('f3', '上年公用经费支出')
    const unrelated = figure('f4', '比上年减少')
    const out = priorYearStatements([statement('three_public.prior_year', prior), statement('carryover.prior', carry)], [prior, generic, unrelated])
    expect(out.map((s) => [s.figure.id, s.lastYear, s.from])).toEqual([
      ['f1', 'three_public.budget', 'three_public.prior_year'],
      ['f2', 'carryover.year_end', 'carryover.prior'],
      ['f3', 'public_funds.actual', 'label'],
    ])
  })

  it('keeps the record field’s default when the label names a quantity outside the pair', () => {
    const out = priorYearStatements([statement('three_public.prior_year', figure('f1', '上年支出合计'))], [])
    expect(out.map((s) => s.lastYear)).toEqual(['three_public.actual'])
  })

  it('searches labels for the shortest words only', () => {
    expect([...priorYearWords()].sort()).toEqual(['上一年', '上年'])
  })
})
