/**
 * The ruling lines of a page, read from pdf.js's operator list — what pdf-parse's
 * `getTable` reads, widened to how real exporters draw table borders:
 *
 * - stroked paths (LibreOffice, ONLYOFFICE): every axis-parallel segment is a rule,
 *   a stroked rectangle gives its four edges;
 * - filled hairline rectangles (WPS, Word): a rectangle thinner than THIN_FILL points
 *   is a rule along its long axis; thicker filled boxes are cell shading, not rules.
 *
 * Coordinates are viewport space (points, y down), like the text runs.
 */
import type { PdfjsModule, PdfOperatorList } from './pdf-load.js'

/** An axis-parallel ruling line. */
export interface Rule {
  /** 'h': from (a, at) to (b, at); 'v': from (at, a) to (at, b). */
  dir: 'h' | 'v'
  /** The line's y ('h') or x ('v'). */
  at: number
  /** Where it starts and ends along its direction (a ≤ b). */
  a: number
  b: number
}

/** Filled rectangles at most this thick (points) are drawn rules. @default 2.5 */
export const THIN_FILL = 2.5
/** Shorter segments are glyph parts or ticks, not rules. @default 3 */
const MIN_RULE = 3
/** Pages drawing more segments than this are charts or maps; their rules are not read. @default 20000 */
const MAX_SEGMENTS = 20000

/** pdf.js DrawOPS (path data codes inside constructPath); not exported by pdf.js 5.4. */
const MOVE_TO = 0
const LINE_TO = 1
const CURVE_TO = 2
const CLOSE_PATH = 3

type Matrix = number[]
type Point = [number, number]

/** The ruling lines drawn by a page's operator list, in viewport space. */
export function readRules(ops: PdfOperatorList, pdfjs: PdfjsModule, viewportTransform: Matrix): Rule[] {
  const OPS = pdfjs.OPS
  const strokes = new Set([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke])
  const fills = new Set([OPS.fill, OPS.eoFill])
  const stack: Matrix[] = []
  let ctm: Matrix = [1, 0, 0, 1, 0, 0]
  const rules: Rule[] = []
  let segments = 0

  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i]
    const args = ops.argsArray[i] as unknown[] | null
    if (fn === OPS.save || fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm)
      const formMatrix = fn === OPS.paintFormXObjectBegin ? args?.[0] : undefined
      if (isMatrix(formMatrix)) ctm = pdfjs.Util.transform(ctm, formMatrix)
    } else if (fn === OPS.restore || fn === OPS.paintFormXObjectEnd) {
      ctm = stack.pop() ?? ctm
    } else if (fn === OPS.transform && isMatrix(args)) {
      ctm = pdfjs.Util.transform(ctm, args)
    } else if (fn === OPS.constructPath && args) {
      const paint = args[0] as number
      const stroked = strokes.has(paint)
      if (!stroked && !fills.has(paint)) continue
      const toView = pdfjs.Util.transform(viewportTransform, ctm)
      for (const sub of subpaths(args[1])) {
        const pts = sub.map(([x, y]): Point => apply(toView, x, y))
        segments += pts.length
        if (segments > MAX_SEGMENTS) return []
        if (stroked) strokeRules(pts, rules)
        else fillRule(pts, rules)
      }
    }
  }
  return rules
}

function isMatrix(m: unknown): m is Matrix {
  return (Array.isArray(m) || ArrayBuffer.isView(m)) && (m as ArrayLike<number>).length === 6
}

function apply(m: Matrix, x: number, y: number): Point {
  return [m[0]! * x + m[2]! * y + m[4]!, m[1]! * x + m[3]! * y + m[5]!]
}

/** Straight-line subpaths of a constructPath argument; a subpath with a curve is dropped. */
function subpaths(data: unknown): Point[][] {
  const out: Point[][] = []
  const arrays = Array.isArray(data) ? data : [data]
  for (const arr of arrays) {
    if (!ArrayBuffer.isView(arr) && !Array.isArray(arr)) continue
    const d = arr as ArrayLike<number>
    let current: Point[] = []
    let curved = false
    const flush = (): void => {
      if (current.length >= 2 && !curved) out.push(current)
      current = []
      curved = false
    }
    for (let k = 0; k < d.length; ) {
      const op = d[k]
      if (op === MOVE_TO) {
        flush()
        current.push([d[k + 1]!, d[k + 2]!])
        k += 3
      } else if (op === LINE_TO) {
        current.push([d[k + 1]!, d[k + 2]!])
        k += 3
      } else if (op === CURVE_TO) {
        curved = true
        k += 7
      } else if (op === CLOSE_PATH) {
        if (current.length > 0) current.push(current[0]!)
        flush()
        k += 1
      } else break // unknown code: stop reading this path rather than misread it
    }
    flush()
  }
  return out
}

/** Axis-parallel segments of a stroked polyline. */
function strokeRules(pts: Point[], rules: Rule[]): void {
  for (let k = 1; k < pts.length; k++) {
    const [x1, y1] = pts[k - 1]!
    const [x2, y2] = pts[k]!
    if (Math.abs(y1 - y2) < 0.5 && Math.abs(x2 - x1) >= MIN_RULE)
      rules.push({ dir: 'h', at: (y1 + y2) / 2, a: Math.min(x1, x2), b: Math.max(x1, x2) })
    else if (Math.abs(x1 - x2) < 0.5 && Math.abs(y2 - y1) >= MIN_RULE)
      rules.push({ dir: 'v', at: (x1 + x2) / 2, a: Math.min(y1, y2), b: Math.max(y1, y2) })
  }
}

/** A filled axis-parallel hairline rectangle is one rule along its long side. */
function fillRule(pts: Point[], rules: Rule[]): void {
  if (pts.length < 4 || pts.length > 5) return
  const xs = pts.map((p) => p[0])
  const ys = pts.map((p) => p[1])
  const x0 = Math.min(...xs)
  const x1 = Math.max(...xs)
  const y0 = Math.min(...ys)
  const y1 = Math.max(...ys)
  // Every corner must sit on the bounding box: an axis-parallel rectangle.
  if (!pts.every(([x, y]) => (near(x, x0) || near(x, x1)) && (near(y, y0) || near(y, y1)))) return
  const w = x1 - x0
  const h = y1 - y0
  if (h <= THIN_FILL && w >= MIN_RULE && w > h) rules.push({ dir: 'h', at: (y0 + y1) / 2, a: x0, b: x1 })
  else if (w <= THIN_FILL && h >= MIN_RULE && h > w) rules.push({ dir: 'v', at: (x0 + x1) / 2, a: y0, b: y1 })
}

function near(a: number, b: number): boolean {
  return Math.abs(a - b) < 0.5
}
