import { describe, expect, it } from 'vitest'
import { ALIGN_WINDOW, alignKeys } from '../../src/extract/docx-align.js'

describe('alignKeys', () => {
  it('matches equal sequences position by position', () => {
    expect(alignKeys(['a', '', 'b', ''], ['a', '', 'b', ''])).toEqual([0, 1, 2, 3])
  })

  it('skips a paragraph only document.xml has', () => {
    expect(alignKeys(['a', 'c', 'd'], ['a', 'b', 'c', 'd'])).toEqual([0, 2, 3])
  })

  it('leaves a paragraph only mammoth has unmatched, without shifting the rest', () => {
    expect(alignKeys(['a', 'x', 'b', 'c'], ['a', 'b', 'c'])).toEqual([0, undefined, 1, 2])
  })

  it('does not search ahead for empty paragraphs or beyond the window', () => {
    expect(alignKeys(['', 'b'], ['a', '', 'b'])).toEqual([undefined, 2])
    const far = [...Array.from({ length: ALIGN_WINDOW }, (_, i) => `z${i}`), 'a']
    expect(alignKeys(['a'], far)).toEqual([undefined])
  })
})
