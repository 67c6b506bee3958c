import { describe, expect, it } from 'vitest'
import type { DocumentInfo } from '../../src/contract.js'
import { GoldDocumentSchema } from '../../src/eval/gold.js'
import { addMetadataCounts, codeNamesRegion, describeMetadata, emptyMetadataCounts, evaluateMetadata, kindMatches, metadataAccuracy, metadataColumns } from '../../src/eval/metadata.js'

const gold = (keys: Record<string, unknown>) => GoldDocumentSchema.parse({ file: 'synthetic.txt', figures: [], sections: [], ...keys })

const goldKeys = {
  department: '益阳市大通湖区应急管理局',
  region: { province: '湖南省', city: '益阳市', county: '大通湖区' },
  fiscal_year: 2022,
  report_kind: '自评表+计分表+评价报告',
  self_score: 95,
}

const ours: DocumentInfo = {
  id: '0'.repeat(64),
  path: 'synthetic.txt',
  format: 'txt',
  title: null,
  department: '益阳市大通湖区应急管理局',
  region: { province: '湖南省', city: '益阳市', county: '大通湖区', code: '430971' },
  fiscalYear: 2022,
  kind: '部门整体支出绩效自评表+绩效自评指标计分表+部门整体支出绩效评价报告',
  selfScore: 95,
}

describe('kindMatches', () => {
  it.each([
    ['自评报告', '部门整体支出绩效自评报告', true],
    ['自评表+基础数据表+计分表+评价报告', '部门整体支出绩效自评表+绩效评价基础数据表+绩效自评指标计分表+部门整体支出绩效评价报告', true],
    ['自评报告', '部门整体支出绩效评价报告', false], // 评价 is not 自评
    ['自评报告', '部门整体支出绩效自评报告+部门整体支出绩效自评表', false], // a part too many
    ['自评表+评价报告', '部门整体支出绩效自评表', false], // a part missing
    ['评价报告+自评表', '部门整体支出绩效自评表+部门整体支出绩效评价报告', false], // order
    ['自评报告', null, false],
  ])('%s vs %s → %s', (g, o, ok) => expect(kindMatches(g, o)).toBe(ok))
})

describe('codeNamesRegion', () => {
  it('accepts a code whose division is written as our county (alias included)', () => {
    expect(codeNamesRegion({ province: '湖南省', city: '益阳市', county: '大通湖区', code: '430971' })).toEqual({ ok: true })
    expect(codeNamesRegion({ province: '湖南省', city: null, county: null, code: '430000' })).toEqual({ ok: true })
    expect(codeNamesRegion({ province: '北京市', city: '北京市', county: '朝阳区', code: '110105' })).toEqual({ ok: true })
  })

  it('rejects a code of another county, of another level, unknown or missing', () => {
    expect(codeNamesRegion({ province: '江西省', city: '南昌市', county: '西湖区', code: '330106' })).toEqual({ ok: false, note: 'code 330106 is under 浙江省杭州市' })
    expect(codeNamesRegion({ province: '湖南省', city: '衡阳市', county: '常宁市', code: '430481' })).toMatchObject({ ok: false, note: 'code 430481 is 耒阳市, not 常宁市' })
    expect(codeNamesRegion({ province: '湖南省', city: '衡阳市', county: '常宁市', code: '430400' }).ok).toBe(false)
    expect(codeNamesRegion({ province: '湖南省', city: '衡阳市', county: '常宁市', code: '999999' }).ok).toBe(false)
    expect(codeNamesRegion({ province: '湖南省', city: '衡阳市', county: '常宁市', code: null }).ok).toBe(false)
  })
})

describe('evaluateMetadata', () => {
  it('scores every field the gold states', () => {
    const s = evaluateMetadata(gold(goldKeys), ours)
    expect(s.correct).toEqual({ department: 1, fiscalYear: 1, kind: 1, selfScore: 1, region: 1 })
    expect(s.accuracy).toBe(1)
    expect(describeMetadata(s)).toEqual(['metadata: 5/5 fields right'])
  })

  it('lists what is wrong, with the gold and our values', () => {
    const wrong = { ...ours, department: '大通湖区应急管理局', fiscalYear: 2023, selfScore: null, region: { ...ours.region!, code: '430900' } }
    const s = evaluateMetadata(gold(goldKeys), wrong)
    expect(s.correct).toEqual({ department: 0, fiscalYear: 0, kind: 1, selfScore: 0, region: 0 })
    expect(s.accuracy).toBe(0.2)
    expect(describeMetadata(s)).toEqual([
      'metadata: 1/5 fields right',
      '  department  gold 益阳市大通湖区应急管理局; ours 大通湖区应急管理局',
      '  fiscalYear  gold 2022; ours 2023',
      '  selfScore   gold 95; ours null',
      '  region      gold {"province":"湖南省","city":"益阳市","county":"大通湖区"}; ours {"province":"湖南省","city":"益阳市","county":"大通湖区","code":"430900"} (code 430900 is 益阳市, not 大通湖区)',
    ])
  })

  it('expects null where the gold says null, and skips keys the gold lacks or mistypes', () => {
    const s = evaluateMetadata(gold({ self_score: null, fiscal_year: '2022', department: '益阳市大通湖区应急管理局' }), ours)
    expect(s.evaluated).toEqual({ department: 1, fiscalYear: 0, kind: 0, selfScore: 1, region: 0 })
    expect(s.correct).toMatchObject({ department: 1, selfScore: 0 })
    expect(evaluateMetadata(gold({}), ours).accuracy).toBeNull()
  })

  it('counts every field wrong when the analysis failed', () => {
    const s = evaluateMetadata(gold({ ...goldKeys, self_score: null }), null)
    expect(s.evaluated.selfScore).toBe(1)
    expect(s.correct).toEqual({ department: 0, fiscalYear: 0, kind: 0, selfScore: 0, region: 0 })
  })

  it('sums counts over documents and prints right/evaluated per field', () => {
    const a = evaluateMetadata(gold(goldKeys), ours)
    const b = evaluateMetadata(gold(goldKeys), { ...ours, fiscalYear: null })
    const sum = addMetadataCounts(addMetadataCounts(emptyMetadataCounts(), a), b)
    expect(metadataAccuracy(sum)).toBe(0.9)
    expect(metadataColumns.map((c) => [c.header, c.cell(sum)])).toEqual([
      ['dept', '2/2'],
      ['year', '1/2'],
      ['kind', '2/2'],
      ['score', '2/2'],
      ['region', '2/2'],
      ['acc', '90.0%'],
    ])
  })
})
