import { describe, expect, it } from 'vitest'
import type { StoredFigure } from '../../../src/store/cross-queries.js'
import { agree, comparable, difference, inUnitOf, sameValue, withinLastDigit, written } from '../../../src/validate/cross/compare.js'

function money(raw: string, unit = '万元', extra: Partial<StoredFigure> = {}): StoredFigure {
  const number = raw.replace(/,/g, '')
  const decimals = number.includes('.') ? number.split('.')[1]!.length : 0
  return { id: 'f', kind: 'money', raw: `${raw}${unit}`, value: Number(number), decimals, unit, approx: false, label: null, line: 1, start: 0, end: 1, unitInferred: false, ...extra }
}

describe('comparing figures of two documents', () => {
  it('agrees within printed precision, across 万元 and 元', () => {
    expect(agree(money('11.30'), money('113,000', '元'))).toBe(true)
    expect(agree(money('10.8'), money('108,040', '元'))).toBe(true)
    expect(agree(money('10.80'), money('11.30'))).toBe(false)
  })

  it('never compares money with a rate, nor counts of different units', () => {
    const rate: StoredFigure = { ...money('95'), kind: 'percent', unit: '%', raw: '95%' }
    expect(comparable(money('95'), rate)).toBe(false)
    expect(agree(money('95'), rate)).toBe(false)
    const people: StoredFigure = { ...money('5'), kind: 'count', unit: '人', raw: '5人' }
    expect(comparable(people, { ...people, unit: '个' })).toBe(false)
  })

  it('tells a truncation (within one unit of the coarser last digit) from a real gap', () => {
    expect(withinLastDigit(money('11.30'), money('113,100', '元'))).toBe(true)
    expect(withinLastDigit(money('11.30'), money('113,500', '元'))).toBe(false)
  })

  it('says the difference in the first figure’s unit and converts values', () => {
    expect(difference(money('10.80'), money('11.30'))).toBe('0.5万元')
    expect(difference(money('108,000', '元'), money('11.30'))).toBe('5000元')
    expect(inUnitOf(money('113,000', '元'), money('10.80'))).toBe(11.3)
    expect(sameValue(money('10.80'), 108000)).toBe(true)
    expect(sameValue(money('10.80'), 108001)).toBe(false)
  })

  it('writes a figure with the unit a table header gave it', () => {
    expect(written(money('92.75', '万元', { raw: '92.75', unitInferred: true }))).toBe('92.75万元')
    expect(written(money('9.29'))).toBe('9.29万元')
  })
})
