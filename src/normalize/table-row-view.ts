/**
 * A table row as the grid sees it: which non-empty cell sits in which grid column. Grid
 * positions come from CellIndex (src/extract/cell-context.ts), so a cell merged over
 * columns (colSpan) or a row whose leading cells are covered by a merged cell from above
 * (rowSpan) lines up under the right header. A grid column with no cell of its own in the
 * row is blank here — for a level column that means “same as above”, which is also what
 * a rowSpan from above means on the printed page.
 */
import type { Table, TableCell } from '../document.js'
import type { CellIndex } from '../extract/cell-context.js'

/** A non-empty cell of a row, with its place in `table.rows` and on the grid. */
export interface Slot {
  cell: TableCell
  /** Index within its row, as Figure.cell.col counts. */
  index: number
  gridCol: number
  /** The cell text, trimmed. */
  text: string
}

export interface RowCells {
  row: number
  /** Non-empty cells by grid column. */
  byCol: Map<number, Slot>
  /** Grid columns the row reaches to, trailing empty cells included. */
  width: number
  /** From the first cell's start to the last cell's end. */
  start: number
  end: number
}

export function rowCells(table: Table, row: number, index: CellIndex): RowCells {
  const cells = table.rows[row] ?? []
  const byCol = new Map<number, Slot>()
  let width = 0
  let lastRef = -1
  cells.forEach((cell, i) => {
    const text = cell.text.trim()
    if (text === '') return
    const ref = index.at(cell.start + (cell.text.length - cell.text.trimStart().length))
    if (!ref || ref.cell !== cell) return
    byCol.set(ref.gridCol, { cell, index: i, gridCol: ref.gridCol, text })
    width = ref.gridCol + (cell.colSpan ?? 1)
    lastRef = i
  })
  // Empty cells after the last located one still occupy grid columns (an empty 偏差原因 cell).
  for (const cell of cells.slice(lastRef + 1)) width += cell.colSpan ?? 1
  const start = Math.min(...cells.map((c) => c.start))
  const end = Math.max(...cells.map((c) => c.end))
  return { row, byCol, width, start: Number.isFinite(start) ? start : table.start, end: Number.isFinite(end) ? end : table.start }
}

/** Whether any cell of the table says it is merged: only then is the grid exact. */
export function hasSpans(table: Table): boolean {
  return table.rows.some((r) => r.some((c) => (c.rowSpan ?? 1) > 1 || (c.colSpan ?? 1) > 1))
}
