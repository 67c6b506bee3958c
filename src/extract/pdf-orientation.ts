/**
 * Pages whose text runs sideways: a landscape table printed on a portrait page (the
 * page itself not marked /Rotate), read bottom to top or top to bottom. The reader turns
 * its frame of reference by the quarter turn that makes most of the text upright, so
 * lines, rules and tables are found as on any other page.
 */
import { type Matrix, multiply } from './pdf-matrix.js'
import { isTextItem } from './pdf-runs.js'


export interface Frame {
  /** Viewport transform with the turn applied. */
  transform: Matrix
  width: number
  height: number
  /** Quarter turns applied (0 when the text is upright already). */
  turns: 0 | 1 | 2 | 3
}


/**
 * The quarter turn (clockwise, in viewport space) that brings the text direction of most
 * characters to left-to-right. 1: the text reads bottom to top.
 */
export function dominantTurns(items: unknown[], viewportTransform: Matrix): 0 | 1 | 2 | 3 {
  const weight = [0, 0, 0, 0]
  for (const item of items) {
    if (!isTextItem(item)) continue
    const chars = [...item.str].filter((c) => c.trim() !== '').length
    if (chars === 0) continue
    const m = multiply(viewportTransform, item.transform)
    const [dx, dy] = [m[0]!, m[1]!]
    if (!Number.isFinite(dx) || !Number.isFinite(dy) || (dx === 0 && dy === 0)) continue
    // Direction of the baseline: right (0), up (1: needs a clockwise turn), left (2), down (3).
    const turns = Math.abs(dx) >= Math.abs(dy) ? (dx > 0 ? 0 : 2) : dy < 0 ? 1 : 3
    weight[turns]! += chars
  }
  let best = 0
  for (let t = 1; t < 4; t++) if (weight[t]! > weight[best]!) best = t
  return best as 0 | 1 | 2 | 3
}

/** The viewport turned by `turns` quarter turns clockwise, moved back to positive coordinates. */
export function turnFrame(viewportTransform: Matrix, width: number, height: number, turns: 0 | 1 | 2 | 3): Frame {
  if (turns === 0) return { transform: viewportTransform, width, height, turns }
  // Clockwise quarter turns in y-down space: (x, y) → (-y, x), then back into view.
  const rotations: Record<1 | 2 | 3, Matrix> = {
    1: [0, 1, -1, 0, height, 0],
    2: [-1, 0, 0, -1, width, height],
    3: [0, -1, 1, 0, 0, width],
  }
  const turned = turns === 2 ? { width, height } : { width: height, height: width }
  return { transform: multiply(rotations[turns], viewportTransform), ...turned, turns }
}
