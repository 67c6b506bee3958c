import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { analyzeBytes } from '../../src/analyze.js'
import type { ExtractResult } from '../../src/contract.js'
import { findScores } from '../../src/normalize/score-table.js'
import { buildTables } from './table-builder.js'

async function analyzeFixture(name: string): Promise<ExtractResult> {
  const path = resolve('test/fixtures/indicators', name)
  return analyzeBytes(readFileSync(path), path)
}

describe('findScores on TXT tab-cell tables', () => {
  it('reads each level-3 row with its weight (（10分） → 10) and score, and the stated 合计', async () => {
    const r = await analyzeFixture('score-table-levels.txt')
    expect(r.scores!.map((s) => [s.path.join('/'), s.level, s.weight, s.score])).toEqual([
      ['投入/预算配置/人员控制率', 3, 10, 10],
      ['投入/预算配置/经费变动率', 3, 10, 9],
      // 评价标准 and 指标说明 are one cell in this row: 得分 is still the last column.
      ['产出/履职效益/经济效益', 3, 10, 24],
      ['产出/履职效益/社会效益', 3, 10, null],
      ['产出/履职效益/生态效益', 3, 10, null],
    ])
    const first = r.scores![0]!
    expect(r.figures.find((f) => f.id === first.weightFigureId)?.raw).toBe('10分')
    expect(r.figures.find((f) => f.id === first.scoreFigureId)?.raw).toBe('10')
    expect(r.text.split('\n')[first.line - 1]).toBe('\t人员控制率')
    expect(r.scoreTotals).toEqual([
      { tableId: 't1', stated: expect.objectContaining({ value: 43 }), sumOfScores: 43, sumOfWeights: 50, rows: 5 },
    ])
    const stated = r.scoreTotals![0]!.stated!
    expect(r.text.slice(stated.start, stated.end)).toBe('43')
    expect(r.text.split('\n')[stated.line - 1]).toBe('\t43')
  })

  it('reads a 自评表 with 得分 too, with the 分值 and score of its 合计 row', async () => {
    const r = await analyzeFixture('self-evaluation-with-scores.txt')
    expect(r.scores!.map((s) => [s.indicator, s.weight, s.score])).toEqual([
      ['维修道路', 20, 16],
      ['完工时间', 10, 10],
    ])
    expect(r.scoreTotals).toEqual([
      { tableId: 't1', stated: expect.objectContaining({ value: 26 }), statedWeight: 30, sumOfScores: 26, sumOfWeights: 30, rows: 2 },
    ])
  })

  it('finds no scores in a 绩效指标 table without 得分', async () => {
    const r = await analyzeFixture('carry-down-and-placeholders.txt')
    expect(r.scores).toEqual([])
    expect(r.scoreTotals).toEqual([])
  })
})

describe('findScores on hand-built tables', () => {
  const header = ['一级指标', '分值', '二级指标', '分值', '三级指标', '分值', '得分']

  it('opens an unnamed group where a level has a 分值 but no name, and ignores numbers in name columns', () => {
    const input = buildTables([
      {
        rows: [
          header,
          ['产出', '（20分）', '履职效益', '（8分）', '经济效益', '（8分）', '7'],
          ['', '', '', '（12分）', '行政效能', '（6分）', '5'],
          ['55', '', '', '', '满意度', '（6分）', '6'],
        ],
      },
    ])
    const { scores, totals } = findScores(input)
    expect(scores.map((s) => s.path)).toEqual([
      ['产出', '履职效益', '经济效益'],
      ['产出', '行政效能'],
      ['产出', '满意度'],
    ])
    expect(totals).toEqual([{ tableId: 't1', stated: null, sumOfScores: 18, sumOfWeights: 20, rows: 3 }])
  })

  it('scores a row at the deepest level it names, weighed by that level', () => {
    const input = buildTables([
      {
        rows: [
          header,
          ['投入', '（10分）', '预算编制', '（10分）', '', '', '9'],
          ['合计', '', '', '', '', '', '9'],
        ],
      },
    ])
    const { scores, totals } = findScores(input)
    expect(scores.map((s) => [s.indicator, s.level, s.path, s.weight, s.score])).toEqual([['预算编制', 2, ['投入', '预算编制'], 10, 9]])
    expect(totals[0]!.stated).toMatchObject({ value: 9 })
  })

  it('joins words a narrow column wrapped (投\\n\\n入 → 投入)', () => {
    const input = buildTables([{ rows: [header, ['投\n\n入', '（10分）', '预算 配置', '（10分）', '人员控制率', '（10分）', '10']] }])
    expect(findScores(input).scores[0]!.path).toEqual(['投入', '预算配置', '人员控制率'])
  })
})

describe('findScores on the 002 seed', () => {
  it('reads the 17 rows of the 计分表 with weights and scores and the stated total 95', async () => {
    const path = resolve('corpus/002_df2f04f55971090d.txt')
    const r = await analyzeBytes(readFileSync(path), path)
    const scores = r.scores!
    expect(scores.length).toBe(17)
    expect(scores[0]).toMatchObject({ path: ['投入', '预算配置', '在职人员控制率'], weight: 7, score: 7 })
    expect(scores.map((s) => s.weight)).toEqual([7, 8, 5, 5, 5, 5, 7, 8, 8, 5, 2, 8, 5, 5, 5, 6, 6])
    expect(scores.map((s) => s.score)).toEqual([7, 8, 5, 5, 5, 5, 7, 8, 8, 5, 2, 8, 12, null, null, 5, 5])
    // The table restates 过程 after a page break: 预算管理 goes on under it.
    expect(scores[8]!.path).toEqual(['过程', '预算管理', '管理制度健全性'])
    // （5人） is a unit slip for （5分）: the weight is still 5, its figure says 人.
    expect(r.figures.find((f) => f.id === scores[12]!.weightFigureId)?.unit).toBe('人')
    // 行政效能 has a 二级 分值 (12分) but no 二级 name.
    expect(scores[15]!.path).toEqual(['产出及效率', '行政效能'])
    expect(r.scoreTotals).toEqual([
      { tableId: 't3', stated: expect.objectContaining({ value: 95, line: 654 }), sumOfScores: 95, sumOfWeights: 100, rows: 17 },
    ])
  })
})
