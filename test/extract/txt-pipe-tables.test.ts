import { describe, expect, it } from 'vitest'
import { cellTexts, expectTableInvariants, readFixture, readString, tableLines } from './txt-test-helpers.js'

describe('|-separated rows', () => {
  it('reads a Markdown table: rule line skipped, empty cells kept, unit from the line above', () => {
    const doc = readFixture('pipe-markdown.txt')
    expectTableInvariants(doc)
    expect(doc.tables).toHaveLength(1)
    const table = doc.tables[0]!
    expect(tableLines(doc, table)).toEqual([4, 8])
    expect(cellTexts(table)).toEqual([
      ['项目', '预算', '决算'],
      ['公务接待费', '90,000.00', '43,852.00'],
      ['公务用车购置', '', ''],
      ['合计', '180,000.00', '76,852.00'],
    ])
    expect(table.unit).toBe('元')
    const [, budget, actual] = table.rows[2]!
    expect(budget!.start).toBe(budget!.end)
    expect(doc.text[budget!.start - 1]).toBe('|')
    expect(doc.text[actual!.start - 1]).toBe('|')
  })

  it('reads plain a | b | c rows and stops at a sentence with a stray pipe', () => {
    const doc = readFixture('pipe-plain.txt')
    expectTableInvariants(doc)
    expect(doc.tables.map((t) => tableLines(doc, t))).toEqual([[2, 4]])
    expect(cellTexts(doc.tables[0]!)).toEqual([
      ['项目', '年初预算数', '全年执行数', '执行率'],
      ['年度资金总额', '582.77', '577.35', '98%'],
      ['其中：财政拨款', '462.74', '462.74', '100%'],
    ])
    expect(doc.tables[0]!.unit).toBe('万元')
    expect(doc.blocks.map((b) => b.kind)).toEqual(['paragraph', 'cell', 'cell', 'cell', 'paragraph'])
  })

  it('reads box-drawing grids', () => {
    const doc = readFixture('pipe-box.txt')
    expectTableInvariants(doc)
    expect(doc.tables.map((t) => tableLines(doc, t))).toEqual([[2, 7]])
    expect(cellTexts(doc.tables[0]!)).toEqual([
      ['项目', '金额'],
      ['基本支出', '460.07'],
      ['项目支出', '117.29'],
    ])
    expect(doc.tables[0]!.unit).toBe('万元')
  })

  it('ignores pipes in sentences', () => {
    expect(readFixture('pipe-stray.txt').tables).toEqual([])
  })

  it('numbers tables of both layouts in reading order', () => {
    const doc = readString('| 项目 | 金额 |\n|---|---|\n| 合计 | 5 |\n\n\t项目\n\t金额\n\n\t合计\n\t5\n\n\n说明\n\n| 甲 | 乙 |\n| 1 | 2 |\n')
    expectTableInvariants(doc)
    expect(doc.tables.map((t) => [t.id, t.rows.length])).toEqual([
      ['t1', 2],
      ['t2', 2],
      ['t3', 2],
    ])
  })
})
