import { describe, expect, it } from 'vitest'
import { relationsOf, tabTable } from './table-analyze.js'

describe('table sums: 合计 rows', () => {
  it('sums the rows above a total, blanks as 0, and keeps a failing column', async () => {
    const text = tabTable(
      [
        ['项目', '预算', '决算'],
        ['办公费', '10,000.00', '8,000.00'],
        ['水费', '', '1,000.00'],
        ['电费', '5,000.00', '4,000.00'],
        ['合计', '15,000.00', '12,500.00'],
      ],
      '表5 公用经费明细（单位：元）',
    )
    expect((await relationsOf(text)).sums).toEqual(['15,000.00 = 10,000.00 + ∅ + 5,000.00 ✓', '12,500.00 = 8,000.00 + 1,000.00 + 4,000.00 ✗'])
  })

  it('reads a total heading its block with a 其中 list under it (other columns confirm the list)', async () => {
    const text = tabTable(
      [
        ['年度预算资金（万元）', '', '年初预算数', '全年预算数', '全年执行数'],
        ['', '年度资金总额', '300.00', '300.00', '290.00'],
        ['', '其中：当年财政拨款', '200.00', '200.00', '200.00'],
        ['', '上年结转资金', '60.00', '60.00', '30.00'],
        ['', '其他资金', '40.00', '40.00', '40.00'],
      ],
      '附件1 项目支出绩效自评表',
    )
    expect((await relationsOf(text)).sums).toEqual(['300.00 = 200.00 + 60.00 + 40.00 ✓', '300.00 = 200.00 + 60.00 + 40.00 ✓', '290.00 = 200.00 + 30.00 + 40.00 ✗'])
  })

  it('reads a 其中 list that names only some sources, and adds up nowhere, as partial', async () => {
    const text = tabTable(
      [
        ['年度预算资金（万元）', '', '全年预算数', '全年执行数'],
        ['', '年度资金总额', '300.00', '290.00'],
        ['', '其中：当年财政拨款', '200.00', '200.00'],
        ['', '上年结转资金', '60.00', '30.00'],
      ],
      '附件1 项目支出绩效自评表',
    )
    const { sums, relations } = await relationsOf(text)
    expect(sums).toEqual(['300.00 = 200.00 + 60.00 ✗', '290.00 = 200.00 + 30.00 ✗'])
    expect(relations.sums.map((r) => r.complete)).toEqual([false, false])
  })

  it('leaves 其中 rows to the row above and chains totals (收入总计 + 结转 = 合计)', async () => {
    const text = tabTable(
      [
        ['项目', '本年预算'],
        ['一、财政拨款收入', '1,000'],
        ['其中：政府性基金', '300'],
        ['二、其他收入', '200'],
        ['收入总计', '1,200'],
        ['年初数结转和结余', '100'],
        ['合计', '1,300'],
      ],
      '表1 收支总表（单位：元）',
    )
    expect((await relationsOf(text)).sums).toEqual(['1,200 = 1,000 + 200 ✓', '1,300 = 1,200 + 100 ✓'])
  })

  it('counts rows nested by 科目编码 once, at their top level', async () => {
    const text = tabTable(
      [
        ['类', '款', '项', '科目名称', '合计'],
        ['', '', '', '合计', '150.00'],
        ['201', '', '', '一般公共服务支出', '120.00'],
        ['201', '06', '', '财政事务', '120.00'],
        ['201', '06', '01', '行政运行', '120.00'],
        ['208', '', '', '社会保障和就业支出', '30.00'],
        ['208', '05', '', '行政事业单位养老支出', '30.00'],
      ],
      '表3 一般公共预算支出表（单位：万元）',
    )
    expect((await relationsOf(text)).sums).toEqual(['150.00 = 120.00 + 30.00 ✓'])
  })

  it('reads rows nested with no mark (lost indentation) from their values', async () => {
    const text = tabTable(
      [
        ['项目', '全年预算数', '全年执行数'],
        ['基本支出', '1426.99', '1426.99'],
        ['人员经费', '1395.79', '1395.79'],
        ['公用经费', '31.20', '31.20'],
        ['项目支出', '1968.07', '1968.07'],
        ['专项业务费', '1200.00', '1150.50'],
        ['设备购置费', '768.07', '817.57'],
        ['合计', '3395.06', '3395.06'],
      ],
      '表2 支出情况（单位：万元）',
    )
    expect((await relationsOf(text)).sums).toEqual(['3395.06 = 1426.99 + 1968.07 ✓', '3395.06 = 1426.99 + 1968.07 ✓'])
  })

  it('says nothing when several readings are possible and none holds', async () => {
    const text = tabTable(
      [
        ['项目', '金额'],
        ['一、基本支出', '100.00'],
        ['人员经费', '70.00'],
        ['公用经费', '20.00'],
        ['二、项目支出', '60.00'],
        ['合计', '200.00'],
      ],
      '表4 支出情况（单位：万元）',
    )
    expect((await relationsOf(text)).sums).toEqual([])
  })

  it('takes the reading that holds among several (一、 rows over their unnumbered parts)', async () => {
    const text = tabTable(
      [
        ['项目', '金额'],
        ['一、基本支出', '90.00'],
        ['人员经费', '70.00'],
        ['公用经费', '20.00'],
        ['二、项目支出', '60.00'],
        ['合计', '150.00'],
      ],
      '表4 支出情况（单位：万元）',
    )
    expect((await relationsOf(text)).sums).toEqual(['150.00 = 90.00 + 60.00 ✓'])
  })
})

describe('table sums: 合计 columns', () => {
  it('sums the other amount columns of each row, not the rate column', async () => {
    const text = tabTable(
      [
        ['项目', '基本支出', '项目支出', '合计', '执行率'],
        ['年初预算', '100.00', '50.00', '150.00', '100%'],
        ['追加预算', '20.00', '10.00', '31.00', '100%'],
      ],
      '表2 预算情况（单位：万元）',
    )
    const { sums, relations } = await relationsOf(text)
    expect(sums).toEqual(['150.00 = 100.00 + 50.00 ✓', '31.00 = 20.00 + 10.00 ✗'])
    expect(relations.sums.map((s) => s.origin)).toEqual(['table-row', 'table-row'])
  })

  it('matches sub-headers under a nested 合计 (合计·预算 = 基本支出·预算 + 项目支出·预算)', async () => {
    const text = tabTable(
      [
        ['项目', '合计', '基本支出', '项目支出'],
        ['', '预算', '决算', '预算', '决算', '预算', '决算'],
        ['公务接待费', '30.00', '25.00', '10.00', '8.00', '20.00', '17.00'],
        ['会议费', '12.00', '9.00', '5.00', '4.00', '7.00', '4.00'],
      ],
      '表6 经费情况（单位：万元）',
    )
    expect((await relationsOf(text)).sums).toEqual(['30.00 = 10.00 + 20.00 ✓', '12.00 = 5.00 + 7.00 ✓', '25.00 = 8.00 + 17.00 ✓', '9.00 = 4.00 + 4.00 ✗'])
  })
})
