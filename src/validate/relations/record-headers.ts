/**
 * The headers a table cell is read under: its row header, the path of column headers above
 * it, and the block title of a form-like table. Restatement checks need more than the
 * 'row·column' label a figure carries:
 *
 * - A two-level header flattened by a TXT or PDF rendering loses its spans: 本年决算 | 基本支出
 *   | 项目支出 over 金额 | 比率 | 金额 | 比率 | 金额 | 比率. When an upper header row has n cells,
 *   the row under it has the full width W with an empty stub, and (W − 1) is a multiple of
 *   (n − 1), each upper cell after the stub is taken to head (W − 1)/(n − 1) columns — the
 *   layout that flattening produces (blank cells a reader padded the upper row with at its end
 *   are not counted).
 * - A form table (基础数据表) repeats header row / value row pairs whose value row has no row
 *   header; the first cell of the header row (“三公经费”控制情况) names the block.
 */
import type { ExtractResult } from '../../contract.js'
import { isNumericCell } from '../../extract/cell-context.js'
import { type GridLayout, layOutGrid } from '../../extract/table-layout.js'

type ContractTable = NonNullable<ExtractResult['tables']>[number]
type ContractCell = ContractTable['rows'][number][number]

export interface CellHeaders {
  /** Nearest header text to the left on the row, e.g. 工资福利支出. */
  row: string | null
  /** Column headers from the top of the header band down, e.g. [本年决算, 金额]. */
  columns: string[]
  /** Block titles of a form table whose value row has no row header, e.g. 预算调整情况. */
  block: string[]
}

/** Header bands longer than this are not headers but text rows of a merged table. */
const MAX_BAND = 3
const MAX_HEADER = 30

type Layout = GridLayout<ContractCell>

const layouts = new WeakMap<ContractTable, Layout>()

function layOut(table: ContractTable): Layout {
  let layout = layouts.get(table)
  if (!layout) layouts.set(table, (layout = layOutGrid(table.rows)))
  return layout
}

function isHeaderText(text: string): boolean {
  const t = text.trim()
  return t !== '' && t.length <= MAX_HEADER && !/[，。；;！？]/.test(t) && !isNumericCell(t) && /[\u4e00-\u9fff]/.test(t)
}

const isEmptyRow = (row: ContractCell[]): boolean => row.every((c) => c.text.trim() === '')

const dataRows = new WeakMap<ContractTable, boolean[]>()

/** Whether each row holds a number (a data row, not headers); computed once per table. */
function isDataRow(table: ContractTable, r: number): boolean {
  let rows = dataRows.get(table)
  if (!rows) {
    rows = table.rows.map((row) => row.some((c) => c.text.trim() !== '' && isNumericCell(c.text)))
    dataRows.set(table, rows)
  }
  return rows[r] ?? false
}

export function cellHeaders(table: ContractTable, row: number, index: number): CellHeaders {
  const layout = layOut(table)
  const gridCol = layout.gridCols[row]?.[index] ?? index
  const cells = table.rows[row] ?? []
  let rowHeader: string | null = null
  for (let c = gridCol - 1; c >= 0 && rowHeader === null; c--) {
    const cell = layout.grid[row]?.[c]
    if (cell !== undefined && cell !== cells[index] && isHeaderText(cell.text)) rowHeader = cell.text.trim()
  }
  const band = headerBand(table, row)
  const columns: string[] = []
  for (const r of band) {
    const text = headerAbove(table, layout, r, gridCol, band)
    if (text !== null && columns.at(-1) !== text) columns.push(text)
  }
  const stubEmpty = (layout.grid[row]?.[0]?.text.trim() ?? '') === ''
  const block = stubEmpty && gridCol > 0 ? band.map((r) => table.rows[r]![0]?.text.trim() ?? '').filter(isHeaderText) : []
  return { row: rowHeader, columns, block }
}

/** Rows of header text above `row`, nearest data rows skipped, top first. */
function headerBand(table: ContractTable, row: number): number[] {
  let r = row - 1
  while (r >= 0 && isDataRow(table, r)) r--
  const band: number[] = []
  while (r >= 0 && band.length < MAX_BAND && !isDataRow(table, r) && !isEmptyRow(table.rows[r]!)) band.unshift(r--)
  return band
}

function headerAbove(table: ContractTable, layout: Layout, r: number, gridCol: number, band: number[]): string | null {
  const cells = table.rows[r]!
  const grouped = groupedIndex(table, layout, r, gridCol, band)
  const cell = grouped !== undefined ? cells[grouped] : layout.grid[r]?.[gridCol]
  const text = cell?.text ?? ''
  return isHeaderText(text) ? text.trim() : null
}

/** The upper cell heading `gridCol` in a flattened two-level header, when the layout says so. */
function groupedIndex(table: ContractTable, layout: Layout, r: number, gridCol: number, band: number[]): number | undefined {
  const cells = table.rows[r]!
  const below = band[band.indexOf(r) + 1]
  if (below === undefined || gridCol === 0) return undefined
  if (cells.some((c) => (c.colSpan ?? 1) > 1)) return undefined
  const lower = table.rows[below]!
  // Readers that pad a merged cell with empty ones (DOCX) leave the group heads first and blanks after.
  let n = cells.length
  while (n > 0 && cells[n - 1]!.text.trim() === '') n--
  const w = layout.width
  if (n < 2 || n >= w || lower.length !== w || lower[0]!.text.trim() !== '') return undefined
  if ((w - 1) % (n - 1) !== 0) return undefined
  const span = (w - 1) / (n - 1)
  if (span < 2) return undefined
  return 1 + Math.floor((gridCol - 1) / span)
}
