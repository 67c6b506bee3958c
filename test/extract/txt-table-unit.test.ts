import { describe, expect, it } from 'vitest'
import { findTableUnit, normaliseUnit } from '../../src/extract/txt-table-unit.js'
import { readString } from './txt-test-helpers.js'

const unitOf = (linesAbove: string[], headerCells: string[] = []): ReturnType<typeof findTableUnit> =>
  findTableUnit({ linesAbove, headerCells })

describe('table unit', () => {
  it.each([
    [['单位：万元'], '万元'],
    [['（单位：元）'], '元'],
    [['金额单位：亿元'], '亿元'],
    [['单位:人民币万元'], '万元'],
    [['表3 一般公共预算支出情况表（万元）'], '万元'],
    [['单位：万'], '万元'],
  ])('reads %j above the table as %s', (lines, unit) => {
    expect(unitOf(lines)).toEqual({ unit })
  })

  it.each([
    [['年度预算资金（万元）', '年初预算数'], '万元'],
    [['项目', '金额(万元)'], '万元'],
    [['项目', '本年决算（元）'], '元'],
  ])('reads header cells %j as %s', (cells, unit) => {
    expect(unitOf([], cells)).toEqual({ unit })
  })

  it('ignores units inside sentences, 单位 in names, and other units', () => {
    expect(unitOf(['我局2022年全年可用预算资金（单位元）合计582.77万元，较上年增加10.5万元，详见下表：'])).toEqual({})
    expect(unitOf([], ['预算单位名称', '益阳市大通湖区应急管理局'])).toEqual({})
    expect(unitOf(['单位：万人'])).toEqual({})
    expect(unitOf([], ['人员培训费用', '≦500元/人/天'])).toEqual({})
  })

  it('lets an explicit 单位： line win, and reports conflicting header units', () => {
    expect(unitOf(['单位：元'], ['金额（万元）'])).toEqual({ unit: '元' })
    expect(unitOf([], ['预算（万元）', '单价（元）'])).toEqual({ conflicting: ['万元', '元'] })
  })

  it('normalises 万/亿 to 万元/亿元', () => {
    expect(['元', '万', '万元', '亿', '亿元'].map(normaliseUnit)).toEqual(['元', '万元', '万元', '亿元', '亿元'])
  })

  it('sets no unit, with an info diagnostic, when a table names two', () => {
    const doc = readString('\t项目\n\t预算（万元）\n\t单价（元）\n\n\t培训\n\t12\n\t300\n')
    expect(doc.tables[0]!.unit).toBeUndefined()
    expect(doc.diagnostics).toEqual([expect.objectContaining({ code: 'txt-table-unit-ambiguous' })])
  })
})
