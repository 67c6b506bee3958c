/**
 * Tables drawn without rules (Excel exports without borders, 三线表 with only horizontal
 * rules): body lines that fall apart into aligned columns. A run of at least MIN_ROWS
 * consecutive lines, each split by wide gaps into two or more chunks, whose chunks line
 * up in the same column bands and hold numbers, is read as a table of one row per line.
 * The result is a grid like a ruled table's, so the rest of the reader treats both alike.
 */
import type { Grid, GridCell } from './pdf-grid.js'
import { inkGlyphs, type Line } from './pdf-lines.js'
import type { CellContent, PageTable } from './pdf-page-layout.js'
import type { Glyph } from './pdf-runs.js'

/** A gap of this many em between glyphs separates two columns. @default 1.5 */
const COLUMN_GAP = 1.5
/** Fewer consecutive lines are not a table. @default 3 */
const MIN_ROWS = 3
/** Share of the chunks that must be numbers. @default 0.25 */
const NUMERIC_SHARE = 0.25

const NUMBER = /^[-+－]?[0-9０-９][0-9０-９,，.．]*\s*[%％]?$/
const LEADERS = /[…]{2,}|[.．·]{4,}/
const AMOUNT = /[.．,，%％]|[0-9０-９]{4}/

interface Chunk {
  glyphs: Glyph[]
  x0: number
  x1: number
  text: string
}

function chunks(line: Line): Chunk[] {
  const ink = inkGlyphs(line)
  const out: Chunk[] = []
  for (const g of ink) {
    const last = out[out.length - 1]
    if (last && g.x0 - last.x1 < COLUMN_GAP * line.size) {
      last.glyphs.push(g)
      last.x1 = g.x1
      last.text += g.ch
    } else out.push({ glyphs: [g], x0: g.x0, x1: g.x1, text: g.ch })
  }
  return out
}

/** Borderless tables found on a page. */
export interface Borderless {
  /** Tables found, each with the index of its first line in `lines`. */
  tables: Array<{ table: PageTable; first: number; last: number }>
}

/** Finds borderless tables among a page's body lines (top to bottom). */
export function findBorderless(lines: Line[]): Borderless {
  const split = lines.map((l) => (LEADERS.test(l.glyphs.map((g) => g.ch).join('')) ? [] : chunks(l)))
  const tables: Borderless['tables'] = []
  for (let i = 0; i < lines.length; ) {
    let j = i
    while (j < lines.length && split[j]!.length >= 2 && (j === i || lines[j]!.y - lines[j - 1]!.y < 3 * lines[j]!.size)) j++
    if (j - i >= MIN_ROWS) {
      const table = tableOf(lines.slice(i, j), split.slice(i, j))
      if (table) tables.push({ table, first: i, last: j - 1 })
    }
    i = Math.max(j, i + 1)
  }
  return { tables }
}

function tableOf(lines: Line[], rows: Chunk[][]): PageTable | null {
  const all = rows.flat()
  const numbers = all.filter((c) => NUMBER.test(c.text))
  if (numbers.length < NUMERIC_SHARE * all.length) return null
  // Amounts, not page numbers: a table of contents set with gaps has only small integers.
  if (!numbers.some((c) => AMOUNT.test(c.text))) return null
  // Column bands: the union of the chunks' horizontal extents.
  const sorted = [...all].sort((a, b) => a.x0 - b.x0)
  const bands: Array<{ x0: number; x1: number }> = []
  for (const c of sorted) {
    const band = bands[bands.length - 1]
    if (band && c.x0 <= band.x1) band.x1 = Math.max(band.x1, c.x1)
    else bands.push({ x0: c.x0, x1: c.x1 })
  }
  if (bands.length < 2) return null
  const xs = [bands[0]!.x0 - 1, ...bands.slice(1).map((b, k) => (bands[k]!.x1 + b.x0) / 2), bands[bands.length - 1]!.x1 + 1]
  const ys = [lines[0]!.y - lines[0]!.size, ...lines.slice(1).map((l, k) => (lines[k]!.y + l.y - l.size / 2) / 2), lines[lines.length - 1]!.y + lines[lines.length - 1]!.size * 0.3]
  const cells: CellContent[] = []
  rows.forEach((row, r) => {
    bands.forEach((band, c) => {
      const inBand = row.filter((ch) => ch.x0 >= band.x0 && ch.x1 <= band.x1)
      const cell: GridCell = { row: r, col: c, rowSpan: 1, colSpan: 1, x0: xs[c]!, x1: xs[c + 1]!, y0: ys[r]!, y1: ys[r + 1]! }
      const glyphs = inBand.flatMap((ch) => ch.glyphs)
      const line = lines[r]!
      cells.push({ cell, lines: glyphs.length ? [{ ...line, glyphs, x0: glyphs[0]!.x0, x1: glyphs[glyphs.length - 1]!.x1 }] : [] })
    })
  })
  const grid: Grid = { x0: xs[0]!, x1: xs[xs.length - 1]!, y0: ys[0]!, y1: ys[ys.length - 1]!, xs, ys, cells: cells.map((c) => c.cell) }
  return { grid, cells }
}
