import { describe, expect, it } from 'vitest'
import type { Figure } from '../../../src/contract.js'
import { compareRestated } from '../../../src/validate/relations/restated-clusters.js'

let next = 0
function fig(raw: string, value: number, decimals: number, unit: string, extra: Partial<Figure> = {}): Figure {
  next += 10
  const kind = unit === '%' ? 'percent' : /元$/.test(unit) ? 'money' : 'count'
  return { id: `f${next}`, kind, raw, value, decimals, unit, approx: false, label: null, line: next, sectionId: null, start: next, end: next + raw.length, ...extra }
}

const lines = (figures: Figure[]): string[] => figures.map((f) => f.raw)

describe('compareRestated', () => {
  it('takes 万元 and 元 statements of one amount as agreeing', () => {
    const c = compareRestated([fig('582.77万元', 582.77, 2, '万元'), fig('5,827,738.97元', 5827738.97, 2, '元')])
    expect(c?.deviations).toEqual([])
    expect(c?.truncations).toEqual([])
  })

  it('takes the largest group as reference and every other as a deviation', () => {
    const a = fig('97.50%', 97.5, 2, '%')
    const b = fig('97.05%', 97.05, 2, '%')
    const c = fig('97.50%', 97.5, 2, '%')
    const result = compareRestated([a, b, c])!
    expect(lines(result.reference.figures)).toEqual(['97.50%', '97.50%'])
    expect(result.deviations.map((g) => lines(g.figures))).toEqual([['97.05%']])
  })

  it('calls a gap within one unit of the coarser last digit a truncation', () => {
    const coarse = fig('242.34万', 242.34, 2, '万元')
    const fine = fig('2,423,477', 2423477, 0, '元')
    const result = compareRestated([coarse, fine])!
    expect(result.deviations).toEqual([])
    expect(result.truncations).toEqual([[coarse, fine]])
  })

  it('does not excuse whole numbers printed alike (23 against 21 people)', () => {
    const result = compareRestated([fig('23名', 23, 0, '名'), fig('21人', 21, 0, '人')])!
    expect(result.truncations).toEqual([])
    expect(result.deviations).toHaveLength(1)
  })

  it('ignores bounds and needs two values', () => {
    expect(compareRestated([fig('≦100%', 100, 0, '%', { comparator: '<=' }), fig('104%', 104, 0, '%')])).toBeNull()
    expect(compareRestated([fig('1%', 1, 0, '%')])).toBeNull()
  })

  it('on a tie keeps the earliest group as reference', () => {
    const first = fig('42.67%', 42.67, 2, '%')
    const second = fig('65.01%', 65.01, 2, '%')
    const result = compareRestated([second, first].sort((x, y) => x.start - y.start))!
    expect(result.reference.figures).toEqual([first])
    expect(result.deviations[0]!.figures).toEqual([second])
  })
})
