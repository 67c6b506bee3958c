import { describe, expect, it } from 'vitest'
import { findBorderless } from '../../src/extract/pdf-borderless.js'
import { lineText, type Line } from '../../src/extract/pdf-lines.js'
import { line } from './pdf-test-lines.js'

/** Lines of cells placed at the given x positions, one line every 20 pt. */
function rows(cells: string[][], xs: number[]): Line[] {
  return cells.map((row, r) => {
    const parts = row.map((text, c) => line(text, xs[c]!, 100 + 20 * r))
    const glyphs = parts.flatMap((p) => p.glyphs)
    return { ...parts[0]!, glyphs, x1: parts.at(-1)!.x1 }
  })
}

describe('findBorderless: columns without rules', () => {
  it('reads aligned lines holding amounts as a table, one row per line', () => {
    const lines = rows(
      [
        ['项目', '预算数', '执行数'],
        ['基本支出', '1426.99', '1426.99'],
        ['项目支出', '1968.07', '1822.16'],
      ],
      [72, 300, 420],
    )
    const [found] = findBorderless(lines).tables
    expect(found).toMatchObject({ first: 0, last: 2 })
    const texts = found!.table.cells.map((c) => c.lines.map(lineText).join(''))
    expect(texts).toEqual(['项目', '预算数', '执行数', '基本支出', '1426.99', '1426.99', '项目支出', '1968.07', '1822.16'])
  })

  it('leaves a table of contents alone, with leader dots or with gaps', () => {
    const dots = rows([['一、部门概况……………3'], ['二、机构设置……………5'], ['三、名词解释……………7']], [72])
    const gaps = rows(
      [
        ['一、部门概况', '3'],
        ['二、机构设置', '5'],
        ['三、名词解释', '7'],
      ],
      [72, 500],
    )
    expect(findBorderless(dots).tables).toEqual([])
    expect(findBorderless(gaps).tables).toEqual([])
  })

  it('needs three lines in a row', () => {
    const two = rows(
      [
        ['基本支出', '1426.99'],
        ['项目支出', '1968.07'],
      ],
      [72, 300],
    )
    expect(findBorderless(two).tables).toEqual([])
  })
})
