/**
 * Runs → visual lines, and a line's text. Runs whose baselines agree (within a third of
 * the font size) form a line, read left to right. The text of a line drops the spaces
 * pdf.js reports between CJK and digits or letters (LibreOffice and Word widen that gap
 * as "autospace"; the report never typed a space there), keeps real spaces between
 * Latin words, and drops glyphs drawn twice at the same place (fake bold).
 */
import { isWide, type Glyph, type Run } from './pdf-runs.js'

/** A visual line: runs sharing a baseline. */
export interface Line {
  /** The glyphs read left to right, duplicates removed. */
  glyphs: Glyph[]
  /** Left and right edge (viewport x). */
  x0: number
  x1: number
  /** Baseline (viewport y, down). */
  y: number
  /** Font size of most of the line's glyphs (a stray larger space or mark does not count). */
  size: number
  /** Largest font size on the line: a larger word makes the line taller. */
  maxSize: number
  /** Font of the first glyph's run: headings often differ in font. */
  font: string
}

/** Baselines closer than this fraction of the font size are one line. @default 0.35 */
const SAME_LINE = 0.35
/** A gap this wide (in em) between Latin glyphs reads as a space. @default 0.2 */
const SPACE_GAP = 0.2
/** A gap this wide (in em) between two ideographs reads as a space. @default 0.5 */
const WIDE_SPACE_GAP = 0.5

/** Runs → lines, top to bottom. */
export function groupLines(runs: Run[]): Line[] {
  const sorted = [...runs].sort((a, b) => a.y - b.y || a.x0 - b.x0)
  const groups: Run[][] = []
  for (const run of sorted) {
    let home: Run[] | undefined
    for (let k = groups.length - 1; k >= 0 && k >= groups.length - 4; k--) {
      const g = groups[k]!
      const ref = g[0]!
      if (Math.abs(ref.y - run.y) <= SAME_LINE * Math.min(ref.size, run.size)) {
        home = g
        break
      }
    }
    if (home) home.push(run)
    else groups.push([run])
  }
  return groups.map(toLine).sort((a, b) => a.y - b.y || a.x0 - b.x0)
}

function toLine(runs: Run[]): Line {
  runs.sort((a, b) => a.x0 - b.x0)
  const size = dominantSize(runs)
  const all = runs.flatMap((r) => r.glyphs).sort((a, b) => a.x0 - b.x0)
  const glyphs: Glyph[] = []
  for (const g of all) {
    // The same character drawn again within a third of an em: fake bold or a shadow.
    let twin = false
    for (let k = glyphs.length - 1; k >= 0 && g.x0 - glyphs[k]!.x0 < 0.3 * size; k--)
      if (glyphs[k]!.ch === g.ch) twin = true
    if (!twin) glyphs.push(g)
  }
  const ys = runs.map((r) => r.y)
  return {
    glyphs,
    x0: Math.min(...runs.map((r) => r.x0)),
    x1: Math.max(...runs.map((r) => r.x1)),
    y: ys.reduce((s, y) => s + y, 0) / ys.length,
    size,
    maxSize: Math.max(...runs.map((r) => r.size)),
    font: runs[0]!.font,
  }
}

function dominantSize(runs: Run[]): number {
  const weight = new Map<number, number>()
  for (const r of runs) {
    const ink = r.glyphs.filter((g) => g.ch.trim() !== '').length
    weight.set(r.size, (weight.get(r.size) ?? 0) + ink)
  }
  let best = runs[0]!.size
  for (const [size, w] of weight) if (w > (weight.get(best) ?? 0)) best = size
  return best
}

/** The printable glyphs of a line (spaces left out), for geometry questions. */
export function inkGlyphs(line: Line): Glyph[] {
  return line.glyphs.filter((g) => g.ch.trim() !== '')
}

/**
 * The text of some glyphs of a line: a space is written only between two non-CJK
 * characters (Latin words, numbers), where the PDF had a space or a gap of SPACE_GAP em.
 */
export function glyphText(glyphs: Glyph[], size: number): string {
  let out = ''
  let prev: Glyph | undefined
  let spaced = false
  for (const g of glyphs) {
    if (g.ch.trim() === '') {
      spaced = true
      continue
    }
    if (prev) {
      const gap = g.x0 - prev.x1
      const latinPair = !isWide(prev.ch) && !isWide(g.ch)
      const widePair = isWide(prev.ch) && isWide(g.ch)
      // Between two ideographs a typed space or a gap of half an em survives (第一部分 概况),
      // not next to punctuation; next to a digit or letter the gap is autospace.
      const ideographGap = widePair && (spaced || gap >= WIDE_SPACE_GAP * size) && !/[\p{P}]/u.test(prev.ch + g.ch)
      if ((latinPair && (spaced || gap >= SPACE_GAP * size)) || ideographGap) out += ' '
    }
    out += g.ch
    prev = g
    spaced = false
  }
  return out
}

/** The text of a whole line. */
export function lineText(line: Line): string {
  return glyphText(line.glyphs, line.size)
}
