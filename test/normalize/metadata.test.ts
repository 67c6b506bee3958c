import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { analyzeFile } from '../../src/analyze.js'
import type { Section } from '../../src/contract.js'
import { LineIndex, type SourceDocument } from '../../src/document.js'
import { evaluateMetadata } from '../../src/eval/metadata.js'
import { GoldDocumentSchema } from '../../src/eval/gold.js'
import { describeDocument } from '../../src/normalize/metadata.js'

/** describeDocument over `text`, with its first line as the title heading (as the section finder gives it). */
function describeText(text: string, titled = true) {
  const lines = new LineIndex(text)
  const doc: SourceDocument = { id: 'a'.repeat(64), path: 'x.txt', format: 'txt', text, blocks: [], tables: [], diagnostics: [] }
  const first = lines.lineSpan(1)
  const title: Section = { id: 's1', level: 0, number: '', title: text.slice(first.start, first.end), line: 1, parentId: null, start: 0, end: text.length, heading: first }
  return describeDocument(doc, lines, titled ? [title] : [])
}

describe('describeDocument', () => {
  it('describes a county-level city’s self-evaluation published the next year', () => {
    const text = ['醴陵市民政局2022年度部门整体支出绩效自评报告', '一、部门概况', '本次自评工作……自评得分96分。', '醴陵市民政局', '2023年4月10日'].join('\n')
    const r = describeText(text)
    expect(r.value).toMatchObject({
      title: '醴陵市民政局2022年度部门整体支出绩效自评报告',
      department: '醴陵市民政局',
      region: { province: '湖南省', city: '株洲市', county: '醴陵市', code: '430281' },
      fiscalYear: 2022,
      kind: '部门整体支出绩效自评报告',
      selfScore: 96,
    })
    expect(r.diagnostics).toEqual([])
  })

  it('completes a district’s name with the city the text names', () => {
    const text = ['西湖区财政局整体支出绩效自评报告', '（2022年度）', '贯彻浙江省和杭州市的部署。', '西湖区财政局'].join('\n')
    expect(describeText(text).value).toMatchObject({ department: '杭州市西湖区财政局', region: { city: '杭州市', code: '330106' }, fiscalYear: 2022 })
  })

  it('leaves an ambiguous district open with an info diagnostic', () => {
    const r = describeText(['西湖区财政局整体支出绩效自评报告', '（2022年度）', '全区财政工作。'].join('\n'))
    expect(r.value).toMatchObject({ department: '西湖区财政局', region: { province: null, city: null, county: '西湖区', code: null } })
    expect(r.diagnostics.map((d) => d.code)).toEqual(['region-ambiguous'])
  })

  it('describes a provincial department, which has no city or county', () => {
    const r = describeText(['湖南省应急管理厅2023年度部门整体支出绩效自评报告', '自评得分93分'].join('\n'))
    expect(r.value).toMatchObject({ department: '湖南省应急管理厅', region: { province: '湖南省', city: null, county: null, code: '430000' }, fiscalYear: 2023, selfScore: 93 })
  })

  it('reads the first lines when no title heading was found, and says what it could not find', () => {
    const r = describeText(['部门整体支出绩效自评报告', '全区工作。'].join('\n'), false)
    expect(r.value).toMatchObject({ title: null, department: null, region: null, fiscalYear: null, kind: '部门整体支出绩效自评报告', selfScore: null })
    expect(r.diagnostics.map((d) => d.code).sort()).toEqual(['fiscal-year-missing', 'region-unresolved'])
  })

  it('does not take a table cell among the first lines for a title', () => {
    const r = describeText(['附件3', '2022年部门整体支出绩效自评表', '\t预算单位名称', '\t桃源县林业局'].join('\n'), false)
    expect(r.value).toMatchObject({ kind: '部门整体支出绩效自评表', department: '桃源县林业局', fiscalYear: 2022 })
  })
})

// The five seeds in every rendering, against the hand-made gold (skipped where the gold is absent).
const GOLD = '/work/shared/gold'
const CORPUS = join(import.meta.dirname, '../../corpus')
const seeds = existsSync(GOLD) ? readdirSync(GOLD).filter((f) => /^\d+\.json$/.test(f)) : []
const renderings = seeds.flatMap((g) => {
  const gold = GoldDocumentSchema.parse(JSON.parse(readFileSync(join(GOLD, g), 'utf8')))
  const stem = gold.file.replace(/\.txt$/, '')
  return ['txt', 'docx', 'pdf'].map((ext) => join(CORPUS, `${stem}.${ext}`)).filter(existsSync).map((path) => ({ path, gold }))
})

describe.skipIf(renderings.length === 0)('the seed corpus', () => {
  it.each(renderings.map((r) => [r.path.split('/').at(-1)!, r] as const))('%s has the gold metadata', async (_, { path, gold }) => {
    const result = await analyzeFile(path)
    const score = evaluateMetadata(gold, result.document)
    expect(score.checks.filter((c) => !c.correct)).toEqual([])
    expect(score.checks).toHaveLength(5)
  }, 30_000)
})
