/**
 * pdf.js text items → runs of glyphs placed on the page, in viewport space (points, x to
 * the right, y down, page rotation applied), each glyph already folded (pdf-fold.ts).
 * pdf.js gives one width per item, not per glyph; glyph extents are estimated from
 * that width, counting CJK and full-width characters as one em and sharing the rest
 * among the narrow ones — close enough to split a run between table cells and to ask
 * whether the first word of a line would have fitted on the line before.
 */
import { type Matrix, multiply } from './pdf-matrix.js'
import { foldChar } from './pdf-fold.js'
import type { PdfTextItem } from './pdf-load.js'

/** A character placed on the page. */
export interface Glyph {
  /** The folded character (one code point). */
  ch: string
  /** Left and right edge (viewport x, points; estimated within a pdf.js item). */
  x0: number
  x1: number
}

/** One pdf.js text item: glyphs in one font on one baseline. */
export interface Run {
  glyphs: Glyph[]
  /** Left and right edge of the item (viewport x). */
  x0: number
  x1: number
  /** Baseline, viewport y (grows downwards). */
  y: number
  /** Font size in points (the em). */
  size: number
  /** pdf.js's font id (g_d0_f1 …). */
  font: string
}

/** What a page's text content yields. */
export interface PageRuns {
  /** Upright text items, in content-stream order. */
  runs: Run[]
  /** Characters drawn at an angle (stamps, vertical captions, watermarks): left out. */
  skippedRotated: number
  /** Characters folded from look-alike code points (Kangxi radicals …). */
  folded: number
}


export function isTextItem(item: unknown): item is PdfTextItem {
  return typeof item === 'object' && item !== null && typeof (item as PdfTextItem).str === 'string' && Array.isArray((item as PdfTextItem).transform)
}

/** Characters a CJK font sets one em wide. */
export function isWide(ch: string): boolean {
  const cp = ch.codePointAt(0)!
  return (
    (cp >= 0x2e80 && cp <= 0x9fff) || // radicals, CJK punctuation, kana, ideographs
    (cp >= 0xac00 && cp <= 0xd7af) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff01 && cp <= 0xff60) || // full-width forms
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    cp >= 0x20000 ||
    '“”‘’…—·'.includes(ch)
  )
}

/** pdf.js text items → runs in viewport space (`viewportTransform`: page.getViewport().transform). */
export function readRuns(items: unknown[], viewportTransform: Matrix): PageRuns {
  const runs: Run[] = []
  let skippedRotated = 0
  let folded = 0
  for (const item of items) {
    if (!isTextItem(item) || item.str.trim() === '') continue
    const m = multiply(viewportTransform, item.transform)
    // Broken content streams can yield NaN positions: such text cannot be placed.
    if (!m.every(Number.isFinite) || !Number.isFinite(item.width)) continue
    const size = Math.hypot(m[2]!, m[3]!)
    // Upright text in viewport space: x along +x, y flipped (m[3] < 0), no shear.
    const upright = m[0]! > 0 && m[3]! < 0 && Math.abs(m[1]!) < 0.05 * m[0]! && Math.abs(m[2]!) < 0.05 * -m[3]!
    if (!upright || size <= 0) {
      skippedRotated += [...item.str].filter((c) => c.trim() !== '').length
      continue
    }
    const chars = [...item.str]
    const glyphs = placeGlyphs(chars, m[4]!, Math.max(item.width, 0), size)
    for (const g of glyphs) {
      const f = foldChar(g.ch)
      if (f !== g.ch) {
        folded++
        g.ch = f
      }
    }
    runs.push({ glyphs, x0: m[4]!, x1: m[4]! + Math.max(item.width, 0), y: m[5]!, size, font: item.fontName ?? '' })
  }
  return { runs, skippedRotated, folded }
}

/** Spreads an item's width over its characters: wide ones one em, narrow ones the rest. */
function placeGlyphs(chars: string[], x: number, width: number, size: number): Glyph[] {
  const wide = chars.filter(isWide).length
  const narrow = chars.length - wide
  let wideW: number
  let narrowW: number
  if (narrow === 0) {
    wideW = width / wide
    narrowW = 0
  } else {
    narrowW = (width - wide * size) / narrow
    wideW = size
    // Condensed or stretched fonts: fall back to proportions 2:1.
    if (narrowW < 0.15 * size || narrowW > 1.1 * size) {
      const unit = width / (2 * wide + narrow)
      wideW = 2 * unit
      narrowW = unit
    }
  }
  const glyphs: Glyph[] = []
  let at = x
  for (const ch of chars) {
    const w = isWide(ch) ? wideW : narrowW
    glyphs.push({ ch, x0: at, x1: at + w })
    at += w
  }
  return glyphs
}
