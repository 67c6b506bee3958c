/**
 * Where each cell of a table sits on its grid. Readers give rows of cells with row and column
 * spans; a header lookup needs the slot grid an HTML table lays them out on — each cell takes
 * the next free slot of its row, and a span covers slots of the rows below it too.
 */

/** The grid of a table: the cell covering each slot, and each cell's first grid column. */
export interface GridLayout<C> {
  /** grid[row][gridCol]: the cell covering that slot (one above, when a row span reaches down). */
  grid: Array<Array<C | undefined>>
  /** gridCols[row][index]: the grid column of table.rows[row][index]. */
  gridCols: number[][]
  /** Slots in the widest row. */
  width: number
}

export function layOutGrid<C extends { rowSpan?: number | undefined; colSpan?: number | undefined }>(rows: ReadonlyArray<ReadonlyArray<C>>): GridLayout<C> {
  const grid: Array<Array<C | undefined>> = []
  const gridCols: number[][] = []
  rows.forEach((row, r) => {
    grid[r] ??= []
    gridCols[r] = []
    let col = 0
    row.forEach((cell, i) => {
      while (grid[r]![col] !== undefined) col++
      gridCols[r]![i] = col
      const cols = cell.colSpan ?? 1
      for (let dr = 0; dr < (cell.rowSpan ?? 1); dr++) {
        const slots = (grid[r + dr] ??= [])
        for (let dc = 0; dc < cols; dc++) slots[col + dc] = cell
      }
      col += cols
    })
  })
  return { grid, gridCols, width: Math.max(0, ...grid.map((slots) => slots.length)) }
}
