import { describe, expect, it } from 'vitest'
import { foldChar, foldText, needsFolding } from '../../src/extract/pdf-fold.js'

describe('foldChar: look-alike code points back to the ideographs', () => {
  it.each([
    ['\u2F00', '一'], // KANGXI RADICAL ONE
    ['\u2F0A', '入'], // KANGXI RADICAL ENTER
    ['\u2F40', '支'], // KANGXI RADICAL BRANCH
    ['\u2ED3', '长'], // CJK RADICAL C-SIMPLIFIED LONG (no NFKC mapping)
    ['\u2ED4', '门'], // CJK RADICAL C-SIMPLIFIED GATE
    ['\u2E9F', '母'], // CJK RADICAL MOTHER (NFKC)
    ['\uF901', '更'], // CJK COMPATIBILITY IDEOGRAPH-F901
    ['\u{2F800}', '丽'], // supplement: two UTF-16 units in, one out
  ])('%s → %s', (input, folded) => {
    expect(foldChar(input)).toBe(folded)
  })

  it('keeps full-width punctuation, digits and ordinary ideographs as written', () => {
    for (const ch of ['（', '）', '：', '，', '１', '％', '一', '萬', 'A', '3']) expect(foldChar(ch)).toBe(ch)
  })

  it('leaves radicals that stand for no everyday character alone', () => {
    expect(foldChar('\u2ECC')).toBe('\u2ECC') // ⻌ C-SIMPLIFIED WALK: a component, not a word
  })
})

describe('foldText', () => {
  it('folds per character and reports whether anything would change', () => {
    expect(foldText('\u2F00、部⻔概况（\u2F06）')).toBe('一、部门概况（二）')
    expect(needsFolding('一、部门概况')).toBe(false)
    expect(needsFolding('收\u2F0A')).toBe(true)
  })
})
