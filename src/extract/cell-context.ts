/**
 * Where a number sits in a table, and what its headers say: the cell containing an
 * offset, the row header (first text cell to the left) and the column header (first
 * text cell above). Bare numbers in tables take their unit and label from these.
 */
import type { Table, TableCell } from '../document.js'

export interface CellRef {
  table: Table
  row: number
  col: number
  cell: TableCell
}

/** A cell holding only a number, sign, comparator or unit — not a header. */
const NUMERIC_CELL = /^[\s\u3000]*[-－−≥≤≦≧<>＜＞约]?[\s\u3000]*[0-9０-９][0-9０-９,.．]*[\s\u3000]*[%％万元亿人个分]*[\s\u3000]*$/

export function isNumericCell(text: string): boolean {
  return NUMERIC_CELL.test(text)
}

export class CellIndex {
  private readonly cells: CellRef[] = []

  constructor(tables: Table[]) {
    for (const table of tables)
      table.rows.forEach((row, r) => row.forEach((cell, c) => this.cells.push({ table, row: r, col: c, cell })))
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
}

function isHeaderText(text: string): boolean {
  const t = text.trim()
  return t !== '' && !isNumericCell(t) && /[\u4e00-\u9fff]/.test(t)
}

/** Nearest text cell to the left in the same row. */
export function rowHeader(ref: CellRef): TableCell | undefined {
  const row = ref.table.rows[ref.row]!
  for (let c = ref.col - 1; c >= 0; c--) if (isHeaderText(row[c]!.text)) return row[c]
  return undefined
}

/** Nearest text cell above in the same column. */
export function columnHeader(ref: CellRef): TableCell | undefined {
  for (let r = ref.row - 1; r >= 0; r--) {
    const cell = ref.table.rows[r]![ref.col]
    if (cell && isHeaderText(cell.text)) return cell
  }
  return undefined
}

/** The other cells of the same row. */
export function rowSiblings(ref: CellRef): TableCell[] {
  return ref.table.rows[ref.row]!.filter((_, c) => c !== ref.col)
}
