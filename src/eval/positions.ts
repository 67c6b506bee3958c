/**
 * Gold files and cnreport count positions differently: the gold's `char_offset` counts
 * Unicode code points within a line (it was made with Python's `str`), cnreport's spans are
 * absolute UTF-16 offsets into `text` (DESIGN.md §2). This module converts one to the other.
 * The two agree until a line holds an astral character (𠮷, an emoji), which is exactly the
 * case a silent mismatch would hide.
 */
import type { LineIndex, Span } from '../document.js'

/**
 * UTF-16 column of the code point `codePoints` code points into `lineText`, or null when the
 * line is shorter than that. An offset equal to the line's length (its end) is allowed.
 */
export function codePointToUtf16(lineText: string, codePoints: number): number | null {
  if (!Number.isInteger(codePoints) || codePoints < 0) return null
  let unit = 0
  for (let seen = 0; seen < codePoints; seen++) {
    if (unit >= lineText.length) return null
    unit += lineText.codePointAt(unit)! > 0xffff ? 2 : 1
  }
  return unit
}

/** Where a gold item lands in our text. */
export interface GoldPlacement extends Span {
  /** 1-based line, as in the gold file. */
  line: number
  /** True when `text.slice(start, end)` is exactly the gold item's text: gold and corpus agree. */
  aligned: boolean
}

/**
 * Absolute UTF-16 span of a gold item given as (line, code-point offset, text), or null when
 * the line or offset lies outside the text (the gold was made for another version of the file).
 */
export function placeGold(text: string, lines: LineIndex, line: number, charOffset: number, itemText: string): GoldPlacement | null {
  if (line < 1 || line > lines.lineCount) return null
  const lineSpan = lines.lineSpan(line)
  const column = codePointToUtf16(text.slice(lineSpan.start, lineSpan.end), charOffset)
  if (column === null) return null
  const start = lineSpan.start + column
  // `itemText.length` is already in UTF-16 units, the unit of our spans.
  const end = start + itemText.length
  return { start, end, line, aligned: text.slice(start, end) === itemText }
}

/** Number of UTF-16 units two spans share (0 when they only touch or are apart). */
export function overlap(a: Span, b: Span): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start))
}
