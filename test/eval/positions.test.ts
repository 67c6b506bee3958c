import { describe, expect, it } from 'vitest'
import { LineIndex } from '../../src/document.js'
import { codePointToUtf16, overlap, placeGold } from '../../src/eval/positions.js'

describe('codePointToUtf16', () => {
  it('counts an astral character (𠮷, two UTF-16 units) as one code point', () => {
    expect('𠮷'.length).toBe(2)
    expect(codePointToUtf16('𠮷收入3395.06万元', 1)).toBe(2)
    expect(codePointToUtf16('𠮷收入3395.06万元', 3)).toBe(4)
  })

  it('is the identity on a line without astral characters', () => {
    expect(codePointToUtf16('收入3395.06万元', 2)).toBe(2)
  })

  it('allows the end of the line and rejects offsets past it', () => {
    expect(codePointToUtf16('a𠮷', 2)).toBe(3)
    expect(codePointToUtf16('a𠮷', 3)).toBeNull()
    expect(codePointToUtf16('abc', -1)).toBeNull()
  })
})

describe('placeGold', () => {
  const text = '标题\n𠮷𠮷合计98%。\n'
  const lines = new LineIndex(text)

  it('gives the absolute UTF-16 span and says whether the gold text is there', () => {
    const place = placeGold(text, lines, 2, 4, '98%')
    expect(place).toEqual({ start: 3 + 6, end: 3 + 9, line: 2, aligned: true })
    expect(text.slice(place!.start, place!.end)).toBe('98%')
    // An offset given in UTF-16 units by mistake lands two units too far.
    expect(placeGold(text, lines, 2, 6, '98%')?.aligned).toBe(false)
  })

  it('returns null for a line or offset outside the text', () => {
    expect(placeGold(text, lines, 9, 0, '98%')).toBeNull()
    expect(placeGold(text, lines, 1, 5, '98%')).toBeNull()
  })
})

describe('overlap', () => {
  it('counts shared units, and 0 for spans that only touch', () => {
    expect(overlap({ start: 0, end: 5 }, { start: 3, end: 9 })).toBe(2)
    expect(overlap({ start: 0, end: 3 }, { start: 3, end: 9 })).toBe(0)
  })
})
