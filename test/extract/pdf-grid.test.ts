import { describe, expect, it } from 'vitest'
import { buildGrids } from '../../src/extract/pdf-grid.js'
import type { Rule } from '../../src/extract/pdf-rules.js'

const h = (at: number, a: number, b: number): Rule => ({ dir: 'h', at, a, b })
const v = (at: number, a: number, b: number): Rule => ({ dir: 'v', at, a, b })

describe('buildGrids: ruling lines → tables', () => {
  it('cuts a full grid into rows and columns', () => {
    const rules = [h(100, 50, 350), h(120, 50, 350), h(140, 50, 350), v(50, 100, 140), v(200, 100, 140), v(350, 100, 140)]
    const [grid] = buildGrids(rules)
    expect(grid!.ys).toEqual([100, 120, 140])
    expect(grid!.xs).toEqual([50, 200, 350])
    expect(grid!.cells.map((c) => [c.row, c.col, c.rowSpan, c.colSpan])).toEqual([
      [0, 0, 1, 1],
      [0, 1, 1, 1],
      [1, 0, 1, 1],
      [1, 1, 1, 1],
    ])
  })

  it('merges cells that no rule separates (收入 over two columns, 项目 over two rows)', () => {
    const rules = [
      h(100, 50, 350),
      h(120, 200, 350), // under the merged header only on the right
      h(140, 50, 350),
      v(50, 100, 140),
      v(200, 100, 140),
      v(275, 120, 140), // splits the second row only
      v(350, 100, 140),
    ]
    const [grid] = buildGrids(rules)
    const spans = grid!.cells.map((c) => [c.row, c.col, c.rowSpan, c.colSpan])
    expect(spans).toEqual([
      [0, 0, 2, 1], // left column, both rows
      [0, 1, 1, 2], // right header over two columns
      [1, 1, 1, 1],
      [1, 2, 1, 1],
    ])
  })

  it('joins segments drawn piece by piece and snaps near-equal positions', () => {
    const rules = [h(100, 50, 150), h(100.4, 150, 300), h(130, 50, 300), v(50, 100, 130), v(300.6, 100, 130), v(150, 100, 115), v(150, 115, 130)]
    const [grid] = buildGrids(rules)
    expect(grid!.cells).toHaveLength(2)
  })

  it('finds no table in an underline, a lone box or lines that do not touch', () => {
    expect(buildGrids([h(100, 50, 500)])).toEqual([])
    expect(buildGrids([h(100, 50, 300), h(200, 50, 300), v(50, 100, 200), v(300, 100, 200)])).toEqual([])
    expect(buildGrids([h(100, 50, 300), h(120, 50, 300), v(400, 300, 400), v(450, 300, 400)])).toEqual([])
  })

  it('keeps two tables on one page apart', () => {
    const table = (top: number): Rule[] => [h(top, 50, 300), h(top + 20, 50, 300), v(50, top, top + 20), v(150, top, top + 20), v(300, top, top + 20)]
    const grids = buildGrids([...table(400), ...table(100)])
    expect(grids.map((g) => g.y0)).toEqual([100, 400])
  })
})
