import { describe, expect, it } from 'vitest'
import { evaluateSections } from '../../src/eval/sections.js'
import { makeGold, makeResult } from './synthetic.js'

const text = ['报告标题', '一、基本情况', '正文', '（一）收入', '4、问题', '（1）细目', '结尾'].join('\n')

describe('evaluateSections', () => {
  const gold = makeGold(
    [],
    [
      { line: 1, level: 0, title: '报告标题' },
      { line: 2, level: 1, number: '一、', title: '基本情况' },
      { line: 4, level: 2, number: '（一）', title: '收入' },
      { line: 5, level: 1, number: '4、', title: '问题', style_level: 3 },
    ],
  )

  it('matches headings by line and measures level accuracy among the matched', () => {
    const result = makeResult(text, [], [
      { line: 2, level: 1, number: '一、', title: '基本情况' },
      { line: 4, level: 2, number: '（一）', title: '收入' },
      { line: 5, level: 3, number: '4、', title: '问题' },
      { line: 6, level: 4, number: '（1）', title: '细目' },
    ])
    const s = evaluateSections(gold, result)
    expect(s).toMatchObject({ gold: 4, predicted: 4, matched: 3, levelCorrect: 2 })
    expect(s.precision).toBe(0.75)
    expect(s.recall).toBe(0.75)
    expect(s.levelAccuracy).toBeCloseTo(2 / 3)
    expect(s.missed).toEqual([{ line: 1, level: 0, number: '', title: '报告标题' }])
    expect(s.extra).toEqual([{ line: 6, level: 4, number: '（1）', title: '细目' }])
    expect(s.levelWrong).toEqual([
      { gold: { line: 5, level: 1, number: '4、', title: '问题', styleLevel: 3 }, ours: { line: 5, level: 3, number: '4、', title: '问题' } },
    ])
  })

  it('matches one-to-one, preferring the heading at the gold level when two share a line', () => {
    const result = makeResult(text, [], [
      { line: 2, level: 3 },
      { line: 2, level: 1 },
    ])
    const s = evaluateSections(gold, result)
    expect(s).toMatchObject({ predicted: 2, matched: 1, levelCorrect: 1 })
    expect(s.extra.map((e) => e.level)).toEqual([3])
  })

  it('gives no rate for nothing predicted, and misses everything for an unanalysed document', () => {
    const empty = evaluateSections(gold, makeResult(text))
    expect(empty).toMatchObject({ predicted: 0, matched: 0, precision: null, recall: 0, levelAccuracy: null })
    expect(evaluateSections(gold, null).missed).toHaveLength(4)
  })
})
