/**
 * The unit of a DOCX table's bare numbers, decided by the same rules as for TXT tables
 * (txt-table-unit.ts `findTableUnit`): a 单位：万元 line or caption just above the table,
 * or a unit in the header cells (年度预算资金（万元）).
 */
import type { TableCell } from '../document.js'
import { findTableUnit, type UnitFinding } from './txt-table-unit.js'

/** Header rows searched for a unit, as for TXT tables (txt-tables.ts). */
const HEADER_ROWS = 3
/** Non-blank lines above the table searched for a unit line or caption. */
const LINES_ABOVE = 2

/** `linesAbove`: the nearest paragraphs above the table (after any earlier table), nearest last. */
export function tableUnit(rows: TableCell[][], linesAbove: string[]): UnitFinding {
  const headerCells = rows.slice(0, HEADER_ROWS).flat()
  for (const row of rows.slice(HEADER_ROWS)) if (row[0]) headerCells.push(row[0])
  return findTableUnit({ linesAbove: linesAbove.slice(-LINES_ABOVE), headerCells: headerCells.map((c) => c.text) })
}
