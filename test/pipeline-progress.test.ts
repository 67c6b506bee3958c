import { describe, expect, it } from 'vitest'
import { formatDuration, formatStatus, ProgressMeter, RATE_WINDOW } from '../src/pipeline-progress.js'

/** A meter on a clock the test moves. */
function meter(total: number) {
  let now = 1000
  const m = new ProgressMeter(total, () => now)
  return { m, advance: (ms: number) => (now += ms) }
}

describe('ProgressMeter', () => {
  it('counts files and failures, and estimates the rest from the rate', () => {
    const { m, advance } = meter(10)
    advance(500)
    expect(m.record(false)).toEqual({ done: 1, total: 10, failed: 0, rate: 2, etaMs: 4500, elapsedMs: 500 })
    advance(500)
    expect(m.record(true)).toMatchObject({ done: 2, failed: 1, rate: 2, etaMs: 4000 })
  })

  it('has no rate or ETA before time has passed', () => {
    const { m } = meter(3)
    expect(m.record(false)).toMatchObject({ rate: 0, etaMs: null })
  })

  it('follows the recent rate: a fast start (unchanged files) does not flatter the ETA for long', () => {
    const { m, advance } = meter(10 * RATE_WINDOW)
    for (let i = 0; i < RATE_WINDOW; i++) advance(10), m.record(false) // 100 files/s
    let last
    for (let i = 0; i < RATE_WINDOW; i++) advance(1000), (last = m.record(false)) // 1 file/s
    expect(last!.rate).toBeCloseTo(1, 5)
    expect(last!.etaMs).toBeCloseTo(8 * RATE_WINDOW * 1000, -1)
  })
})

describe('progress text', () => {
  it('formats durations as m:ss or h:mm:ss', () => {
    expect(formatDuration(0)).toBe('0:00')
    expect(formatDuration(83_000)).toBe('1:23')
    expect(formatDuration(4_000_000)).toBe('1:06:40')
  })

  it('shows done/total, rate, ETA while running, and failures when there are any', () => {
    expect(formatStatus({ done: 120, total: 10_000, failed: 2, rate: 4.14, etaMs: 2_408_000, elapsedMs: 0 })).toBe('[120/10000] 4.1 docs/s ETA 40:08 2 failed')
    expect(formatStatus({ done: 5, total: 5, failed: 0, rate: 2, etaMs: 0, elapsedMs: 0 })).toBe('[5/5] 2.0 docs/s')
  })
})
