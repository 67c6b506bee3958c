/**
 * Pages → the report's blocks in reading order: paragraphs (visual lines re-joined by
 * pdf-paragraphs.ts, also across a page break) and tables (a table that runs over a
 * page break is one table; the header rows repeated on the next page are dropped).
 */
import { bodyFrames, linePitches } from './pdf-frames.js'
import { lineText, type Line } from './pdf-lines.js'
import type { PageLayout } from './pdf-page-layout.js'
import { endsShort, joinLineText, startsParagraph, type Frame } from './pdf-paragraphs.js'
import { appendRows, continues, tableDraft } from './pdf-table-drafts.js'

/** A piece of a paragraph's text and the page it was printed on. */
export interface TextPart {
  text: string
  page: number
}

/** One paragraph of the report: its lines' text, re-joined, page by page. */
export type Paragraph = TextPart[]

/** A table cell before rendering. */
export interface CellDraft {
  /** The cell's paragraphs; none for an empty cell. */
  paragraphs: Paragraph[]
  /** Grid column of the cell's left edge. */
  col: number
  /** Grid rows and columns the cell covers (1 when not merged). */
  rowSpan: number
  colSpan: number
  /** Page the cell was printed on. */
  page: number
}

/** A table before rendering, possibly joined from several pages. */
export interface TableDraft {
  kind: 'table'
  /** Rows of cells as Word's text export writes them (pdf-table-drafts.ts). */
  rows: CellDraft[][]
  /** Column boundaries of the first part, to recognise its continuation. */
  xs: number[]
}

/** A block of the report in reading order. */
export type Draft = { kind: 'paragraph'; paragraph: Paragraph } | TableDraft

/** The report's paragraphs and tables, in reading order, from its laid-out pages. */
export function assemble(pages: PageLayout[]): Draft[] {
  const bodyPitches = linePitches(pages.map((p) => p.items.flatMap((i) => (i.kind === 'line' ? [i.line] : []))))
  const frames = bodyFrames(pages, bodyPitches)
  const drafts: Draft[] = []
  let open: { paragraph: Paragraph; line: Line; text: string; page: PageLayout } | undefined

  for (const page of pages) {
    page.items.forEach((item, index) => {
      if (item.kind === 'table') {
        open = undefined
        const last = drafts[drafts.length - 1]
        if (index === 0 && last?.kind === 'table' && continues(last, item.table)) appendRows(last, item.table, page.number)
        else drafts.push(tableDraft(item.table, page.number))
        return
      }
      const text = lineText(item.line)
      if (open && !breaksBetween(open, item.line, text, page, frames)) {
        open.paragraph.push({ text: joinLineText(open.text, text) + text, page: page.number })
        Object.assign(open, { line: item.line, text, page })
      } else {
        const paragraph: Paragraph = [{ text, page: page.number }]
        drafts.push({ kind: 'paragraph', paragraph })
        open = { paragraph, line: item.line, text, page }
      }
    })
  }
  return drafts
}

function breaksBetween(open: { line: Line; text: string; page: PageLayout }, next: Line, nextText: string, page: PageLayout, frames: Map<PageLayout, Frame>): boolean {
  const frame = frames.get(page)!
  if (open.page === page) return startsParagraph(open.line, next, frame, open.text, nextText)
  // Over a page break only the horizontal rules apply: the line before must be full and
  // the next one neither indented, nor in another size, nor a new enumerated item.
  if (page.number !== open.page.number + 1) return true
  const shifted: Line = { ...next, y: open.line.y + (frame.pitches.get(Math.round(open.line.size)) ?? open.line.size * 1.5) }
  return endsShort(open.line, next, frames.get(open.page)!) || startsParagraph(open.line, shifted, frame, open.text, nextText)
}
