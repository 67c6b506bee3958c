/**
 * The geometry paragraphs are judged against (pdf-paragraphs.ts): where body lines start
 * and wrap on a page, the usual baseline distance inside a paragraph, and the text box
 * of a table cell. Measured from the document itself, as a typesetter would have set it:
 * the left margin is the leftmost start shared by several lines, the right margin the
 * most common end among long lines, the pitch the most common baseline gap.
 */
import type { Line } from './pdf-lines.js'
import { inkGlyphs } from './pdf-lines.js'
import type { Frame } from './pdf-paragraphs.js'
import type { CellContent, PageLayout } from './pdf-page-layout.js'

/** Histogram bin (points) for margins and pitches. @default 1 */
const BIN = 1

function bin(v: number): number {
  return Math.round(v / BIN) * BIN
}

function counts(values: number[]): Map<number, number> {
  const m = new Map<number, number>()
  for (const v of values) m.set(bin(v), (m.get(bin(v)) ?? 0) + 1)
  return m
}

/** The smallest value whose bin holds at least a tenth of the values (and two of them). */
function smallestCommon(values: number[]): number | undefined {
  const enough = Math.max(2, values.length / 10)
  return [...counts(values)].filter(([, c]) => c >= enough).map(([v]) => v).sort((a, b) => a - b)[0]
}

function mostCommon(values: number[]): number | undefined {
  let best: number | undefined
  let n = 0
  for (const [v, c] of counts(values)) if (c > n || (c === n && best !== undefined && v > best)) [best, n] = [v, c]
  return best
}

/** Closing punctuation may hang past the margin (LibreOffice, Word): measure before it. */
const HANGING = /[，。、；：？！）》」』”’,.;:?!)]/

function inkEnd(line: Line): number {
  const ink = inkGlyphs(line)
  let k = ink.length - 1
  if (k > 0 && HANGING.test(ink[k]!.ch)) k--
  return k >= 0 ? ink[k]!.x1 : line.x1
}


/** Body frames per page; pages of the same width share margins measured over all of them. */
export function bodyFrames(pages: PageLayout[], pitches: Map<number, number>): Map<PageLayout, Frame> {
  const byWidth = new Map<number, PageLayout[]>()
  for (const p of pages) byWidth.set(Math.round(p.width), [...(byWidth.get(Math.round(p.width)) ?? []), p])
  const frames = new Map<PageLayout, Frame>()
  for (const group of byWidth.values()) {
    const lines = group.flatMap((p) => p.items.flatMap((i) => (i.kind === 'line' ? [i.line] : [])))
    const width = group[0]!.width
    const starts = counts(lines.map((l) => l.x0))
    const enough = Math.max(2, lines.length * 0.05)
    const left = [...starts].filter(([, c]) => c >= enough).map(([v]) => v).sort((a, b) => a - b)[0] ?? Math.min(...lines.map((l) => l.x0), width)
    const ends = lines.map(inkEnd)
    const far = Math.max(...ends, 0)
    const right = mostCommon(ends.filter((e) => e >= left + 0.75 * (far - left))) ?? far
    for (const p of group) frames.set(p, { left, right, pitches })
  }
  return frames
}

/**
 * The line pitch inside a paragraph, per font size (rounded to the point): the smallest
 * baseline gap between consecutive lines that is common (not the most common one: in a
 * report of one-line paragraphs most gaps are paragraph gaps).
 */
export function linePitches(sequences: Line[][]): Map<number, number> {
  const gaps = new Map<number, number[]>()
  for (const lines of sequences)
    for (let k = 1; k < lines.length; k++) {
      const a = lines[k - 1]!
      const b = lines[k]!
      const dy = b.y - a.y
      if (Math.abs(a.size - b.size) < 0.1 * a.size && dy > 0.8 * a.size && dy < 3 * a.size) {
        const key = Math.round(a.size)
        gaps.set(key, [...(gaps.get(key) ?? []), dy])
      }
    }
  const pitches = new Map<number, number>()
  for (const [size, list] of gaps) {
    const pitch = list.length >= 3 ? smallestCommon(list) : undefined
    if (pitch !== undefined) pitches.set(size, pitch)
  }
  return pitches
}

/**
 * A cell's text box: the border inset by the table's padding, measured as the most common
 * distance from a cell's left border to its text (most cells are left-aligned).
 */
export function cellFrame(content: CellContent, padding: number, pitches: Map<number, number>): Frame {
  const { cell } = content
  return { left: cell.x0 + padding, right: cell.x1 - padding, pitches }
}

export function tablePadding(cells: CellContent[]): number {
  const offsets: number[] = []
  for (const c of cells) for (const l of c.lines) if (l.x0 - c.cell.x0 >= 0 && l.x0 - c.cell.x0 < 12) offsets.push(l.x0 - c.cell.x0)
  // The most common start offset: most cells are left-aligned; centred ones scatter.
  const pad = mostCommon(offsets.map((o) => Math.round(o * 2) / 2))
  return pad ?? 2
}
