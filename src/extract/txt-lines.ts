/**
 * The lines of a decoded TXT, classified for table rebuilding. Lines split on \n as in
 * LineIndex (document.ts); a \r before the \n is not part of the line's span.
 */
import type { Span } from '../document.js'

/**
 * `tab`: starts with a TAB, the mark of a flattened Word table cell (even when nothing
 * follows the TAB: that is an empty cell); `blank`: nothing but whitespace; `text`: the rest.
 */
export type LineKind = 'tab' | 'blank' | 'text'

export interface TextLine extends Span {
  /** 0-based index; the 1-based line number is `index + 1`. */
  index: number
  kind: LineKind
}

export function splitLines(text: string): TextLine[] {
  const lines: TextLine[] = []
  let start = 0
  for (let index = 0; start <= text.length; index++) {
    const nl = text.indexOf('\n', start)
    const next = nl === -1 ? text.length : nl
    let end = next
    if (end > start && text.charCodeAt(end - 1) === 13) end--
    lines.push({ index, start, end, kind: classify(text, start, end) })
    if (nl === -1) break
    start = nl + 1
  }
  return lines
}

function classify(text: string, start: number, end: number): LineKind {
  if (text.charCodeAt(start) === 9 && start < end) return 'tab'
  return text.slice(start, end).trim() === '' ? 'blank' : 'text'
}

/** The line's characters (without its line break). */
export function lineText(text: string, line: Span): string {
  return text.slice(line.start, line.end)
}

/**
 * `[from, to)` narrowed to its non-whitespace content (String.prototype.trim's notion of
 * whitespace, which includes the ideographic space U+3000). An all-blank range collapses
 * to an empty span at `from`.
 */
export function trimSpan(text: string, from: number, to: number): Span {
  let start = from
  let end = to
  while (start < end && isSpace(text.charCodeAt(start))) start++
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--
  return start === end ? { start: from, end: from } : { start, end }
}

function isSpace(code: number): boolean {
  return String.fromCharCode(code).trim() === ''
}
