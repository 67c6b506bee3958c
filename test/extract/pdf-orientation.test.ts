import { describe, expect, it } from 'vitest'
import { dominantTurns, turnFrame } from '../../src/extract/pdf-orientation.js'
import { readRuns } from '../../src/extract/pdf-runs.js'

/** An A4 portrait viewport: PDF user space (y up) → y down. */
const VIEWPORT = [1, 0, 0, -1, 0, 842]
const item = (str: string, transform: number[]) => ({ str, transform, width: 12 * str.length, height: 12, hasEOL: false })

/** Text reading left to right, bottom to top, top to bottom, and upside down (PDF user space). */
const UPRIGHT = [12, 0, 0, 12, 72, 700]
const UPWARDS = [0, 12, -12, 0, 100, 100]
const DOWNWARDS = [0, -12, 12, 0, 100, 700]
const UPSIDE_DOWN = [-12, 0, 0, -12, 500, 100]

describe('dominantTurns / turnFrame: text printed sideways', () => {
  it.each([
    [UPRIGHT, 0],
    [UPWARDS, 1],
    [UPSIDE_DOWN, 2],
    [DOWNWARDS, 3],
  ])('finds the quarter turn that makes %j upright', (transform, turns) => {
    const items = [item('部门收支预算总表', transform), item('短', UPRIGHT)]
    expect(dominantTurns(items, VIEWPORT)).toBe(turns)
    const frame = turnFrame(VIEWPORT, 595, 842, turns as 0 | 1 | 2 | 3)
    const { runs, skippedRotated } = readRuns([items[0]], frame.transform)
    expect(skippedRotated).toBe(0)
    expect(runs).toHaveLength(1)
    // Upright and inside the turned page.
    expect(runs[0]!.x0).toBeGreaterThanOrEqual(0)
    expect(runs[0]!.x1).toBeLessThanOrEqual(frame.width)
    expect(runs[0]!.y).toBeGreaterThanOrEqual(0)
    expect(runs[0]!.y).toBeLessThanOrEqual(frame.height)
  })

  it('swaps width and height for a quarter turn', () => {
    expect(turnFrame(VIEWPORT, 595, 842, 1)).toMatchObject({ width: 842, height: 595, turns: 1 })
    expect(turnFrame(VIEWPORT, 595, 842, 2)).toMatchObject({ width: 595, height: 842, turns: 2 })
  })
})
