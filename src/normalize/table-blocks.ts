/**
 * Where the rows of a 绩效指标 or score table are: from a recognised header row down to
 * the end of its table, a 合计 row, the next header, or a new label in a column left of
 * the header's columns (the next group of a form, e.g. 绩效指标 sits inside a larger
 * 自评表 that goes on with other groups).
 *
 * DOCX and PDF renderings cut long tables into pieces (a page break, or a converter
 * artefact): a piece with no header of its own continues the block still open at the end
 * of the piece right before it, when both have the same grid width and nothing but short
 * text (a page number, a caption) lies between them.
 */
import type { Table } from '../document.js'
import type { CellIndex } from '../extract/cell-context.js'
import { extendHeader, isTotalLabel, readHeader, type HeaderLayout } from './indicator-headers.js'
import { hasSpans, rowCells, type RowCells } from './table-row-view.js'

export interface BlockRow {
  table: Table
  cells: RowCells
  /**
   * Columns from this many grid slots right of the first free-text column are shifted
   * left: a TXT row shorter than its header lost a merged cell there (评价标准 and 指标说明
   * written as one cell). 0 for rows of full width and for tables whose spans are known.
   */
  shift: number
}

export interface Block {
  header: HeaderLayout
  rows: BlockRow[]
  /** The 合计 / 总分 row that closed the block. */
  total?: BlockRow
}

/** Text between two table pieces that may still join them: a page number, a short caption. */
const MAX_GAP = 20

/** Every block whose header `accept`s, in document order. */
export function findBlocks(tables: readonly Table[], index: CellIndex, text: string, accept: (h: HeaderLayout) => boolean): Block[] {
  const blocks: Block[] = []
  let open: Block | undefined
  tables.forEach((table, ti) => {
    const rows = table.rows.map((_, r) => rowCells(table, r, index))
    const previous = ti > 0 ? tables[ti - 1] : undefined
    let current = open && previous && continues(open, previous, table, rows, text) ? open : undefined
    const exact = hasSpans(table)
    for (const cells of rows) {
      if (cells.byCol.size === 0) continue
      const header = readHeader(cells, table.id)
      if (header) {
        current = accept(header) ? { header, rows: [] } : undefined
        if (current) blocks.push(current)
        continue
      }
      if (!current) continue
      const extended = current.rows.length === 0 ? extendHeader(current.header, cells) : undefined
      if (extended) {
        current.header = extended
        continue
      }
      const first = [...cells.byCol.values()].sort((a, b) => a.gridCol - b.gridCol)[0]!
      const row: BlockRow = { table, cells, shift: shiftOf(current.header, cells, exact) }
      if (isTotalLabel(first.text)) {
        current.total = row
        current = undefined
      } else if (first.gridCol < current.header.firstRoleCol) {
        current = undefined // the form's next group (年度总体目标, 满意度调查 …) starts here
      } else current.rows.push(row)
    }
    open = current
  })
  return blocks
}

function shiftOf(header: HeaderLayout, cells: RowCells, exact: boolean): number {
  if (exact || header.text.length === 0) return 0
  return Math.max(0, header.width - cells.width)
}

function continues(block: Block, previous: Table, table: Table, rows: RowCells[], text: string): boolean {
  if (rows.some((r) => r.byCol.size > 0 && readHeader(r, table.id))) return false
  const width = Math.max(0, ...rows.map((r) => r.width))
  if (width !== block.header.width) return false
  if (previous.end > table.start) return false
  const gap = text.slice(previous.end, table.start).replace(/[\s\u3000]+/g, '')
  return gap.length <= MAX_GAP && !/[。；;]/.test(gap)
}

/** Grid column `col` of `row`, with the shift of a short row applied right of the free text. */
export function slotAt(block: Block, row: BlockRow, col: number | undefined) {
  if (col === undefined) return undefined
  const firstText = block.header.text[0]
  const at = row.shift > 0 && firstText !== undefined && col > firstText ? col - row.shift : col
  return row.cells.byCol.get(at)
}
