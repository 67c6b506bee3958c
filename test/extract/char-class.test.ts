import { describe, expect, it } from 'vitest'
import { CharClass, WHITESPACE } from '../../src/extract/char-class.js'
import { scaleDecimal } from '../../src/extract/numbers.js'

describe('CharClass answers as the regex class of the same characters', () => {
  const stops = new CharClass('。；;，,\n')
  const regex = /[。；;，,\n]/
  const text = '本年支出12.5万元，其中基本支出10万元；项目支出2.5万元。\n合计'

  it('member by member, and false outside the text', () => {
    for (let i = 0; i < text.length; i++) expect(stops.at(text, i)).toBe(regex.test(text[i]!))
    expect(stops.at(text, -1)).toBe(false)
    expect(stops.at(text, text.length)).toBe(false)
  })

  it('runStart finds the start of the clause that ends at a position, never before the floor', () => {
    const end = text.lastIndexOf('2.5万元')
    expect(text.slice(stops.runStart(text, end), end)).toBe('项目支出')
    expect(stops.runStart(text, end, end - 2)).toBe(end - 2)
    expect(stops.runStart(text, 5)).toBe(0)
  })

  it('WHITESPACE holds exactly what \\s matches in the BMP', () => {
    const ws = new CharClass(WHITESPACE)
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c)
      if (ws.at(ch, 0) !== /\s/.test(ch)) throw new Error(`U+${c.toString(16)} differs`)
    }
  })
})

describe('scaleDecimal is exact on both of its paths', () => {
  it.each([
    ['4.52', 4, 45200],
    ['3395.06', 4, 33950600],
    ['1268.2285', 4, 12682285],
    ['0.01', 4, 100],
    ['1.23456', 4, 12345.6],
    ['7', 8, 700000000],
    ['12345678901234567.89', 4, 123456789012345678900], // beyond 20 digits: the Decimal path
    ['1e3', 4, 10000000], // not plain digits: the Decimal path
  ])('%s × 10^%i = %d', (digits, power, expected) => {
    expect(scaleDecimal(digits, power)).toBe(expected)
  })
})
