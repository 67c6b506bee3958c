import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { analyzeBytes } from '../../src/analyze.js'
import type { Group } from '../../src/validate/scoring-table.js'
import { readScoreSheets, sheetFigures } from '../../src/validate/scoring-table.js'
import { pipeTable } from './scoring-fixtures.js'

async function sheetsOf(text: string) {
  const { findings: _ignored, ...doc } = await analyzeBytes(Buffer.from(text, 'utf8'), 'sheet.txt')
  return { doc, sheets: readScoreSheets(doc) }
}

/** name(weight)[members] with items as name:weight/score. */
function outline(group: Group): string {
  const items = group.items.map((i) => `${i.row.indicator}:${i.weight?.value}/${i.score?.value ?? '-'}`)
  return `${group.name ?? '∅'}(${group.weight?.value ?? '?'})[${[...group.groups.map(outline), ...items].join(' ')}]`
}

describe('readScoreSheets on the 002 seed', () => {
  it('rebuilds the groups with their 分值: a restated 过程 goes on, a 分值 without a name opens a group', async () => {
    const text = readFileSync(resolve('corpus/002_df2f04f55971090d.txt'), 'utf8')
    const { sheets } = await sheetsOf(text)
    expect(sheets).toHaveLength(1)
    const sheet = sheets[0]!
    expect(sheet.groups.map(outline)).toEqual([
      '投入(15)[预算配置(15)[在职人员控制率:7/7 “三公经费”变动率:8/8]]',
      '过程(50)[预算执行(20)[预算完成率:5/5 预算控制率:5/5 新建楼堂馆所面积控制率:5/5 新建楼堂馆所投资概算控制率:5/5] 预算管理(30)[公用经费控制率:7/7 “三公经费”控制率:8/8 管理制度健全性:8/8 资金使用合规性:5/5 预决算信息公开性:2/2]]',
      '产出及效率(35)[职责履行(8)[目标任务实际完成率:8/8] 履职效益(15)[经济效益:5/12 社会效益:5/- 生态效益:5/-] ∅(12)[行政效能:6/5 社会公众或服务对象满意度:6/5]]',
    ])
    expect(sheet.items).toHaveLength(17)
    expect(sheet.total?.stated?.value).toBe(95)
    // 评价标准 first, 指标说明 second.
    expect(sheet.items[2]!.criteria.map((c) => c.text)).toEqual(['100%计满分，每低于5%扣2分，扣完为止。', '预算完成率=（上年结转+年初预算+本年追加预算-年末结余/上年结转+年初预算+本年追加预算）×100%。'])
  })
})

describe('readScoreSheets on synthetic tables', () => {
  it('takes a scored row above the indicator header (预算执行率 of a 自评表) and the 分值 of the 总分 row', async () => {
    const text =
      '项目支出绩效自评表\n\n' +
      pipeTable([
        ['项目资金（万元）', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
        ['年度资金总额', '100', '100', '98', '10', '98%', '9.8'],
        ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'],
        ['', '产出指标', '数量指标', '维修道路', '10公里', '10公里', '90', '88'],
        ['总分', '100', '97.8'],
      ])
    const { doc, sheets } = await sheetsOf(text)
    const sheet = sheets[0]!
    expect(sheet.outside.map((o) => [o.name, o.weight.value, o.score?.value])).toEqual([['年度资金总额', 10, 9.8]])
    expect(sheet.statedWeight?.value).toBe(100)
    expect(sheet.items.map((i) => [i.row.indicator, i.criteria.length])).toEqual([['维修道路', 0]])
    // Every figure of the table belongs to the sheet, narrative figures do not.
    const ids = sheetFigures(sheets, doc.figures)
    expect(doc.figures.filter((f) => ids.has(f.id)).map((f) => f.raw)).toContain('98%')
  })

  it('gives nothing for a document without a score table', async () => {
    expect((await sheetsOf('一、基本情况\n预算执行率为98%。\n')).sheets).toEqual([])
  })
})
