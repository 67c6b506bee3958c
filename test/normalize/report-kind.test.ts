import { describe, expect, it } from 'vitest'
import { findReportKind, kindOfTitle } from '../../src/normalize/report-kind.js'

const titles = (...ts: string[]) => ts.map((title, i) => ({ start: i * 100, end: i * 100 + title.length, title }))

describe('kindOfTitle', () => {
  it.each([
    ['西湖区应急管理局整体支出绩效自评报告', '部门整体支出绩效自评报告'],
    ['攀枝花市仁和区应急管理局部门预算整体绩效自评报告', '部门整体支出绩效自评报告'],
    ['部门整体绩效自评情况', '部门整体支出绩效自评报告'],
    ['2022年部门整体支出绩效自评表', '部门整体支出绩效自评表'],
    ['2022年度项目支出绩效自评表', '项目支出绩效自评表'],
    ['2022年部门整体支出绩效评价基础数据表', '绩效评价基础数据表'],
    ['2022年部门整体支出绩效自评指标计分表', '绩效自评指标计分表'],
    ['农村公路养护项目支出绩效自评报告', '项目支出绩效自评报告'],
    ['常宁市应急管理局2023年整体支出绩效评价报告', '部门整体支出绩效评价报告'],
    ['某县教育局2022年度部门决算公开说明', '部门决算'],
    ['某县教育局2024年部门预算', '部门预算'],
    ['一、部门概况', null],
    ['预算单位名称', null], // a table label, not a 部门预算
  ])('%s → %s', (title, kind) => expect(kindOfTitle(title)).toBe(kind))
})

describe('findReportKind', () => {
  it('names each part of a bundle of attachments, in order', () => {
    const r = findReportKind('', titles('2022年部门整体支出绩效自评表', '2022年部门整体支出绩效评价基础数据表', '2022年部门整体支出绩效自评指标计分表', '部门整体支出绩效评价报告'))
    expect(r.value).toBe('部门整体支出绩效自评表+绩效评价基础数据表+绩效自评指标计分表+部门整体支出绩效评价报告')
  })

  it('reads a single 评价报告 that calls itself a 自评 as a self-evaluation report', () => {
    const text = '本次绩效自评评价小组……形成绩效自评书面报告。自评分97分。'
    expect(findReportKind(text, titles('常宁市应急管理局2023年整体支出绩效评价报告')).value).toBe('部门整体支出绩效自评报告')
  })

  it('keeps 评价报告 for a third-party evaluation, a single mention of 自评, or a report inside a bundle', () => {
    const third = '受托第三方机构开展评价。参考部门自评材料，复核自评结果。'
    expect(findReportKind(third, titles('某县财政局2022年度整体支出绩效评价报告')).value).toBe('部门整体支出绩效评价报告')
    expect(findReportKind('参考自评材料。', titles('某县财政局2022年度整体支出绩效评价报告')).value).toBe('部门整体支出绩效评价报告')
    const bundle = findReportKind('自评 自评 自评', titles('部门整体支出绩效自评表', '部门整体支出绩效评价报告'))
    expect(bundle.value).toBe('部门整体支出绩效自评表+部门整体支出绩效评价报告')
  })

  it('counts a kind once when two titles name it', () => {
    expect(findReportKind('', titles('部门整体支出绩效自评报告', '整体支出绩效自评报告（2022年度）')).value).toBe('部门整体支出绩效自评报告')
  })

  it('gives null and says so when no title names a kind', () => {
    const r = findReportKind('', titles('一、部门概况'))
    expect(r.value).toBeNull()
    expect(r.diagnostics).toEqual([expect.objectContaining({ level: 'info', code: 'report-kind-unknown' })])
  })
})
