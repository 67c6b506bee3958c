import { describe, expect, it } from 'vitest'
import type { Table, TableCell } from '../../src/document.js'
import { CellIndex } from '../../src/extract/cell-context.js'
import { cellLabel, inferCellUnit } from '../../src/extract/cell-units.js'
import { readArabicNumber } from '../../src/extract/numbers.js'

/**
 * Builds a table over a synthetic text: each cell's text is laid end to end, so spans are
 * real offsets. `spans` gives [rowSpan, colSpan] for cells by "r,c".
 */
function table(rows: string[][], options: { unit?: string; spans?: Record<string, [number, number]> } = {}) {
  let text = ''
  const built: TableCell[][] = rows.map((row, r) =>
    row.map((t, c) => {
      const start = text.length
      text += t + '\n'
      const cell: TableCell = { start, end: start + t.length, text: t }
      const span = options.spans?.[`${r},${c}`]
      if (span) [cell.rowSpan, cell.colSpan] = span
      return cell
    }),
  )
  const t: Table = { id: 't1', start: 0, end: text.length, rows: built, ...(options.unit ? { unit: options.unit } : {}) }
  const index = new CellIndex([t])
  const at = (r: number, c: number) => index.at(built[r]![c]!.start)!
  const unitOf = (r: number, c: number) => inferCellUnit(at(r, c), readArabicNumber(built[r]![c]!.text, 0)!, index)
  return { index, at, unitOf }
}

describe('bare numbers in tables take their unit from context', () => {
  it('reads a unit written in the column header', () => {
    const { unitOf } = table([
      ['项目', '金额（万元）'],
      ['基本支出', '12.5'],
    ])
    expect(unitOf(1, 1)).toEqual({ kind: 'money', unit: '万元' })
  })

  it("falls back to the table's unit line", () => {
    const { unitOf } = table([['项目', '本年数'], ['办公费', '61']], { unit: '万元' })
    expect(unitOf(1, 1)).toEqual({ kind: 'money', unit: '万元' })
  })

  it('counts people under a headcount header and points under a score header', () => {
    const { unitOf } = table([
      ['编制人数', '得分'],
      ['15', '7'],
    ])
    expect(unitOf(1, 0)).toEqual({ kind: 'count', unit: '人' })
    expect(unitOf(1, 1)).toEqual({ kind: 'score', unit: '分' })
  })

  it('gives no unit to a bare number under a rate header', () => {
    const { unitOf } = table([['执行率'], ['98']], { unit: '万元' })
    expect(unitOf(1, 0)).toBeNull()
  })

  it('takes a score from the weight in its row when no header is in reach', () => {
    const { unitOf } = table([['预算完成率', '（5分）', '100%计满分，每低于5%扣2分，扣完为止。', '5']])
    expect(unitOf(0, 3)).toEqual({ kind: 'score', unit: '分' })
  })

  it('reads amounts printed with grouping as 元 when nothing else says', () => {
    const { unitOf } = table([['收入总计', '4,900,238.97']])
    expect(unitOf(0, 1)).toEqual({ kind: 'money', unit: '元' })
  })

  it('leaves a plain integer with no context alone', () => {
    const { unitOf } = table([['目标', '55']])
    expect(unitOf(0, 1)).toBeNull()
  })
})

describe('headers on the grid', () => {
  it('lets a cell merged over two columns head both', () => {
    const { index, at } = table(
      [
        ['项目', '本年数'],
        ['', '预算', '决算'],
        ['办公费', '10.00', '8.00'],
      ],
      { spans: { '0,1': [1, 2] } },
    )
    expect(index.columnHeader(at(2, 2))?.text).toBe('决算')
    expect(index.columnHeader(at(1, 2))?.text).toBe('本年数')
    expect(cellLabel(at(2, 2), index)).toBe('办公费·决算')
  })

  it('lets a cell merged over two rows head both', () => {
    const { index, at } = table(
      [
        ['公用经费', '预算', '16.00'],
        ['决算', '17.45'],
      ],
      { spans: { '0,0': [2, 1] } },
    )
    expect(at(1, 1).gridCol).toBe(2)
    expect(index.rowHeader(at(1, 1))?.text).toBe('决算')
    expect(index.rowHeader(at(1, 0))?.text).toBe('公用经费')
  })

  it('does not take a sentence for a header', () => {
    const { index, at } = table([['公用经费', '是指部门基本支出中的一般商品和服务支出。', '7']])
    expect(index.rowHeader(at(0, 2))?.text).toBe('公用经费')
  })
})
