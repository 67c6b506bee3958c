/** Hand-set lines for the PDF layout tests: CJK one em wide, everything else half an em. */
import { groupLines, type Line } from '../../src/extract/pdf-lines.js'
import { isWide, type Glyph, type Run } from '../../src/extract/pdf-runs.js'

/** A run of text starting at x on baseline y (viewport space: y grows downwards). */
export function run(text: string, x: number, y: number, size = 12): Run {
  const glyphs: Glyph[] = []
  let at = x
  for (const ch of text) {
    const w = isWide(ch) ? size : size / 2
    glyphs.push({ ch, x0: at, x1: at + w })
    at += w
  }
  return { glyphs, x0: x, x1: at, y, size, font: 'F1' }
}

/** One line made of one run. */
export function line(text: string, x: number, y: number, size = 12): Line {
  const [only] = groupLines([run(text, x, y, size)])
  return only!
}
