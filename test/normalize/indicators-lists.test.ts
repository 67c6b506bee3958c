import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { analyzeBytes } from '../../src/analyze.js'
import type { ExtractResult } from '../../src/contract.js'

async function analyze(path: string): Promise<ExtractResult> {
  return analyzeBytes(readFileSync(path), path)
}

describe('indicators written as narrative lists (数量指标：…)', () => {
  it('reads one indicator per key, in the section of its project, with the figure of its text', async () => {
    const r = await analyze(resolve('test/fixtures/indicators/narrative-list.txt'))
    const section = (id: string | null | undefined) => r.sections.find((s) => s.id === id)?.title
    expect(r.indicators!.map((i) => [section(i.sectionId), i.level1, i.level2, i.actual?.text])).toEqual([
      ['道路维修项目', '产出指标', '数量指标', '维修道路8公里。'],
      // Two keys on one line: each value runs to the next key, the separator dropped.
      ['道路维修项目', '产出指标', '质量指标', '验收合格率100%'],
      ['道路维修项目', '产出指标', '时效指标', '11月完工。'],
      ['道路维修项目', '效益指标', '社会效益指标', '改善群众出行条件。'],
      ['道路维修项目', '满意度指标', '满意度指标', '群众满意度95%以上。'],
      // A line of empty keys is skipped; converter markup before a key is not.
      ['培训项目', '产出指标', '数量指标', '培训200人次。'],
      ['培训项目', '满意度指标', '满意度指标', '学员满意度98%。'],
    ])
    for (const i of r.indicators!) {
      expect(i.tableId).toBeUndefined()
      expect(i.level3).toBeNull()
      expect(i.target).toBeNull()
      expect(r.text.slice(i.actual!.start, i.actual!.end)).toBe(i.actual!.text)
    }
    const first = r.indicators![0]!
    expect(r.figures.find((f) => f.id === first.actual!.figureId)).toMatchObject({ value: 8, unit: '公里' })
    expect(r.indicators!.map((i) => i.id)).toEqual(['i1', 'i2', 'i3', 'i4', 'i5', 'i6', 'i7'])
  })

  it('leaves a lone key line in prose and table cells alone', async () => {
    const r = await analyze(resolve('test/fixtures/indicators/narrative-list.txt'))
    expect(r.indicators!.some((i) => i.actual?.text.includes('正文'))).toBe(false)
    expect(r.indicators!.some((i) => i.actual?.text.includes('表内'))).toBe(false)
  })

  it('reads the 102 list lines of the 003 seed, every project under its own heading', async () => {
    const r = await analyze(resolve('corpus/003_f7f3d033ce8efc18.txt'))
    const rows = r.indicators!
    expect(rows.length).toBe(102)
    const rescue = rows.filter((i) => r.sections.find((s) => s.id === i.sectionId)?.title === '综合应急救援队建队专项资金')
    expect(rescue.map((i) => i.level2)).toEqual(['数量指标', '质量指标', '时效指标', '成本指标', '社会效益指标', '满意度指标'])
    expect(rescue[3]!.actual!.text).toBe('558.08万元万元，2021年底支付278.47万元')
    // [bookmark: _GoBack]时效指标：… (line 125) is still a list line.
    expect(rows.find((i) => i.line === 125)).toMatchObject({ level2: '时效指标', actual: { text: '2022年底按时完成' } })
  })
})
