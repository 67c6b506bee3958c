/**
 * When does a visual line end its paragraph? PDF gives lines; the report's text has
 * paragraphs (a heading, a list item, a sentence run), and figures broken over a line
 * end ("31.46 万\n元", "90.\n42%") must come back whole. Two consecutive lines of the
 * same frame (the page body, or one table cell) are one paragraph unless:
 *
 * 1. the font size changes (a heading in a larger size);
 * 2. the gap between the baselines is clearly larger than the frame's line pitch
 *    (paragraph spacing);
 * 3. the next line is indented from the frame's left edge (a first-line indent), unless
 *    both lines are centred;
 * 4. the line ends short: the first unit of the next line — a character with the
 *    punctuation that may not start a line, or a whole number or Latin word — would
 *    have fitted before the right edge, so the writer ended the line;
 * 5. the next line starts with an enumerator (一、 （二） 3、 第四条) and this one ends a
 *    sentence (。；：！？).
 */
import { inkGlyphs, type Line } from './pdf-lines.js'
import { isWide } from './pdf-runs.js'

/** Where lines of one frame start and wrap. */
export interface Frame {
  /** Left edge of the text (page margin, or cell border plus padding). */
  left: number
  /** Where lines wrap (right margin, or cell border minus padding). */
  right: number
  /** Usual baseline distance inside a paragraph, by font size rounded to the point. */
  pitches: Map<number, number>
}

/** Rule 2: a baseline gap this many pitches or more starts a paragraph. @default 1.22 */
const PARAGRAPH_GAP = 1.22
/** Rule 3: an indent of this many em starts a paragraph. @default 0.8 */
const INDENT = 0.8
/** Rule 2 without a measured pitch: baselines this many em apart are never one paragraph. @default 2.2 */
const FAR_APART = 2.2
/**
 * Rule 4: room (em) beyond the first unit needed to call a line short. Glyph widths are
 * estimates (pdf.js gives one width per item), and a full line read as short splits a
 * sentence, while a short line read as full is usually caught by rules 2, 3 and 5.
 * @default 0.2
 */
const FIT_SLACK = 0.2

/** Punctuation that may not begin a line (GB/T 15834 line-breaking, "避头点"). */
const NO_LINE_START = /[，。、；：？！）》」』】〕”’％%‰·…—,.;:?!)\]]/
/** Punctuation that may not end a line (opening brackets and quotes). */
const NO_LINE_END = /[（《「『【〔“‘(\[]/

const ENUMERATOR =
  /^(?:[（(][一二三四五六七八九十百\d]{1,3}[)）]|[一二三四五六七八九十百]{1,3}[、.．]|\d{1,2}[、．](?!\d)|\d{1,2}\.(?!\d)|第[一二三四五六七八九十百\d]{1,3}[章节条部分项])/
/** A sentence end, or a table-of-contents entry (leader dots, maybe a page number). */
const SENTENCE_END = /(?:[。；;：:！!？?]|[…．.·]{2,}\s*[0-9]*)$/

/** Does `next` start a new paragraph after `prev` (rules 1–5 above)? */
export function startsParagraph(prev: Line, next: Line, frame: Frame, prevText: string, nextText: string): boolean {
  const size = Math.max(prev.size, next.size)
  if (Math.abs(prev.size - next.size) > 0.1 * size) return true
  const dy = next.y - prev.y
  const pitch = frame.pitches.get(Math.round(prev.size))
  // A word set in a larger size makes its line taller: allow for it.
  const taller = Math.max(1, next.maxSize / prev.size)
  if (dy > taller * (pitch !== undefined ? PARAGRAPH_GAP * pitch : FAR_APART * size)) return true
  if (dy < 0) return true // text jumps back up: another column or a stray block
  const centred = isCentred(prev, frame) && isCentred(next, frame)
  if (next.x0 - frame.left > INDENT * next.size && !centred) return true
  // A centred line that does not span the frame is a line of its own (a title).
  const inset = INDENT * prev.size
  if (isCentred(prev, frame) && !centred && prev.x0 - frame.left > inset && frame.right - prev.x1 > inset) return true
  if (endsShort(prev, next, frame)) return true
  if (ENUMERATOR.test(nextText.trimStart()) && SENTENCE_END.test(prevText.trimEnd())) return true
  return false
}

/** A line centred in its frame (titles, centred cell text; a full line counts too). */
function isCentred(line: Line, frame: Frame): boolean {
  return Math.abs((line.x0 + line.x1) / 2 - (frame.left + frame.right) / 2) < 0.6 * line.size
}

/** Rule 4: would the next line's first unit have fitted at the end of this one? */
export function endsShort(prev: Line, next: Line, frame: Frame): boolean {
  const ink = inkGlyphs(prev)
  const last = ink[ink.length - 1]
  if (!last) return true
  const room = frame.right - last.x1
  return room >= firstUnitWidth(next) + FIT_SLACK * prev.size
}

/** Width of what a line breaker must keep together at the start of a line. */
export function firstUnitWidth(line: Line): number {
  const ink = inkGlyphs(line)
  const first = ink[0]
  if (!first) return 0
  let k = 0
  // An opening bracket or quote stays with what follows it (“4·30”, （一）).
  if (NO_LINE_END.test(first.ch) && k + 1 < ink.length) k++
  // Runs of narrow characters (numbers, Latin words, ×100%, ≦5) offer no break inside.
  if (!isWide(ink[k]!.ch)) {
    while (k + 1 < ink.length && !isWide(ink[k + 1]!.ch)) k++
    // Word keeps a number with the character after it (161.62万, 2024年).
    if (/[0-9０-９]/.test(ink[k]!.ch) && k + 1 < ink.length && isWide(ink[k + 1]!.ch)) k++
  }
  while (k + 1 < ink.length && NO_LINE_START.test(ink[k + 1]!.ch)) k++
  // Narrow characters right after closing punctuation offer no break either (额）×100%。).
  if (k > 0 && NO_LINE_START.test(ink[k]!.ch) && k + 1 < ink.length && !isWide(ink[k + 1]!.ch)) {
    while (k + 1 < ink.length && !isWide(ink[k + 1]!.ch)) k++
    while (k + 1 < ink.length && NO_LINE_START.test(ink[k + 1]!.ch)) k++
  }
  return ink[k]!.x1 - first.x0
}

/** Joins the text of a paragraph's next line: a space only between two Latin words. */
export function joinLineText(prev: string, next: string): string {
  if (/[A-Za-z]$/.test(prev) && /^[A-Za-z]/.test(next)) return ' '
  return ''
}
