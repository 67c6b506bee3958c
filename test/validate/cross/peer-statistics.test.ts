import { describe, expect, it } from 'vitest'
import { quantile, robustZ, summarise } from '../../../src/validate/cross/peer-statistics.js'

describe('peer statistics', () => {
  it('computes median, quartiles (type 7) and MAD', () => {
    expect(summarise([99.1, 95.8, 97.2, 98.0, 96.5])).toEqual({ n: 5, median: 97.2, q1: 96.5, q3: 98.0, mad: expect.closeTo(0.8, 10) })
    expect(summarise([1, 2, 3, 4])).toEqual({ n: 4, median: 2.5, q1: 1.75, q3: 3.25, mad: 1 })
    expect(summarise([])).toBeNull()
  })

  it('interpolates quantiles between order statistics', () => {
    expect(quantile([10, 20], 0.5)).toBe(15)
    expect(quantile([10, 20, 30], 1)).toBe(30)
    expect(quantile([7], 0.25)).toBe(7)
  })

  it('floors the scale so identical peers do not make every difference infinite', () => {
    const s = summarise([100, 100, 100, 100, 100])!
    expect(s.mad).toBe(0)
    expect(robustZ(98, s, 2)).toBe(-1)
    // With spread, the scale is 1.4826·MAD.
    const spread = summarise([90, 92, 94, 96, 98])!
    expect(robustZ(74, spread, 0.1)).toBeCloseTo((74 - 94) / (1.4826 * 2), 10)
  })

  it('is not moved by one extreme peer the way a mean is', () => {
    const s = summarise([95, 96, 97, 98, 5000])!
    expect(s.median).toBe(97)
    expect(s.mad).toBe(1)
  })
})
