import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { analyzeBytes } from '../../src/analyze.js'
import { LineIndex } from '../../src/document.js'
import { agrees, findRates } from '../../src/validate/scoring-rates.js'
import { readScoreSheets, sheetFigures } from '../../src/validate/scoring-table.js'

async function ratesIn(text: string) {
  const { findings: _ignored, ...doc } = await analyzeBytes(Buffer.from(text, 'utf8'), 'rates.txt')
  const skip = sheetFigures(readScoreSheets(doc), doc.figures)
  const lines = new LineIndex(doc.text)
  return (indicator: string) => {
    const r = findRates(doc, lines, indicator, skip)
    if (!r) return null
    return {
      topic: r.topic?.id ?? null,
      stated: r.stated.map((c) => `${c.value}@${c.figures.map((f) => f.line).join(',')}`),
      computed: r.computed ? r.computed.value : null,
      agrees: r.computed ? r.stated.map((s) => agrees(s, r.computed!)) : [],
    }
  }
}

describe('findRates on the 002 seed', () => {
  it('prefers the statement where the indicator is discussed over the summary table', async () => {
    const rates = await ratesIn(readFileSync(resolve('corpus/002_df2f04f55971090d.txt'), 'utf8'))
    expect(rates('预算完成率')).toEqual({ topic: 'execution', stated: ['90.45@900'], computed: 99.07, agrees: [false] })
    // 预算调整率为71.18% stands in the paragraph headed 预算控制率; the table's 调整率 0% does not count.
    expect(rates('预算控制率')).toEqual({ topic: 'adjustment', stated: ['71.18@902'], computed: 140.47, agrees: [false] })
    expect(rates('公用经费控制率')).toEqual({ topic: 'public-funds', stated: ['95@906'], computed: 109.06, agrees: [false] })
    expect(rates('在职人员控制率')).toEqual({ topic: 'staffing', stated: ['100@894'], computed: 100, agrees: [true] })
    expect(rates('“三公经费”变动率')).toEqual({ topic: 'three-public-change', stated: ['0@896'], computed: null, agrees: [] })
    expect(rates('“三公经费”控制率')).toMatchObject({ topic: 'three-public-control', stated: ['65.01@951'] })
  })

  it('has nothing to say about indicators that are not rates', async () => {
    const rates = await ratesIn(readFileSync(resolve('corpus/002_df2f04f55971090d.txt'), 'utf8'))
    expect(rates('管理制度健全性')).toBeNull()
  })
})

describe('findRates on synthetic reports', () => {
  it('falls back to statements elsewhere, and to the rate named exactly for indicators without a topic', async () => {
    const rates = await ratesIn('一、概况\n全年预算执行率98%。\n二、项目\n本年度项目验收合格率为92%，项目完成率100%。\n')
    expect(rates('预算执行率')).toMatchObject({ topic: 'execution', stated: ['98@2'] })
    expect(rates('项目验收合格率')).toEqual({ topic: null, stated: ['92@4'], computed: null, agrees: [] })
  })

  it('ignores the prior year’s rate stated beside this year’s', async () => {
    const rates = await ratesIn('（一）预算执行率：上年预算执行率为85%，本年预算执行率为97%。\n')
    expect(rates('预算执行率')).toMatchObject({ stated: ['97@1'] })
  })

  it('ignores targets and bounds (≥90%)', async () => {
    const rates = await ratesIn('绩效目标：群众满意率≥90%。\n')
    expect(rates('群众满意率')).toEqual({ topic: null, stated: [], computed: null, agrees: [] })
  })
})
