import { describe, expect, it } from 'vitest'
import { chineseCounting, formatNumber } from '../../src/extract/docx-number-format.js'

describe('formatNumber', () => {
  it('counts in Chinese numerals', () => {
    const cases: Array<[number, string]> = [
      [1, '一'], [9, '九'], [10, '十'], [11, '十一'], [19, '十九'], [20, '二十'], [21, '二十一'],
      [99, '九十九'], [100, '一百'], [101, '一百零一'], [110, '一百一十'], [1001, '一千零一'], [1010, '一千零一十'],
    ]
    for (const [n, text] of cases) expect([n, formatNumber(n, 'chineseCounting')]).toEqual([n, text])
    expect(formatNumber(12, 'chineseCountingThousand')).toBe('十二')
    expect(chineseCounting(0)).toBe('0')
    expect(chineseCounting(10_000)).toBe('10000')
  })

  it('writes the legal (financial) numerals with 拾, keeping 壹拾', () => {
    expect(formatNumber(3, 'chineseLegalSimplified')).toBe('叁')
    expect(formatNumber(12, 'chineseLegalSimplified')).toBe('壹拾贰')
    expect(formatNumber(12, 'ideographLegalTraditional')).toBe('壹拾貳')
  })

  it('shows stems, branches, digits and enclosed numbers, falling back to Arabic numerals', () => {
    expect([1, 3, 10, 11].map((n) => formatNumber(n, 'ideographTraditional'))).toEqual(['甲', '丙', '癸', '11'])
    expect(formatNumber(12, 'ideographZodiac')).toBe('亥')
    expect(formatNumber(105, 'ideographDigital')).toBe('一〇五')
    expect([1, 20, 21, 35, 36, 50, 51].map((n) => formatNumber(n, 'decimalEnclosedCircle'))).toEqual(['①', '⑳', '㉑', '㉟', '㊱', '㊿', '51'])
    expect(formatNumber(2, 'decimalEnclosedCircleChinese')).toBe('②')
    expect([1, 20, 21].map((n) => formatNumber(n, 'decimalEnclosedParen'))).toEqual(['⑴', '⒇', '21'])
    expect(formatNumber(3, 'decimalEnclosedFullstop')).toBe('⒊')
    expect(formatNumber(1, 'ideographEnclosedCircle')).toBe('㊀')
  })

  it('handles the Western formats', () => {
    expect(formatNumber(14, 'upperRoman')).toBe('XIV')
    expect(formatNumber(1994, 'lowerRoman')).toBe('mcmxciv')
    expect([1, 26, 27, 53].map((n) => formatNumber(n, 'upperLetter'))).toEqual(['A', 'Z', 'AA', 'AAA'])
    expect(formatNumber(2, 'lowerLetter')).toBe('b')
    expect(formatNumber(7, 'decimalZero')).toBe('07')
    expect(formatNumber(12, 'decimalFullWidth')).toBe('１２')
    expect(formatNumber(5, 'none')).toBe('')
    expect(formatNumber(5, 'someFutureFormat')).toBe('5')
  })
})
