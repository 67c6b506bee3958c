/**
 * Ruled or borderless page tables → table drafts: rows as Word's text export writes them,
 * cells as re-joined paragraphs, and the continuation of a table on the next page
 * appended to it — without the header rows the page repeats, and with a row that the page
 * break split put back together.
 */
import { cellFrame, linePitches, tablePadding } from './pdf-frames.js'
import { lineText, type Line } from './pdf-lines.js'
import type { CellContent, PageTable } from './pdf-page-layout.js'
import { joinLineText, startsParagraph, type Frame } from './pdf-paragraphs.js'
import type { CellDraft, Paragraph, TableDraft } from './pdf-assemble.js'

/** Column boundaries of a continued table agree within this many points. @default 2 */
const SAME_COLUMNS = 2

function paragraphsOf(lines: Line[], frame: Frame, page: number): Paragraph[] {
  const out: Paragraph[] = []
  let prev: { line: Line; text: string } | undefined
  for (const line of lines) {
    const text = lineText(line)
    const current = out[out.length - 1]
    if (prev && current && !startsParagraph(prev.line, line, frame, prev.text, text)) current.push({ text: joinLineText(prev.text, text) + text, page })
    else out.push([{ text, page }])
    prev = { line, text }
  }
  return out
}

function cellDraft(content: CellContent, pad: number, pitches: Map<number, number>, page: number): CellDraft {
  const frame = cellFrame(content, pad, pitches)
  return { paragraphs: paragraphsOf(content.lines, frame, page), col: content.cell.col, rowSpan: content.cell.rowSpan, colSpan: content.cell.colSpan, page }
}

/**
 * Grid → rows as Word's text export writes them: a horizontally merged cell once (with
 * its colSpan), a vertically merged one in its first row (with its rowSpan) and as an
 * empty cell in the rows below, so columns keep their place.
 */
function rowsOf(table: PageTable, page: number): CellDraft[][] {
  const R = table.grid.ys.length - 1
  const C = table.grid.xs.length - 1
  const pad = tablePadding(table.cells)
  // Line spacing differs from table to table (and from the body): measure it per table.
  const pitches = linePitches(table.cells.map((c) => c.lines))
  const owner: Array<Array<CellContent | undefined>> = Array.from({ length: R }, () => new Array<CellContent | undefined>(C))
  for (const content of table.cells)
    for (let r = content.cell.row; r < content.cell.row + content.cell.rowSpan; r++)
      for (let c = content.cell.col; c < content.cell.col + content.cell.colSpan; c++) owner[r]![c] = content
  const rows: CellDraft[][] = []
  for (let r = 0; r < R; r++) {
    const row: CellDraft[] = []
    for (let c = 0; c < C; ) {
      const o = owner[r]![c]
      if (!o) {
        c++
        continue
      }
      row.push(o.cell.row === r ? cellDraft(o, pad, pitches, page) : { paragraphs: [], col: o.cell.col, rowSpan: 1, colSpan: o.cell.colSpan, page })
      c = o.cell.col + o.cell.colSpan
    }
    rows.push(row)
  }
  return rows
}

export function tableDraft(table: PageTable, page: number): TableDraft {
  return { kind: 'table', rows: rowsOf(table, page), xs: table.grid.xs }
}

/**
 * Does `next` (first on its page) continue `previous` (last on the page before)? Its
 * column boundaries must be those of the table, or some of them: a last row that merges
 * columns (合计 over the code columns) draws fewer rules.
 */
export function continues(previous: TableDraft, next: PageTable): boolean {
  const a = previous.xs
  const b = next.grid.xs
  const same = (x: number, y: number): boolean => Math.abs(x - y) <= SAME_COLUMNS
  return same(a[0]!, b[0]!) && same(a[a.length - 1]!, b[b.length - 1]!) && b.every((x) => a.some((y) => same(x, y)))
}

/** The continuation's cells re-indexed on the columns of the table it continues. */
function onColumns(next: PageTable, xs: number[]): PageTable {
  const index = (x: number): number => {
    let best = 0
    xs.forEach((y, i) => {
      if (Math.abs(y - x) < Math.abs(xs[best]! - x)) best = i
    })
    return best
  }
  const cells = next.cells.map((c) => {
    const col = index(c.cell.x0)
    return { ...c, cell: { ...c.cell, col, colSpan: Math.max(1, index(c.cell.x1) - col) } }
  })
  return { grid: { ...next.grid, xs }, cells }
}

function cellText(cell: CellDraft): string {
  return cell.paragraphs.map((p) => p.map((t) => t.text).join('')).join('\n')
}

function rowText(row: CellDraft[]): string {
  return row.map(cellText).join('\t')
}

/** Adds a continuation's rows, without the header rows the page repeated. */
export function appendRows(table: TableDraft, next: PageTable, page: number): void {
  const rows = rowsOf(onColumns(next, table.xs), page)
  let repeated = 0
  while (repeated < rows.length - 1 && repeated < table.rows.length && rowText(rows[repeated]!) === rowText(table.rows[repeated]!) && rowText(rows[repeated]!).trim() !== '')
    repeated++
  const rest = rows.slice(repeated)
  if (rest[0] && continuesRow(table.rows[table.rows.length - 1], rest[0])) mergeRow(table.rows[table.rows.length - 1]!, rest.shift()!)
  table.rows.push(...rest)
}

const SENTENCE_END = /[。；;！!？?]$/

function paragraphText(p: Paragraph): string {
  return p.map((t) => t.text).join('')
}

/**
 * A row the page break split (Word and LibreOffice let rows break across pages): the
 * continuation's first row holds text only in a few columns, each continuing a cell of
 * the row above, and one of those stopped mid-sentence.
 */
function continuesRow(last: CellDraft[] | undefined, first: CellDraft[]): boolean {
  if (!last) return false
  const filled = first.filter((c) => c.paragraphs.length > 0)
  if (filled.length === 0 || filled.length * 2 > first.length) return false
  const above = filled.map((c) => last.find((d) => d.col === c.col && d.paragraphs.length > 0))
  if (above.some((d) => d === undefined)) return false
  return above.some((d) => !SENTENCE_END.test(paragraphText(d!.paragraphs[d!.paragraphs.length - 1]!).trim()))
}

function mergeRow(last: CellDraft[], first: CellDraft[]): void {
  for (const cell of first) {
    if (cell.paragraphs.length === 0) continue
    const target = last.find((d) => d.col === cell.col)!
    const tail = target.paragraphs[target.paragraphs.length - 1]!
    const [head, ...more] = cell.paragraphs
    if (!SENTENCE_END.test(paragraphText(tail).trim())) {
      const joiner = joinLineText(paragraphText(tail), paragraphText(head!))
      tail.push(...head!.map((part, k) => (k === 0 ? { ...part, text: joiner + part.text } : part)))
    } else target.paragraphs.push(head!)
    target.paragraphs.push(...more)
  }
}
