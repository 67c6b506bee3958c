/**
 * Where a number sits in a table, and what its headers say: the cell containing an
 * offset, the row header (first text cell to the left) and the column header (first
 * text cell above). Bare numbers in tables take their unit and label from these.
 *
 * Headers are looked up on the table's grid, not by a cell's index in its row: a cell
 * merged over two rows (rowSpan) or columns (colSpan) heads every grid slot it covers,
 * as it does on the printed page.
 */
import type { Table, TableCell } from '../document.js'
import { layOutGrid } from './table-layout.js'

export interface CellRef {
  table: Table
  /** Row of the cell, as in `table.rows`. */
  row: number
  /** Index of the cell within its row, as in `table.rows[row]` (what Figure.cell.col reports). */
  col: number
  cell: TableCell
  /** Grid column of the cell's first slot, counting merged slots. */
  gridCol: number
}

/** A cell holding only a number, sign, comparator or unit — not a header. */
const NUMERIC_CELL = /^[\s\u3000]*[-－−≥≤≦≧<>＜＞约]?[\s\u3000]*[0-9０-９][0-9０-９,.．]*[\s\u3000]*[%％万元亿人个分]*[\s\u3000]*$/

export function isNumericCell(text: string): boolean {
  return NUMERIC_CELL.test(text)
}

/** For each grid slot, the cell covering it. */
type Grid = Array<Array<TableCell | undefined>>

export class CellIndex {
  private readonly cells: CellRef[] = []
  private readonly grids = new Map<Table, Grid>()

  constructor(tables: Table[]) {
    for (const table of tables) {
      const { grid, gridCols } = layOutGrid(table.rows)
      this.grids.set(table, grid)
      table.rows.forEach((row, r) => row.forEach((cell, c) => this.cells.push({ table, row: r, col: c, cell, gridCol: gridCols[r]![c]! })))
    }
    this.cells.sort((a, b) => a.cell.start - b.cell.start)
  }

  /** The cell whose span contains `offset`, if any. */
  at(offset: number): CellRef | undefined {
    let lo = 0
    let hi = this.cells.length - 1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      const ref = this.cells[mid]!
      if (offset < ref.cell.start) hi = mid - 1
      else if (offset >= ref.cell.end) lo = mid + 1
      else return ref
    }
    return undefined
  }

  /** Nearest text cell to the left on the grid row (a merged row header counts). */
  rowHeader(ref: CellRef): TableCell | undefined {
    const slots = this.grids.get(ref.table)?.[ref.row] ?? []
    for (let c = ref.gridCol - 1; c >= 0; c--) {
      const cell = slots[c]
      if (cell && cell !== ref.cell && isHeaderText(cell.text)) return cell
    }
    return undefined
  }

  /** Nearest text cell above on the grid column (a merged column header counts). */
  columnHeader(ref: CellRef): TableCell | undefined {
    const grid = this.grids.get(ref.table) ?? []
    for (let r = ref.row - 1; r >= 0; r--) {
      const cell = grid[r]?.[ref.gridCol]
      if (cell && cell !== ref.cell && isHeaderText(cell.text)) return cell
    }
    return undefined
  }
}


/** Headers are short names; a long cell or a sentence (a scoring rule, an explanation) is content, not a header. */
const MAX_HEADER = 30

const VALUE_CELL = /^[\s\u3000]*[-−≥≤≦≧<>＜＞约]?[0-9０-９][0-9０-９.,．]*(?![0-9０-９.,．]|年)/

function isHeaderText(text: string): boolean {
  const t = text.trim()
  // A cell that starts with a number (100处以上, 50万, 364家次) is a value, not a header — but a
  // year (2022年编制人数) is part of a header's name.
  return t !== '' && t.length <= MAX_HEADER && !/[，。；;！？]/.test(t) && !VALUE_CELL.test(t) && /[\u4e00-\u9fff]/.test(t)
}

/** The other cells of the same row. */
export function rowSiblings(ref: CellRef): TableCell[] {
  return ref.table.rows[ref.row]!.filter((_, c) => c !== ref.col)
}
