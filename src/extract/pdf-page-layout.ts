/**
 * One page as the reader lays it out: body lines and tables, top to bottom. Each glyph
 * inside a ruled table's cell belongs to that cell (lines of neighbouring cells interleave
 * on the page: cells are vertically centred); body lines that fall into aligned columns
 * are a table drawn without rules (pdf-borderless.ts); the rest is body text.
 */
import { findBorderless } from './pdf-borderless.js'
import type { Box, Grid, GridCell } from './pdf-grid.js'
import { groupLines, type Line } from './pdf-lines.js'
import type { Glyph, Run } from './pdf-runs.js'

/** A grid cell and the lines printed inside it. */
export interface CellContent {
  cell: GridCell
  lines: Line[]
}

/** A table on one page. */
export interface PageTable {
  grid: Grid
  /** Cells in the grid's order (row-major), each with the lines inside it. */
  cells: CellContent[]
}

/** Something on a page, with the y of its top (to sort into reading order). */
export type PageItem = { kind: 'line'; line: Line; top: number } | { kind: 'table'; table: PageTable; top: number }

/** One page laid out. */
export interface PageLayout {
  /** 1-based page number. */
  number: number
  /** Viewport size in points. */
  width: number
  height: number
  /** Body lines and tables in reading order (top to bottom). */
  items: PageItem[]
  /** Characters on the page (0: no text layer). */
  chars: number
}

/** A grid covering this share of the page with so few cells is a page frame. @default 0.6 */
const FRAME_SHARE = 0.6

/** Runs and grids of a page → its body lines and tables in reading order. */
export function layoutPage(number: number, width: number, height: number, runs: Run[], grids: Grid[]): PageLayout {
  const tables = grids.filter((g) => !isPageFrame(g, width, height))
  const cellRuns = new Map<GridCell, Run[]>()
  const body: Run[] = []
  let chars = 0
  for (const run of runs) {
    chars += run.glyphs.length
    // Split the run glyph by glyph: a run may straddle a cell border.
    let piece: { cell: GridCell | undefined; glyphs: Glyph[] } | undefined
    const flush = (): void => {
      if (!piece || piece.glyphs.length === 0) return
      const sub: Run = { ...run, glyphs: piece.glyphs, x0: piece.glyphs[0]!.x0, x1: piece.glyphs[piece.glyphs.length - 1]!.x1 }
      if (piece.cell) cellRuns.set(piece.cell, [...(cellRuns.get(piece.cell) ?? []), sub])
      else body.push(sub)
    }
    for (const g of run.glyphs) {
      const cell = cellAt(tables, (g.x0 + g.x1) / 2, run.y - 0.3 * run.size)
      if (!piece || piece.cell !== cell) {
        flush()
        piece = { cell, glyphs: [] }
      }
      piece.glyphs.push(g)
    }
    flush()
  }
  const items: PageItem[] = []
  for (const grid of tables) {
    const cells = grid.cells.map((cell) => ({ cell, lines: groupLines(cellRuns.get(cell) ?? []) }))
    // An empty ruled grid is decoration (a box, a signature frame), not a table.
    if (cells.every((c) => c.lines.length === 0)) continue
    items.push({ kind: 'table', table: { grid, cells }, top: grid.y0 })
  }
  const lines = groupLines(body)
  const inBorderless = new Set<number>()
  for (const { table, first, last } of findBorderless(lines).tables) {
    items.push({ kind: 'table', table, top: table.grid.y0 })
    for (let k = first; k <= last; k++) inBorderless.add(k)
  }
  lines.forEach((line, k) => {
    if (!inBorderless.has(k)) items.push({ kind: 'line', line, top: line.y - line.size })
  })
  items.sort((a, b) => a.top - b.top)
  return { number, width, height, items, chars }
}

function isPageFrame(grid: Grid, width: number, height: number): boolean {
  const share = ((grid.x1 - grid.x0) * (grid.y1 - grid.y0)) / (width * height)
  return share > FRAME_SHARE && grid.cells.length <= 3
}

function cellAt(grids: Grid[], x: number, y: number): GridCell | undefined {
  for (const g of grids) {
    if (!inside(g, x, y, 1)) continue
    for (const c of g.cells) if (inside(c, x, y, 0.5)) return c
  }
  return undefined
}

function inside(b: Box, x: number, y: number, slack: number): boolean {
  return x >= b.x0 - slack && x <= b.x1 + slack && y >= b.y0 - slack && y <= b.y1 + slack
}
