/**
 * The one position encoding of cnreport: `[start, end)` UTF-16 offsets into
 * `SourceDocument.text`, which is never modified after extraction. Lines and
 * columns are derived for display only (DESIGN.md §2).
 */
import type { Diagnostic } from './result.js'

export interface Span {
  /** First UTF-16 code unit, inclusive. */
  start: number
  /** One past the last UTF-16 code unit. */
  end: number
}

export type SourceFormat = 'txt' | 'docx' | 'pdf'

/** A page of a paginated source (PDF): its span of `text` and its 1-based number. */
export interface Page extends Span {
  number: number
}

/** One cell of a rebuilt table; its span covers the cell's content in `text` (may be empty). */
export interface TableCell extends Span {
  /** The cell's content as it stands in the text (continuation lines included). */
  text: string
  rowSpan?: number
  colSpan?: number
}

export interface Table extends Span {
  /** Stable within the document: `t1`, `t2`, … in reading order. */
  id: string
  rows: TableCell[][]
  /** Unit that bare numbers in the table take, from a header such as 年度预算资金（万元） or 单位：万元. */
  unit?: string
}

/**
 * A block of the source as the reader saw it (a paragraph, a heading, a table cell).
 * Readers of structured formats (DOCX) use it to pass heading styles and list numbering
 * that the plain text cannot show; the TXT reader gives one block per non-empty line.
 */
export interface Block extends Span {
  kind: 'paragraph' | 'heading' | 'cell'
  /** Heading level from the source's own markup (Word heading style), when it has one. */
  headingLevel?: number
}

/** What a reader produces from file bytes: the text and its structure. */
export interface SourceDocument {
  /** sha256 of the file bytes, hex. */
  id: string
  path: string
  format: SourceFormat
  text: string
  blocks: Block[]
  tables: Table[]
  pages?: Page[]
  diagnostics: Diagnostic[]
}

export interface Location {
  /** 1-based line number (lines split on \n). */
  line: number
  /** 1-based column in UTF-16 code units. */
  column: number
}

/**
 * Maps offsets to lines in O(log n). Built once per text; `locate` is called for
 * every figure, section and finding.
 */
export class LineIndex {
  /** Offsets at which each line starts; lineStarts[0] === 0. */
  readonly lineStarts: number[]

  constructor(readonly text: string) {
    const starts = [0]
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1)
    this.lineStarts = starts
  }

  get lineCount(): number {
    return this.lineStarts.length
  }

  /** 1-based line containing `offset`. */
  lineOf(offset: number): number {
    const starts = this.lineStarts
    let lo = 0
    let hi = starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (starts[mid]! <= offset) lo = mid
      else hi = mid - 1
    }
    return lo + 1
  }

  locate(offset: number): Location {
    const line = this.lineOf(offset)
    return { line, column: offset - this.lineStarts[line - 1]! + 1 }
  }

  /** Span of 1-based line `line`, without its line break. */
  lineSpan(line: number): Span {
    const start = this.lineStarts[line - 1]
    if (start === undefined) throw new RangeError(`line ${line} is outside 1..${this.lineCount}`)
    const next = this.lineStarts[line]
    let end = next === undefined ? this.text.length : next - 1
    if (end > start && this.text.charCodeAt(end - 1) === 13) end-- // \r of \r\n
    return { start, end }
  }
}

export function spanText(text: string, span: Span): string {
  return text.slice(span.start, span.end)
}
