/**
 * The lines of a document as the heading finder sees them: where the real text starts
 * (after indentation and converter residue), whether the line is a table cell, and what
 * heading-shaped thing it begins with.
 */
import type { LineIndex, SourceDocument } from '../document.js'
import { readEnumerator, skipLeadingJunk, type Enumerator } from './heading-enumerator.js'
import { readHeadingText, type HeadingText } from './heading-text.js'
import { findTocLines, hasLeaders, isPageMark } from './heading-toc.js'

export interface HeadingLine {
  /** 1-based line number. */
  line: number
  /** Offset of the line start in the document text. */
  start: number
  /** The line without its line break. */
  text: string
  /** Offset in `text` of the first real character (after blanks and `[bookmark: …]`). */
  contentStart: number
  /** Trimmed content; '' for a blank line. */
  content: string
  /**
   * A table cell: TXT renderings of Word tables put each cell on a line that starts
   * with a tab (DESIGN.md §6); DOCX/PDF readers mark cells as blocks of kind `cell`.
   */
  cell: boolean
  /** Heading level from the source's own markup (a Word heading style), when it has one. */
  styledLevel?: number
  /** The source marks the line as a heading (a block of kind `heading`), with or without a level. */
  marked: boolean
  /** Part of a table of contents (目录 and its entries): never a heading. */
  toc: boolean
  /** The enumerator the line starts with, if any. */
  enumerator: Enumerator | null
  /** How the text after the enumerator (or the whole line) reads. */
  body: HeadingText
}

/**
 * A line that is (part of) a table row in plain text: a cell line starting with a tab
 * (Word tables in TXT), or cells separated by tabs, by `|`, or by wide runs of spaces
 * (PDF text, other converters). Table content is never an enumerated heading.
 */
export function looksLikeTableRow(text: string, contentStart: number): boolean {
  if (text.startsWith('\t')) return true
  const content = text.slice(contentStart).trimEnd()
  if (content.includes('\t')) return true
  if ((content.match(/\|/g) ?? []).length >= 2) return true
  if ((content.match(/\S(?: {3,}|\u3000{2,})(?=\S)/gu) ?? []).length >= 2) return true
  // Two columns of enumerated rows (二、政府性基金预算财政拨款收入 二、外交支出).
  if (/\s[一二三四五六七八九十]{1,3}、/u.test(content)) return true
  // Amounts standing apart (类 款 项 合计 1,234.56 1,200.00), or one closing the line
  // (一、一般公共预算财政拨款收入 2): PDF text of a table row. Not in prose, which may
  // write "2021 年" or "到 12 个乡镇" with spaces.
  if (/[。；;]/.test(content)) return false
  const amounts = content.match(/(?:^|\s)-?[\d,]*\d\.\d+%?(?=\s|$)/gu) ?? []
  return amounts.length >= 2 || /\s-?[\d,]*\d(?:\.\d+)?$/u.test(content)
}

/** A line this long that stops mid-sentence was wrapped (PDF text), not ended. */
export const WRAP_LENGTH = 35

/**
 * The line's text, extended by the lines it wraps into: PDF text breaks paragraphs at the
 * page width, and whether an item is a title or a duty sentence shows only on the whole
 * paragraph. Offsets in the first line are unchanged.
 */
function paragraphText(raw: ReadonlyArray<{ text: string; content: string; contentStart: number }>, index: number): string {
  let text = raw[index]!.text.trimEnd()
  for (let j = index + 1; j < raw.length; j++) {
    const last = raw[j - 1]!.content
    const next = raw[j]!
    if (last.length < WRAP_LENGTH || /[。！？!?；;：:]$/u.test(last) || next.content === '') break
    if (next.text.startsWith('\t') || readEnumerator(next.text, next.contentStart)) break
    text += next.content
  }
  return text
}

export function readHeadingLines(doc: SourceDocument, lines: LineIndex): HeadingLine[] {
  const cellLines = new Set<number>()
  const styled = new Map<number, number>()
  const marked = new Set<number>()
  for (const b of doc.blocks) {
    const line = lines.lineOf(b.start)
    if (b.kind === 'cell') cellLines.add(line)
    if (b.kind === 'heading') marked.add(line)
    if (b.headingLevel !== undefined && Number.isInteger(b.headingLevel) && b.headingLevel >= 0) styled.set(line, b.headingLevel)
  }
  const raw: Array<{ start: number; text: string; contentStart: number; content: string }> = []
  for (let n = 1; n <= lines.lineCount; n++) {
    const span = lines.lineSpan(n)
    const text = doc.text.slice(span.start, span.end)
    const contentStart = skipLeadingJunk(text)
    const content = text.slice(contentStart).trim()
    raw.push({ start: span.start, text, contentStart, content })
  }
  const toc = findTocLines(raw.map((r) => r.content))
  // Page furniture reads as a blank line: it interrupts nothing.
  for (const r of raw) if (isPageMark(r.content)) r.content = ''
  const out: HeadingLine[] = []
  for (const [i, { start, text, contentStart, content }] of raw.entries()) {
    const n = i + 1
    const isToc = toc.has(n) || hasLeaders(content)
    const enumerator = content === '' || isToc ? null : readEnumerator(text, contentStart)
    const styledLevel = styled.get(n)
    const body = readHeadingText(paragraphText(raw, i), enumerator ? enumerator.end : contentStart)
    // The title is read on the line itself, even when the wrapped paragraph decided the form.
    body.titleEnd = Math.min(body.titleEnd, text.trimEnd().length)
    out.push({
      line: n,
      start,
      text,
      contentStart,
      content,
      cell: cellLines.has(n) || looksLikeTableRow(text, contentStart),
      toc: isToc,
      ...(styledLevel !== undefined ? { styledLevel } : {}),
      marked: marked.has(n) || styledLevel !== undefined,
      enumerator,
      body,
    })
  }
  return out
}
