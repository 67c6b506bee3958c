import { describe, expect, it } from 'vitest'
import { evaluateFigures } from '../../src/eval/figures.js'
import { cpOffset, makeGold, makeResult } from './synthetic.js'

describe('evaluateFigures', () => {
  it('matches a gold offset in code points to our UTF-16 span after an astral character', () => {
    const text = '标题\n𠮷𠮷收入总计3395.06万元。'
    expect(cpOffset(text, 2, '3395.06万元')).toBe(6) // the UTF-16 column would be 8
    const gold = makeGold([{ text: '3395.06万元', line: 2, char_offset: 6, kind: 'money', value: 3395.06, value_yuan: 33950600 }])
    const s = evaluateFigures(gold, makeResult(text, [{ raw: '3395.06万元', kind: 'money', value: 3395.06, yuan: 33950600 }]))
    expect(s).toMatchObject({ gold: 1, predicted: 1, recallHits: 1, precisionHits: 1, valueMismatches: 0, misalignedGold: 0 })
    expect(s.recall).toBe(1)
    expect(s.precision).toBe(1)
  })

  it('does not match where a code-point offset read as UTF-16 would land (four astral characters before a short figure)', () => {
    const text = '𠮷𠮷𠮷𠮷98%'
    const gold = makeGold([{ text: '98%', line: 1, char_offset: 4, kind: 'percent', value: 98 }])
    const s = evaluateFigures(gold, makeResult(text, [{ raw: '98%', kind: 'percent', value: 98 }]))
    expect(s).toMatchObject({ recallHits: 1, precisionHits: 1, misalignedGold: 0 })
    // Columns are shown in UTF-16 units, 1-based: the 9th unit.
    const shown = evaluateFigures(gold, makeResult(text, []))
    expect(shown.missed[0]).toMatchObject({ line: 1, column: 9 })
  })

  it('compares money in 分: float noise agrees, one 元 off is a value mismatch', () => {
    const text = '收入3395.06万元'
    const gold = makeGold([{ text: '3395.06万元', line: 1, char_offset: 2, kind: 'money', value: 3395.06, value_yuan: 33950600 }])
    const noisy = evaluateFigures(gold, makeResult(text, [{ raw: '3395.06万元', kind: 'money', value: 3395.06, yuan: 33950600.004 }]))
    expect(noisy.recallHits).toBe(1)

    const wrong = evaluateFigures(gold, makeResult(text, [{ raw: '3395.06万元', kind: 'money', value: 3395.06, yuan: 3395.06 }]))
    expect(wrong).toMatchObject({ recallHits: 0, precisionHits: 0, valueMismatches: 1 })
    expect(wrong.valueMismatchPairs).toEqual([
      {
        gold: { line: 1, column: 3, text: '3395.06万元', kind: 'money', value: 3395.06, yuan: 33950600 },
        ours: { line: 1, column: 3, text: '3395.06万元', kind: 'money', value: 3395.06, yuan: 3395.06 },
      },
    ])
    // A value mismatch is listed once, as a pair, not again as a miss and a false positive.
    expect(wrong.missed).toEqual([])
    expect(wrong.falsePositives).toEqual([])
  })

  it('compares counts by value with 万 folded in, tolerating float noise', () => {
    const text = '发放资料1.13万份'
    const gold = makeGold([{ text: '1.13万份', line: 1, char_offset: 4, kind: 'count', value: 11300 }])
    expect(1.13 * 10000).not.toBe(11300)
    const s = evaluateFigures(gold, makeResult(text, [{ raw: '1.13万份', kind: 'count', value: 1.13 * 10000 }]))
    expect(s.recallHits).toBe(1)
    const unfolded = evaluateFigures(gold, makeResult(text, [{ raw: '1.13万份', kind: 'count', value: 1.13 }]))
    expect(unfolded).toMatchObject({ recallHits: 0, valueMismatches: 1 })
  })

  it('excludes optional gold figures from recall but accepts them for precision', () => {
    const text = '从四个方面开展，共3处。'
    const gold = makeGold([
      { text: '四个方面', line: 1, char_offset: 1, kind: 'count', value: 4, optional: true },
      { text: '3处', line: 1, char_offset: 9, kind: 'count', value: 3 },
    ])
    const none = evaluateFigures(gold, makeResult(text, []))
    expect(none).toMatchObject({ gold: 1, recallHits: 0 })
    expect(none.missed.map((m) => m.text)).toEqual(['3处'])

    const both = evaluateFigures(gold, makeResult(text, [{ raw: '四个', kind: 'count', value: 4 }, { raw: '3处', kind: 'count', value: 3 }]))
    expect(both).toMatchObject({ gold: 1, predicted: 2, recallHits: 1, precisionHits: 2 })
  })

  it('accepts a match with a gold figure of an unscored kind for precision, and reports real kind disagreements', () => {
    const text = '培训费≦500元/人/天，烟囱50米，低于90%扣分，烟囱8座'
    const gold = makeGold([
      { text: '≦500元/人/天', line: 1, char_offset: 3, kind: 'money_rate', value: 500 },
      { text: '50米', line: 1, char_offset: 15, kind: 'measure', value: 50 },
      { text: '90%', line: 1, char_offset: 21, kind: 'rule_param', value: 90 },
      { text: '8座', line: 1, char_offset: 29, kind: 'measure', value: 8 },
    ])
    const s = evaluateFigures(
      gold,
      makeResult(text, [
        { raw: '500元', kind: 'money', value: 500, yuan: 500 },
        { raw: '50米', kind: 'measure', value: 50 },
        { raw: '90%', kind: 'percent', value: 90 },
        { raw: '8座', kind: 'count', value: 8 },
      ]),
    )
    // Our measure is not a prediction; the other three match gold figures outside the recall set.
    expect(s).toMatchObject({ gold: 0, predicted: 3, precisionHits: 3, misalignedGold: 0 })
    expect(s.recall).toBeNull()
    // money for money_rate and percent for a rule_param are what the contract can say; count for a measure is not.
    expect(s.kindMismatchPairs).toHaveLength(1)
    expect(s.kindMismatchPairs[0]).toMatchObject({ ours: { kind: 'count', text: '8座' }, gold: { kind: 'measure' } })
  })

  it('matches one-to-one: a figure found twice scores once, the second is a false positive', () => {
    const text = '发放资料1.8万份'
    const gold = makeGold([{ text: '1.8万份', line: 1, char_offset: 4, kind: 'count', value: 18000 }])
    const s = evaluateFigures(
      gold,
      makeResult(text, [
        { raw: '1.8万', kind: 'count', value: 18000 },
        { raw: '1.8万份', kind: 'count', value: 18000 },
      ]),
    )
    expect(s).toMatchObject({ gold: 1, predicted: 2, recallHits: 1, precisionHits: 1 })
    expect(s.precision).toBe(0.5)
    // The larger overlap wins; the shorter duplicate is left over.
    expect(s.falsePositives).toEqual([{ line: 1, column: 5, text: '1.8万', kind: 'count', value: 18000 }])
  })

  it('requires the same line and overlapping spans', () => {
    const text = '98%\n98%'
    const gold = makeGold([{ text: '98%', line: 2, char_offset: 0, kind: 'percent', value: 98 }])
    const s = evaluateFigures(gold, makeResult(text, [{ raw: '98%', kind: 'percent', value: 98 }]))
    expect(s).toMatchObject({ recallHits: 0, precisionHits: 0, valueMismatches: 0 })
    expect(s.missed).toEqual([{ line: 2, column: 1, text: '98%', kind: 'percent', value: 98 }])
    expect(s.falsePositives).toEqual([{ line: 1, column: 1, text: '98%', kind: 'percent', value: 98 }])
  })

  it('says when a missed gold figure was found with an unscored kind', () => {
    const text = '整治隐患3处'
    const gold = makeGold([{ text: '3处', line: 1, char_offset: 4, kind: 'count', value: 3 }])
    const s = evaluateFigures(gold, makeResult(text, [{ raw: '3处', kind: 'measure', value: 3 }]))
    expect(s).toMatchObject({ gold: 1, predicted: 0, recallHits: 0 })
    expect(s.foundAsOtherKind).toHaveLength(1)
    expect(s.foundAsOtherKind[0]!.ours.kind).toBe('measure')
  })

  it('flags gold figures that are not at their stated place in the text', () => {
    const text = '收入100万元'
    const gold = makeGold([{ text: '200万元', line: 1, char_offset: 2, kind: 'money', value: 200, value_yuan: 2000000 }])
    const s = evaluateFigures(gold, makeResult(text, []))
    expect(s.misalignedGold).toBe(1)
    expect(s.misaligned[0]).toMatchObject({ line: 1, column: 3, text: '200万元' })
  })

  it('scores an unanalysed document (null result) as all gold missed', () => {
    const gold = makeGold([
      { text: '98%', line: 3, char_offset: 5, kind: 'percent', value: 98 },
      { text: '5米', line: 3, char_offset: 9, kind: 'measure', value: 5 },
    ])
    const s = evaluateFigures(gold, null)
    expect(s).toMatchObject({ gold: 1, predicted: 0, recallHits: 0, recall: 0, precision: null })
    expect(s.missed).toEqual([{ line: 3, column: 6, text: '98%', kind: 'percent', value: 98 }])
  })
})
