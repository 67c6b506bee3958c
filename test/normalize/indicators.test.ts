import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { analyzeBytes } from '../../src/analyze.js'
import type { ExtractResult, Indicator } from '../../src/contract.js'
import { findIndicators } from '../../src/normalize/indicators.js'
import { buildTables } from './table-builder.js'

async function analyzeFixture(name: string): Promise<ExtractResult> {
  const path = resolve('test/fixtures/indicators', name)
  return analyzeBytes(readFileSync(path), path)
}

const names = (rows: Indicator[]) => rows.map((i) => [i.level1, i.level2, i.level3])

describe('findIndicators on TXT tab-cell tables', () => {
  it('carries empty level cells down and skips template rows (....., 指标2, empty)', async () => {
    const r = await analyzeFixture('carry-down-and-placeholders.txt')
    expect(names(r.indicators!)).toEqual([
      ['产出指标', '数量指标', '培训人数'],
      ['产出指标', '数量指标', '发放手册'],
      ['产出指标', '质量指标', '合格率'],
      ['效益指标', '社会效益指标', '群众知晓率'],
    ])
    const first = r.indicators![0]!
    expect(first).toMatchObject({ id: 'i1', tableId: 't1', row: 1, target: { text: '200人' }, actual: { text: '215人' } })
    // Target and actual point at their cells and at the figures in them.
    expect(r.text.slice(first.target!.start, first.target!.end)).toBe('200人')
    expect(r.figures.find((f) => f.id === first.target!.figureId)?.raw).toBe('200人')
    expect(r.figures.find((f) => f.id === first.actual!.figureId)?.value).toBe(215)
    expect(r.text.split('\n')[first.line - 1]).toBe('\t培训人数')
    expect(first).not.toHaveProperty('weight')
    expect(first).not.toHaveProperty('score')
  })

  it('reads 分值, 得分 and 偏差原因 when the table has them; the 合计 row is no indicator', async () => {
    const r = await analyzeFixture('self-evaluation-with-scores.txt')
    expect(r.indicators!.map((i) => [i.level3, i.target?.text, i.actual?.text, i.weight, i.score, i.reason])).toEqual([
      ['维修道路', '10公里', '8公里', 20, 16, '雨季延误'],
      ['完工时间', '12月底前', '11月', 10, 10, '无'],
    ])
  })

  it('takes 指标名称 as the indicator of a table without levels (目标值 / 实际值 synonyms)', async () => {
    const r = await analyzeFixture('flat-indicator-names.txt')
    expect(names(r.indicators!)).toEqual([
      [null, null, '培训人数'],
      [null, null, '满意度'],
    ])
    expect(r.indicators![1]!.actual!.text).toBe('95%')
  })

  it('finds nothing in tables without an indicator header', async () => {
    const text = '单位：万元\n\t项目\n\t预算数\n\t执行数\n\n\t合计\n\t582.77\n\t577.35\n\n\n结束。\n'
    const r = await analyzeBytes(new TextEncoder().encode(text), 'money.txt')
    expect(r.tables!.length).toBe(1)
    expect(r.indicators).toEqual([])
  })
})

describe('findIndicators on tables with merged cells and in pieces', () => {
  it('follows rowSpan merges on the grid (a DOCX 一级指标 cell over three rows)', () => {
    const input = buildTables([
      {
        rows: [
          ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值'],
          [{ text: '产出指标', rowSpan: 3 }, { text: '数量指标', rowSpan: 2 }, '培训人数', '200人', '215人'],
          ['发放手册', '1000份', '1200份'],
          ['质量指标', '合格率', '95%', '98%'],
        ],
      },
    ])
    const rows = findIndicators(input)
    expect(names(rows)).toEqual([
      ['产出指标', '数量指标', '培训人数'],
      ['产出指标', '数量指标', '发放手册'],
      ['产出指标', '质量指标', '合格率'],
    ])
    expect(rows.map((i) => i.target?.text)).toEqual(['200人', '1000份', '95%'])
  })

  it('reads a header written over two rows (指标值 merged over 年度指标值 | 实际完成值)', () => {
    const input = buildTables([
      {
        rows: [
          [{ text: '一级指标', rowSpan: 2 }, { text: '二级指标', rowSpan: 2 }, { text: '三级指标', rowSpan: 2 }, { text: '指标值', colSpan: 2 }],
          ['年度指标值', '实际完成值'],
          ['产出指标', '数量指标', '培训人数', '200人', '215人'],
        ],
      },
    ])
    expect(findIndicators(input).map((i) => [i.level3, i.target?.text, i.actual?.text])).toEqual([['培训人数', '200人', '215人']])
  })

  it('continues a table cut into pieces when only a page number lies between', () => {
    const input = buildTables([
      {
        rows: [
          ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值'],
          ['产出指标', '数量指标', '培训人数', '200人', '215人'],
        ],
      },
      { before: '- 3 -', rows: [['', '', '发放手册', '1000份', '1200份']] },
    ])
    const rows = findIndicators(input)
    expect(rows.map((i) => [i.tableId, i.level1, i.level3])).toEqual([
      ['t1', '产出指标', '培训人数'],
      ['t2', '产出指标', '发放手册'],
    ])
  })

  it('takes the header from the piece before when the header row stands alone', () => {
    const input = buildTables([
      { rows: [['一级指标', '二级指标', '三级指标', '指标值', '完成值']] },
      { rows: [['产出指标', '数量指标', '培训人数', '200人', '215人']] },
    ])
    expect(names(findIndicators(input))).toEqual([['产出指标', '数量指标', '培训人数']])
  })

  it('does not join pieces separated by narrative, or of another width', () => {
    const narrative = buildTables([
      { rows: [['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值']] },
      { before: '本年度共完成培训两期，效果良好。', rows: [['产出指标', '数量指标', '培训人数', '200人', '215人']] },
    ])
    expect(findIndicators(narrative)).toEqual([])
    const wider = buildTables([
      { rows: [['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值']] },
      { rows: [['产出指标', '数量指标', '培训人数', '200人', '215人', '良好']] },
    ])
    expect(findIndicators(wider)).toEqual([])
  })

  it('ends the rows at the next group label left of the header (the form goes on)', () => {
    const input = buildTables([
      {
        rows: [
          ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值'],
          ['', '产出指标', '数量指标', '培训人数', '200人', '215人'],
          ['满意度调查', '', '', '问卷数', '300份', '280份'],
        ],
      },
    ])
    expect(names(findIndicators(input))).toEqual([['产出指标', '数量指标', '培训人数']])
  })
})

describe('findIndicators on the 002 seed', () => {
  const SEED = resolve('corpus/002_df2f04f55971090d')

  it('reads the 18 rows of the 绩效指标 table of the TXT rendering', async () => {
    const r = await analyzeBytes(readFileSync(SEED + '.txt'), SEED + '.txt')
    const rows = r.indicators!
    expect(rows.length).toBe(18)
    const hazard = rows.find((i) => i.level3 === '隐患排查整治')!
    expect(hazard).toMatchObject({ level1: '产生指标', level2: '数量指标', target: { text: '100处以上' }, actual: { text: '370处以上' } })
    expect(r.figures.find((f) => f.id === hazard.actual!.figureId)).toMatchObject({ value: 370, unit: '处' })
    expect(r.text.split('\n')[hazard.line - 1]).toBe('\t隐患排查整治')
    // 效益指标 is written once and holds down to 可持续影响指标; placeholders never become rows.
    expect(rows.filter((i) => i.level1 === '效益指标').map((i) => i.level2)).toEqual([
      '经济效益指标', '社会效益指标', '社会效益指标', '生态效益指标', '可持续影响指标', '可持续影响指标',
    ])
    expect(rows.some((i) => /^\.+$|^指标\d$/.test(i.level3 ?? ''))).toBe(false)
    expect(rows.at(-1)).toMatchObject({ level1: '满意度指标', level2: '服务对象满意度指标', level3: '政府机构人员满意率' })
  })

  it('reads the same rows from the DOCX and PDF renderings', async () => {
    const txt = await analyzeBytes(readFileSync(SEED + '.txt'), SEED + '.txt')
    const shape = (r: ExtractResult) => r.indicators!.map((i) => [i.level1, i.level2, i.level3, i.target?.text, i.actual?.text])
    for (const ext of ['.docx', '.pdf']) {
      const r = await analyzeBytes(readFileSync(SEED + ext), SEED + ext)
      expect(shape(r)).toEqual(shape(txt))
    }
  })
})
