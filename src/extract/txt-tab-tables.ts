/**
 * Word tables flattened to text with one cell per TAB-prefixed line (seed 002 and the
 * text exports it comes from):
 *
 *   \t年度预算资金（万元）      ← a cell: a line starting with TAB
 *   \t年初预算数               ← the next cell of the same row
 *                             ← a blank line ends the row
 *   \t目标1：…                 ← a cell's first paragraph
 *   目标2：…                   ← its next paragraph: no TAB
 *                             ← an empty paragraph inside the cell
 *   目标3：…                   ← still the same cell
 *   \t安全生产工作             ← the row goes on
 *
 * The hard question is the blank line before a non-TAB line: an empty paragraph inside
 * the cell, or the end of the table? Rules, in order:
 *   1. A run of two or more blank lines before text ends the table: the exporter writes
 *      one blank line after a row and another after the table.
 *   2. An attachment marker, table caption, unit line or top-level heading ends it
 *      (txt-table-boundary.ts).
 *   3. A cell holding nothing or a bare number (the last cell of a money table) takes no
 *      further paragraphs: text after it is narrative.
 *   4. Otherwise the text is inside the cell only if the table resumes — a TAB line comes —
 *      before any such boundary: a cell's paragraphs are always followed by more cells or
 *      rows, narrative after a table is not. A paragraph ending with a colon right before the
 *      TAB line (…情况如下：) introduces a new table instead.
 */
import { isAttachmentMarker, isTableBoundary } from './txt-table-boundary.js'
import { lineText, type TextLine } from './txt-lines.js'

/** A cell as a range of lines: its first (TAB) line and its last continuation line. */
export interface CellLines {
  first: number
  last: number
}

/** A table as rows of cell line ranges, before it becomes spans. */
export interface TabTableDraft {
  /** Index of the first line (a TAB line). */
  first: number
  /** Index of the last line with cell content. */
  last: number
  rows: CellLines[][]
}

/**
 * How far ahead (in lines) a blank-separated paragraph may look for the table to resume.
 * The longest cell in the seeds (a duty list of 18 paragraphs) spans 35 lines.
 * @default 120
 */
export const MAX_CELL_GAP_LINES = 120

/** Cells longer than this that contain a full stop read as prose. */
const PROSE_CELL_LENGTH = 30

export function findTabTables(text: string, lines: TextLine[]): TabTableDraft[] {
  const tables: TabTableDraft[] = []
  for (let i = 0; i < lines.length; ) {
    if (lines[i]!.kind !== 'tab') {
      i++
      continue
    }
    const draft = readTable(text, lines, i)
    if (looksLikeTable(text, lines, draft)) tables.push(draft)
    i = draft.last + 1
  }
  return tables
}

function readTable(text: string, lines: TextLine[], first: number): TabTableDraft {
  const rows: CellLines[][] = [[{ first, last: first }]]
  let last = first
  for (let j = first + 1; j < lines.length; j++) {
    const line = lines[j]!
    if (line.kind === 'blank') continue
    const row = rows[rows.length - 1]!
    if (line.kind === 'tab') {
      // A blank line between the previous content and this cell closes the row.
      if (j > last + 1) rows.push([{ first: j, last: j }])
      else row.push({ first: j, last: j })
      last = j
      continue
    }
    const cell = row[row.length - 1]!
    const continues =
      j === last + 1
        ? !isAttachmentMarker(lineText(text, line))
        : takesParagraphs(text, lines, cell) && resumesAfterGap(text, lines, last, j)
    if (!continues) break
    cell.last = j
    last = j
  }
  return { first, last, rows }
}

/** 1,234.56 / 98% / 18万 / －5.00元: a value cell, never followed by a paragraph of its own. */
const BARE_VALUE = /^[-+－]?[0-9０-９][0-9０-９,，.．]*\s*(%|％|元|万元|亿元|万|亿)?$/

/** Rule 3: can this cell continue over a blank line? */
function takesParagraphs(text: string, lines: TextLine[], cell: CellLines): boolean {
  const content = text.slice(lines[cell.first]!.start + 1, lines[cell.last]!.end).trim()
  return content !== '' && !BARE_VALUE.test(content)
}

/** A lead-in such as 年初预算收支情况如下： announces what follows. */
const LEAD_IN = /[:：]\s*$/

/**
 * Rules 1, 2 and 4 above for a text line `j` that follows the table's last content line
 * `last` after at least one blank line.
 */
function resumesAfterGap(text: string, lines: TextLine[], last: number, j: number): boolean {
  let blanks = j - last - 1
  let previous = ''
  for (let k = j; k < lines.length && k - j <= MAX_CELL_GAP_LINES; k++) {
    const line = lines[k]!
    if (line.kind === 'tab') return !LEAD_IN.test(previous)
    if (line.kind === 'blank') {
      blanks++
      continue
    }
    previous = lineText(text, line)
    if (blanks >= 2 || isTableBoundary(previous)) return false
    blanks = 0
  }
  return false
}

/**
 * Rejects TAB-indented prose: a table has a row of two or more cells, and most of its
 * cells are not sentences.
 */
function looksLikeTable(text: string, lines: TextLine[], draft: TabTableDraft): boolean {
  if (!draft.rows.some((row) => row.length >= 2)) return false
  const cells = draft.rows.flat()
  const prose = cells.filter((cell) => {
    const content = text.slice(lines[cell.first]!.start + 1, lines[cell.last]!.end).trim()
    return content.length > PROSE_CELL_LENGTH && content.includes('。')
  }).length
  return prose * 2 < cells.length
}
