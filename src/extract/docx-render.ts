/**
 * mammoth's document model → the text of a DOCX SourceDocument, its blocks and tables.
 *
 * The text is laid out like the TXT seeds, so every later stage treats both formats alike:
 * - one line per paragraph, Word's list number in front (docx-numbering.ts); a line
 *   break inside a paragraph starts a new line of the same paragraph;
 * - a table as its cells: each cell starts a line with a TAB, the cell's further paragraphs
 *   follow on lines of their own, one blank line between rows and around the table — the
 *   layout of corpus/002_*.txt. A vertically merged cell appears once, in its first row,
 *   with `rowSpan` (as in mammoth's HTML); a TAB line always starts a cell of `tables`;
 * - a TAB at the start of any other line becomes a space: there it would read as a cell;
 * - footnotes and endnotes follow the body, in the order they are referenced.
 * Cell spans are trimmed like the TXT reader's (txt-lines.ts `trimSpan`). Blocks: one per
 * paragraph (its first line carries a heading style), one per line inside table cells.
 */
import type { Block, Table, TableCell } from '../document.js'
import type { Diagnostic } from '../result.js'
import { bodyParagraphs, type MDocument, type MNode, type MNoteReference, type MParagraph, type MTable } from './docx-model.js'
import type { ParagraphInfo } from './docx-paragraph-info.js'
import { headingLevelOf } from './docx-heading-level.js'
import { tableUnit } from './docx-table-unit.js'
import { trimSpan } from './txt-lines.js'

export interface Rendered {
  text: string
  blocks: Block[]
  tables: Table[]
  diagnostics: Diagnostic[]
}

interface CellDraft {
  /** Raw range of the cell's content, before trimming. */
  from: number
  to: number
  rowSpan: number
  colSpan: number
}

interface TableDraft {
  start: number
  end: number
  rows: CellDraft[][]
  linesAbove: string[]
}

export function renderDocument(doc: MDocument, info: Map<MParagraph, ParagraphInfo>): Rendered {
  const parts: string[] = []
  let length = 0
  let lastLine: string | undefined
  /** Appends a line (which may hold line breaks of its own) and returns its start offset. */
  const line = (s: string): number => {
    if (lastLine !== undefined) {
      parts.push('\n')
      length++
    }
    const start = length
    parts.push(s)
    length += s.length
    lastLine = s
    return start
  }

  const blocks: Block[] = []
  const drafts: TableDraft[] = []
  const diagnostics: Diagnostic[] = []
  const refs: MNoteReference[] = []
  let recent: string[] = []
  let nested = 0

  const paragraphText = (p: MParagraph): string => {
    const content = inline(p.children, refs).replace(/^\n+|\n+$/g, '')
    return ((info.get(p)?.numberText ?? '') + content).replace(/(^|\n)(\t+)/g, (_, before: string, tabs: string) => before + ' '.repeat(tabs.length))
  }

  const paragraph = (p: MParagraph): void => {
    const s = paragraphText(p)
    const start = line(s)
    if (s.trim() === '') return
    const level = headingLevelOf(p.styleName, info.get(p)?.outlineLvl)
    blocks.push(level === undefined ? { kind: 'paragraph', start, end: start + s.length } : { kind: 'heading', headingLevel: level, start, end: start + s.length })
    recent = [...recent.slice(-1), s]
  }

  const cellLines = (children: MNode[]): string[] => {
    const lines: string[] = []
    for (const node of children) {
      if (node.type === 'paragraph') lines.push(paragraphText(node))
      else if (node.type === 'table') {
        nested++
        for (const p of bodyParagraphs(node.children)) lines.push(paragraphText(p))
      }
    }
    while (lines.length > 0 && lines[0]!.trim() === '') lines.shift()
    while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop()
    return lines.length > 0 ? lines : ['']
  }

  /**
   * One block per line of a cell paragraph: a line broken by w:br inside a cell is still
   * cell text, and the heading finder marks cells line by line (heading-lines.ts).
   */
  const cellBlocks = (s: string, start: number): void => {
    let from = 0
    for (const part of s.split('\n')) {
      if (part.trim() !== '') blocks.push({ kind: 'cell', start: start + from, end: start + from + part.length })
      from += part.length + 1
    }
  }

  const table = (t: MTable): void => {
    const rows = t.children.filter((r) => r.type === 'tableRow')
    if (rows.length === 0) return
    if (lastLine !== undefined && lastLine !== '') line('')
    const draft: TableDraft = { start: length + (lastLine === undefined ? 0 : 1), end: 0, rows: [], linesAbove: recent }
    rows.forEach((row, r) => {
      if (r > 0) line('')
      const cells: CellDraft[] = []
      for (const cell of row.children ?? []) {
        if (cell.type !== 'tableCell') continue
        const lines = cellLines(cell.children)
        let from = 0
        lines.forEach((s, k) => {
          const start = line(k === 0 ? `\t${s}` : s)
          const contentStart = k === 0 ? start + 1 : start
          if (k === 0) from = contentStart
          cellBlocks(s, contentStart)
        })
        cells.push({ from, to: length, rowSpan: cell.rowSpan, colSpan: cell.colSpan })
      }
      draft.rows.push(cells)
    })
    draft.end = length
    drafts.push(draft)
    line('')
    recent = []
  }

  const body = (nodes: MNode[]): void => {
    for (const node of nodes) {
      if (node.type === 'paragraph') paragraph(node)
      else if (node.type === 'table') table(node)
    }
  }

  body(doc.children)
  // Notes referenced from the notes themselves are not followed: one level is all reports use.
  const notes = refs.splice(0).map((ref) => doc.notes.resolve(ref))
  if (notes.some((n) => n)) {
    if (lastLine !== undefined && lastLine !== '') line('')
    for (const note of notes) if (note) body(note.body)
  }
  if (nested > 0)
    diagnostics.push({
      level: 'info',
      code: 'docx-nested-table',
      message: `${nested} table(s) nested in table cells are flattened into the text of their cell`,
    })

  const text = parts.join('')
  const tables = drafts.map((d, k) => buildTable(text, d, `t${k + 1}`, diagnostics))
  return { text, blocks, tables, diagnostics }
}

function buildTable(text: string, d: TableDraft, id: string, diagnostics: Diagnostic[]): Table {
  const rows = d.rows.map((row) =>
    row.map((c): TableCell => {
      const { start, end } = trimSpan(text, c.from, c.to)
      return {
        start,
        end,
        text: text.slice(start, end),
        ...(c.rowSpan > 1 ? { rowSpan: c.rowSpan } : {}),
        ...(c.colSpan > 1 ? { colSpan: c.colSpan } : {}),
      }
    }),
  )
  const unit = tableUnit(rows, d.linesAbove)
  if (unit.conflicting)
    diagnostics.push({
      level: 'info',
      code: 'docx-table-unit-ambiguous',
      message: `table ${id} names several units (${unit.conflicting.join(', ')}); no table unit is set`,
      span: { start: d.start, end: d.end },
    })
  return { id, start: d.start, end: d.end, rows, ...(unit.unit ? { unit: unit.unit } : {}) }
}

/** The inline content of a paragraph; note references are collected, not shown. */
function inline(nodes: MNode[], refs: MNoteReference[]): string {
  let s = ''
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        s += node.value
        break
      case 'tab':
        s += '\t'
        break
      case 'break':
        s += '\n'
        break
      case 'checkbox':
        s += node.checked ? '☑' : '☐'
        break
      case 'noteReference':
        refs.push(node)
        break
      default:
        if ('children' in node && node.children) s += inline(node.children, refs)
    }
  }
  return s
}
