/**
 * Ruling lines → table grids with merged cells. Rules that touch form a connected
 * group; a group with at least two horizontal and two vertical lines is a ruled table.
 * Its distinct line positions cut it into a grid; two neighbouring grid cells with no
 * rule between them are one merged cell (rowSpan/colSpan), as a renderer would draw it.
 */
import type { Rule } from './pdf-rules.js'

/** A rectangle in viewport space: x0 ≤ x1, y0 (top) ≤ y1 (bottom). */
export interface Box {
  x0: number
  y0: number
  x1: number
  y1: number
}

/** A cell of a grid, merged cells once with their extent. */
export interface GridCell extends Box {
  /** Grid row and column of the top-left slot. */
  row: number
  col: number
  /** Slots covered down and across (1 when not merged). */
  rowSpan: number
  colSpan: number
}

/** A ruled (or borderless, pdf-borderless.ts) table's geometry. */
export interface Grid extends Box {
  /** Row boundaries (y, top to bottom) and column boundaries (x, left to right). */
  ys: number[]
  xs: number[]
  /** Merged cells, each once, in row-major order of their top-left grid cell. */
  cells: GridCell[]
}

/** Positions closer than this (points) are one line. @default 1.5 */
const SNAP = 1.5
/** Rules whose ends fall this close to another rule touch it. @default 2 */
const TOUCH = 2
/** A grid row or column thinner than this is a double rule, not a row. @default 3 */
const MIN_BAND = 3

/** Ruling lines → the grids they draw, top to bottom. */
export function buildGrids(rules: Rule[]): Grid[] {
  const lines = mergeCollinear(rules)
  const groups = connectedGroups(lines)
  const grids: Grid[] = []
  for (const group of groups) {
    const h = group.filter((r) => r.dir === 'h')
    const v = group.filter((r) => r.dir === 'v')
    if (h.length < 2 || v.length < 2) continue
    const grid = gridOf(h, v)
    if (grid && grid.cells.length >= 2) grids.push(grid)
  }
  return grids.sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0)
}

/** Joins overlapping or abutting rules on the same line. */
function mergeCollinear(rules: Rule[]): Rule[] {
  const out: Rule[] = []
  for (const dir of ['h', 'v'] as const) {
    const sorted = rules.filter((r) => r.dir === dir).sort((p, q) => p.at - q.at || p.a - q.a)
    const bands: Rule[][] = []
    for (const r of sorted) {
      const band = bands[bands.length - 1]
      if (band && Math.abs(band[0]!.at - r.at) <= SNAP) band.push(r)
      else bands.push([r])
    }
    for (const band of bands) {
      const at = band.reduce((s, r) => s + r.at, 0) / band.length
      band.sort((p, q) => p.a - q.a)
      let cur: Rule | undefined
      for (const r of band) {
        if (cur && r.a <= cur.b + SNAP) cur.b = Math.max(cur.b, r.b)
        else {
          if (cur) out.push(cur)
          cur = { dir, at, a: r.a, b: r.b }
        }
      }
      if (cur) out.push(cur)
    }
  }
  return out
}

function touches(h: Rule, v: Rule): boolean {
  return v.at >= h.a - TOUCH && v.at <= h.b + TOUCH && h.at >= v.a - TOUCH && h.at <= v.b + TOUCH
}

function connectedGroups(lines: Rule[]): Rule[][] {
  const parent = lines.map((_, i) => i)
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!
    return i
  }
  const hs = lines.map((r, i) => [r, i] as const).filter(([r]) => r.dir === 'h')
  const vs = lines.map((r, i) => [r, i] as const).filter(([r]) => r.dir === 'v')
  for (const [h, i] of hs) for (const [v, j] of vs) if (touches(h, v)) parent[find(i)] = find(j)
  const groups = new Map<number, Rule[]>()
  lines.forEach((r, i) => {
    const root = find(i)
    groups.set(root, [...(groups.get(root) ?? []), r])
  })
  return [...groups.values()]
}

/** Distinct positions, snapped, dropping bands thinner than MIN_BAND (double rules). */
function cuts(positions: number[]): number[] {
  const sorted = [...positions].sort((a, b) => a - b)
  const out: number[] = []
  for (const p of sorted) if (out.length === 0 || p - out[out.length - 1]! >= MIN_BAND) out.push(p)
  return out
}

/** Is there a rule along `at` covering the middle of [from, to]? */
function ruled(lines: Rule[], at: number, from: number, to: number): boolean {
  const mid = (from + to) / 2
  const reach = Math.min((to - from) / 2, 2)
  return lines.some((r) => Math.abs(r.at - at) <= SNAP * 2 && r.a <= mid - reach + TOUCH && r.b >= mid + reach - TOUCH)
}

function gridOf(h: Rule[], v: Rule[]): Grid | null {
  const ys = cuts(h.map((r) => r.at))
  const xs = cuts(v.map((r) => r.at))
  const R = ys.length - 1
  const C = xs.length - 1
  if (R < 1 || C < 1) return null
  // Union grid cells that no rule separates.
  const id = (r: number, c: number): number => r * C + c
  const parent = Array.from({ length: R * C }, (_, i) => i)
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!
    return i
  }
  for (let r = 0; r < R; r++)
    for (let c = 0; c < C; c++) {
      if (c + 1 < C && !ruled(v, xs[c + 1]!, ys[r]!, ys[r + 1]!)) parent[find(id(r, c + 1))] = find(id(r, c))
      if (r + 1 < R && !ruled(h, ys[r + 1]!, xs[c]!, xs[c + 1]!)) parent[find(id(r + 1, c))] = find(id(r, c))
    }
  const extent = new Map<number, { r0: number; c0: number; r1: number; c1: number }>()
  for (let r = 0; r < R; r++)
    for (let c = 0; c < C; c++) {
      const root = find(id(r, c))
      const e = extent.get(root)
      if (!e) extent.set(root, { r0: r, c0: c, r1: r, c1: c })
      else {
        e.r0 = Math.min(e.r0, r)
        e.c0 = Math.min(e.c0, c)
        e.r1 = Math.max(e.r1, r)
        e.c1 = Math.max(e.c1, c)
      }
    }
  const cells: GridCell[] = [...extent.values()]
    .map((e) => ({
      row: e.r0,
      col: e.c0,
      rowSpan: e.r1 - e.r0 + 1,
      colSpan: e.c1 - e.c0 + 1,
      x0: xs[e.c0]!,
      x1: xs[e.c1 + 1]!,
      y0: ys[e.r0]!,
      y1: ys[e.r1 + 1]!,
    }))
    .sort((a, b) => a.row - b.row || a.col - b.col)
  // A "table" that is one big box (a framed text block) is not a table.
  if (cells.length < 2) return null
  return { x0: xs[0]!, x1: xs[C]!, y0: ys[0]!, y1: ys[R]!, xs, ys, cells }
}
