import { describe, expect, it } from 'vitest'
import { analyzeSource } from '../../../src/analyze.js'
import { LineIndex, type SourceDocument, type TableCell } from '../../../src/document.js'
import { TableGrid } from '../../../src/validate/relations/table-grid.js'
import { tableRelations } from '../../../src/validate/relations/table-relations.js'
import { relationsOf, showSum, tabTable } from './table-analyze.js'

type CellSpec = string | { text: string; rowSpan?: number; colSpan?: number }

/** A source whose one table is given cell by cell with its spans, each cell on a line of its own. */
function sourceWith(rows: CellSpec[][], unit?: string): SourceDocument {
  let text = '表1 经费情况\n'
  const cells: TableCell[][] = rows.map((row) =>
    row.map((spec) => {
      const s = typeof spec === 'string' ? { text: spec } : spec
      const start = text.length
      text += `${s.text}\n`
      return { start, end: start + s.text.length, text: s.text, ...(s.rowSpan ? { rowSpan: s.rowSpan } : {}), ...(s.colSpan ? { colSpan: s.colSpan } : {}) }
    }),
  )
  const table = { id: 't1', start: cells[0]![0]!.start, end: text.length, rows: cells, ...(unit ? { unit } : {}) }
  return { id: '0'.repeat(64), path: 'grid.docx', format: 'docx', text, blocks: [], tables: [table], diagnostics: [] }
}

function gridOf(source: SourceDocument): TableGrid {
  const result = analyzeSource(source)
  return new TableGrid(result.tables![0]!, result, result.figures)
}

describe('table grid', () => {
  it('tells codes from amounts: leading zeros, code headers, numbers ahead of the name', async () => {
    const grid = gridOf(
      sourceWith(
        [
          ['科目编码', '', '科目名称', '合计'],
          ['201', '06', '财政事务', '120.00'],
          ['208', '', '社会保障和就业支出', '30'],
        ],
        '万元',
      ),
    )
    expect([grid.at(1, 0)?.kind, grid.at(1, 1)?.kind, grid.at(1, 3)?.kind, grid.at(2, 0)?.kind, grid.at(2, 3)?.kind]).toEqual(['code', 'code', 'value', 'code', 'value'])
    expect(grid.codeLevel(1, 3)).toBe(2)
    expect(grid.rowKinds).toEqual(['header', 'data', 'data'])
  })

  it('places the empty placeholders some PDFs give for covered slots by position', async () => {
    const source = sourceWith(
      [
        [{ text: '合计', rowSpan: 2 }, { text: '因公出国(境)费', rowSpan: 2 }, { text: '公务接待费', rowSpan: 2 }, { text: '公务用车购置及运行费', colSpan: 3 }],
        ['', '', '', '小计', '购置费', '运行费'],
        ['10.81', '0', '0.83', '9.98', '0', '9.98'],
      ],
      '万元',
    )
    const grid = gridOf(source)
    const band = grid.bands[0]!
    expect([3, 4, 5].map((c) => grid.path(band, c).join('/'))).toEqual(['公务用车购置及运行费/小计', '公务用车购置及运行费/购置费', '公务用车购置及运行费/运行费'])
    const result = analyzeSource(source)
    const sums = tableRelations(result, new LineIndex(result.text)).sums!.map(showSum)
    expect(sums).toEqual(['10.81 = 0 + 0.83 + 9.98 ✓', '9.98 = 0 + 9.98 ✓'])
  })

  it('reads the two halves of a 收入 | 支出 table apart', async () => {
    const text = tabTable(
      [
        ['项目', '本年预算', '项目', '本年决算'],
        ['财政拨款收入', '900', '工资福利支出', '600'],
        ['其他收入', '100', '商品和服务支出', '300'],
        ['合计', '1,000', '合计', '950'],
      ],
      '表1 收支总表（单位：元）',
    )
    expect((await relationsOf(text)).sums).toEqual(['1,000 = 900 + 100 ✓', '950 = 600 + 300 ✗'])
  })

  it('yields nothing, and does not throw, on a table without numbers or rows', async () => {
    const source = sourceWith([['项目', '说明'], ['内部控制', '是']])
    const result = analyzeSource(source)
    expect(tableRelations(result, new LineIndex(result.text))).toEqual({ sums: [], ratios: [] })
    const empty = { ...result, tables: [{ id: 't9', rows: [] }] }
    expect(tableRelations(empty, new LineIndex(result.text))).toEqual({ sums: [], ratios: [] })
  })
})
