/**
 * Drafts → the text of a PDF's SourceDocument, with every span pointing into it. The
 * text is cnreport's own rendering, written once and never modified afterwards:
 *
 *   - a paragraph is one line;
 *   - a table is written as the TXT renderings of Word tables are (corpus/002_*.txt):
 *     each cell on a line starting with a TAB (a cell's further paragraphs on lines of
 *     their own), one blank line after each row.
 *
 * So a report reads the same to the later stages whatever its format.
 */
import type { Block, Page, Table, TableCell } from '../document.js'
import type { Diagnostic } from '../result.js'
import type { Draft, Paragraph, TableDraft } from './pdf-assemble.js'
import { findTableUnit } from './txt-table-unit.js'

/** Header rows searched for a unit (as in txt-tables.ts). */
const HEADER_ROWS = 3
/** Paragraphs above a table searched for a unit line or caption. */
const LINES_ABOVE = 2

/** The parts of a SourceDocument the rendering produces. */
export interface Rendered {
  text: string
  blocks: Block[]
  tables: Table[]
  pages: Page[]
  diagnostics: Diagnostic[]
}

class TextBuilder {
  text = ''
  /** First and last offsets written for each page. */
  readonly pageExtent = new Map<number, { start: number; end: number }>()

  write(s: string, page?: number): { start: number; end: number } {
    const start = this.text.length
    this.text += s
    const end = this.text.length
    if (page !== undefined && s !== '') {
      const e = this.pageExtent.get(page)
      if (!e) this.pageExtent.set(page, { start, end })
      else e.end = end
    }
    return { start, end }
  }

  paragraph(p: Paragraph): { start: number; end: number } {
    const start = this.text.length
    for (const part of p) this.write(part.text, part.page)
    return { start, end: this.text.length }
  }
}

/** Writes the drafts as text: paragraphs one per line, tables as TAB-led cells. */
export function render(drafts: Draft[], pageCount: number): Rendered {
  const out = new TextBuilder()
  const blocks: Block[] = []
  const tables: Table[] = []
  const diagnostics: Diagnostic[] = []
  const recent: string[] = []

  for (const draft of drafts) {
    if (draft.kind === 'paragraph') {
      const span = out.paragraph(draft.paragraph)
      out.write('\n')
      if (span.end > span.start) blocks.push({ kind: 'paragraph', ...span })
      recent.push(out.text.slice(span.start, span.end))
      if (recent.length > LINES_ABOVE) recent.shift()
      continue
    }
    const table = renderTable(out, draft, tables.length + 1, blocks)
    const found = findTableUnit({ linesAbove: [...recent], headerCells: headerCells(table.rows) })
    if (found.unit) table.unit = found.unit
    if (found.conflicting)
      diagnostics.push({
        level: 'info',
        code: 'pdf-table-unit-ambiguous',
        message: `table ${table.id} names several units (${found.conflicting.join(', ')}); no table unit is set`,
        span: { start: table.start, end: table.end },
      })
    tables.push(table)
    recent.length = 0
  }
  return { text: out.text, blocks, tables, pages: pageSpans(out, pageCount), diagnostics }
}

function renderTable(out: TextBuilder, draft: TableDraft, n: number, blocks: Block[]): Table {
  const start = out.text.length
  const rows: TableCell[][] = []
  for (const row of draft.rows) {
    const cells: TableCell[] = []
    for (const cell of row) {
      out.write('\t', cell.page)
      const cellStart = out.text.length
      cell.paragraphs.forEach((p, k) => {
        if (k > 0) out.write('\n')
        const span = out.paragraph(p)
        blocks.push({ kind: 'cell', start: k === 0 ? cellStart - 1 : span.start, end: span.end })
      })
      if (cell.paragraphs.length === 0) blocks.push({ kind: 'cell', start: cellStart - 1, end: cellStart })
      const cellEnd = out.text.length
      out.write('\n')
      const tc: TableCell = { start: cellStart, end: cellEnd, text: out.text.slice(cellStart, cellEnd) }
      if (cell.rowSpan > 1) tc.rowSpan = cell.rowSpan
      if (cell.colSpan > 1) tc.colSpan = cell.colSpan
      cells.push(tc)
    }
    out.write('\n')
    rows.push(cells)
  }
  // The span ends with the last cell, not the blank line after the last row.
  const end = Math.max(start, out.text.length - 2)
  return { id: `t${n}`, start, end, rows }
}

function headerCells(rows: TableCell[][]): string[] {
  const cells = rows.slice(0, HEADER_ROWS).flat()
  for (const row of rows.slice(HEADER_ROWS)) if (row[0]) cells.push(row[0])
  return cells.map((c) => c.text)
}

/**
 * Page spans: from the first character printed on the page to the first of the next
 * page (so line breaks between belong to the page before). A page with no text gets an
 * empty span where its text would have been.
 */
function pageSpans(out: TextBuilder, pageCount: number): Page[] {
  const pages: Page[] = []
  let lastEnd = 0
  for (let n = 1; n <= pageCount; n++) {
    const e = out.pageExtent.get(n)
    if (!e) {
      pages.push({ number: n, start: lastEnd, end: lastEnd })
      continue
    }
    let nextStart = out.text.length
    for (let m = n + 1; m <= pageCount; m++) {
      const next = out.pageExtent.get(m)
      if (next) {
        nextStart = next.start
        break
      }
    }
    pages.push({ number: n, start: e.start, end: Math.max(e.end, nextStart) })
    lastEnd = e.end
  }
  return pages
}
