import { describe, expect, it } from 'vitest'
import { cellTexts, expectTableInvariants, readFixture, readString, tableLines } from './txt-test-helpers.js'

describe('TAB-prefixed cells', () => {
  it('rebuilds rows separated by blank lines, ending at a heading', () => {
    const doc = readFixture('tab-cells-rows.txt')
    expectTableInvariants(doc)
    expect(doc.tables).toHaveLength(1)
    const table = doc.tables[0]!
    expect(tableLines(doc, table)).toEqual([3, 14])
    expect(cellTexts(table)).toEqual([
      ['项目名称', '农村道路养护'],
      ['年度预算资金（万元）', '年初预算数', '全年执行数', '执行率'],
      ['资金总额', '120.50', '118.06', '97.98%'],
    ])
    expect(table.unit).toBe('万元')
    // The table covers its first TAB line to the end of its last cell.
    expect(doc.text.slice(table.start, table.end)).toMatch(/^\t项目名称[\s\S]*\t97\.98%$/)
  })

  it('continues a cell over non-TAB lines, also across blank lines, while the table resumes', () => {
    const doc = readFixture('tab-cells-multiline.txt')
    expectTableInvariants(doc)
    expect(doc.tables).toHaveLength(1)
    const table = doc.tables[0]!
    expect(tableLines(doc, table)).toEqual([2, 27])
    expect(cellTexts(table)).toEqual([
      ['年度总体目标', '预期目标', '实际完成情况'],
      ['', '目标1：完成道路养护。\n目标2：完成桥梁检测。\n\n目标3：完成安全培训。', '道路养护工作\n\n全年养护道路120公里。\n\n（二）桥梁检测工作\n\n检测桥梁8座。'],
      ['一级指标', '分值', '得分'],
      ['产\n\n出', '（35分）', '33'],
    ])
    // The narrative after the number 33 is not part of the table.
    expect(doc.blocks.at(-1)).toMatchObject({ kind: 'paragraph' })
  })

  it('puts an empty cell at its position, right after the TAB', () => {
    const doc = readFixture('tab-cells-multiline.txt')
    const empty = doc.tables[0]!.rows[1]![0]!
    expect(empty.start).toBe(empty.end)
    expect(doc.text[empty.start - 1]).toBe('\t')
    expect(doc.text.slice(empty.start, empty.start + 2)).toBe('\n\t')
  })

  it('ends a table at a lead-in ending with a colon, and at two blank lines', () => {
    const doc = readFixture('tab-cells-lead-in.txt')
    expectTableInvariants(doc)
    expect(doc.tables.map((t) => tableLines(doc, t))).toEqual([
      [1, 5],
      [8, 12],
    ])
    expect(doc.tables.map(cellTexts)).toEqual([
      [['项目', '说明'], ['培训', '组织培训两次']],
      [['时间', '人数'], ['3月', '20人']],
    ])
    // A lone TAB line (one cell, no row of two) is not a table.
    expect(doc.blocks.at(-1)).toMatchObject({ kind: 'paragraph' })
  })

  it('does not take TAB-indented prose for a table', () => {
    const doc = readFixture('tab-indented-prose.txt')
    expect(doc.tables).toEqual([])
    expect(doc.blocks.every((b) => b.kind === 'paragraph')).toBe(true)
  })

  it('ends at an attachment marker even without a blank line', () => {
    const doc = readString('\t项目\n\t金额\n附件2\n\t说明\n\t备注\n')
    expect(doc.tables.map(cellTexts)).toEqual([[['项目', '金额']], [['说明', '备注']]])
  })

  it('treats a blank line before a paragraph as the table end when the last cell is a number', () => {
    const doc = readString('\t项目\n\t金额\n\n\t合计\n\t1,234.56\n\n本年支出均按预算执行。\n\n\t项目\n\t说明\n')
    expect(doc.tables.map(cellTexts)).toEqual([
      [['项目', '金额'], ['合计', '1,234.56']],
      [['项目', '说明']],
    ])
  })
})
