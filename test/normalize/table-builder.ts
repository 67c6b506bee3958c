/**
 * Hand-built tables for the indicator and score tests: pieces of rows (as a DOCX or PDF
 * reader would give them, spans included) laid out one cell per line in a text, with
 * optional text between the pieces. Offsets are computed, not typed.
 */
import type { Table, TableCell } from '../../src/document.js'
import { LineIndex } from '../../src/document.js'
import type { TableInput } from '../../src/normalize/indicators.js'

export type CellSpec = string | { text: string; rowSpan?: number; colSpan?: number }

export interface Piece {
  /** Text before the piece (a caption, a page number, narrative). */
  before?: string
  rows: CellSpec[][]
}

export function buildTables(pieces: Piece[]): TableInput {
  let text = ''
  const tables: Table[] = pieces.map((piece, i) => {
    if (piece.before) text += piece.before + '\n'
    const start = text.length
    const rows = piece.rows.map((row) =>
      row.map((spec): TableCell => {
        const s = typeof spec === 'string' ? { text: spec } : spec
        const cell: TableCell = { start: text.length, end: text.length + s.text.length, text: s.text }
        if (s.rowSpan) cell.rowSpan = s.rowSpan
        if (s.colSpan) cell.colSpan = s.colSpan
        text += s.text + '\n'
        return cell
      }),
    )
    return { id: `t${i + 1}`, rows, start, end: text.length }
  })
  return { text, tables, figures: [], lines: new LineIndex(text) }
}
