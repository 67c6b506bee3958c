import { describe, expect, it } from 'vitest'
import { overlap } from '../../../src/validate/cross/filing-similarity.js'

describe('overlap', () => {
  it('is the share of the smaller multiset found in the larger', () => {
    expect(overlap(['1元', '2元', '3元'], ['1元', '2元', '3元', '4元'])).toBe(1)
    expect(overlap(['1元', '2元', '9元', '8元'], ['1元', '2元', '3元', '4元', '5元'])).toBe(0.5)
  })

  it('counts repeated amounts as often as both state them', () => {
    expect(overlap(['1元', '1元', '1元'], ['1元', '2元', '3元'])).toBeCloseTo(1 / 3, 10)
  })

  it('is 0 for an empty side', () => {
    expect(overlap([], ['1元'])).toBe(0)
  })
})
