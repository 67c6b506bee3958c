import { describe, expect, it } from 'vitest'
import { relationsOf, tabTable } from './table-analyze.js'

describe('table rates', () => {
  it('divides the 执行数 column by the 全年 budget column, row by row', async () => {
    const text = tabTable(
      [
        ['年度预算资金（万元）', '', '年初预算数', '全年预算数', '全年执行数', '执行率'],
        ['', '年度资金总额', '200.00', '250.00', '240.00', '96%'],
        ['', '其中：当年财政拨款', '150.00', '150.00', '150.00', '100%'],
        ['', '上年结转资金', '50.00', '100.00', '90.00', '80%'],
      ],
      '附件1 项目支出绩效自评表',
    )
    const { ratios, relations } = await relationsOf(text)
    expect(ratios).toEqual(['96% = (240.00) / 250.00 ✓', '100% = (150.00) / 150.00 ✓', '80% = (90.00) / 100.00 ✗'])
    expect(relations.ratios.every((r) => r.origin === 'table-row')).toBe(true)
  })

  it('reads header/value row pairs: 执行率, 变动率 with its sign, 控制率, 利用率, 调整率', async () => {
    const text = tabTable(
      [
        ['预算完成情况', '预算总额', '决算总额', '执行率'],
        ['', '500万', '450万', '95%'],
        ['结转结余变动情况', '上年结转结余总额', '本年结转结余总额', '变动率'],
        ['', '80万', '20万', '-75%'],
        ['“三公经费”控制情况', '“三公经费”预算数', '“三公经费”实际支出', '控制率'],
        ['', '20万', '15万', '75%'],
        ['固定资产使用情况', '固定资产总额', '实际在用固定资产总额', '利用率'],
        ['', '300万', '270万', '90%'],
        ['预算调整情况', '年初预算数', '年中预算调整', '调整率'],
        ['', '400万', '100万', '25%'],
      ],
      '附件2 部门整体支出绩效评价基础数据表',
    )
    expect((await relationsOf(text)).ratios).toEqual([
      '95% = (450万) / 500万 ✗',
      '-75% = (20万 - 80万) / 80万 ✓',
      '75% = (15万) / 20万 ✓',
      '90% = (270万) / 300万 ✓',
      '25% = (100万) / 400万 ✓',
    ])
  })

  it('reads a rate row under the rows it divides', async () => {
    const text = tabTable(
      [
        ['项目', '基本支出', '项目支出'],
        ['全年预算数', '400.00', '100.00'],
        ['全年执行数', '400.00', '80.00'],
        ['执行率', '100%', '85%'],
      ],
      '表2 预算执行情况（单位：万元）',
    )
    const { ratios, relations } = await relationsOf(text)
    expect(ratios).toEqual(['100% = (400.00) / 400.00 ✓', '85% = (80.00) / 100.00 ✗'])
    expect(relations.ratios.every((r) => r.origin === 'table-column')).toBe(true)
  })

  it('reads a 增长率 between two year columns as (later − earlier) / earlier', async () => {
    const text = tabTable(
      [
        ['项目', '2022年', '2023年', '增长率'],
        ['一般公共预算支出', '200.00', '250.00', '25%'],
        ['政府性基金支出', '100.00', '90.00', '10%'],
      ],
      '表5 支出变动（单位：万元）',
    )
    expect((await relationsOf(text)).ratios).toEqual(['25% = (250.00 - 200.00) / 200.00 ✓', '10% = (90.00 - 100.00) / 100.00 ✗'])
  })

  it('leaves a rate alone when no header says which amount is which', async () => {
    const text = tabTable(
      [
        ['项目', '甲', '乙', '完成率'],
        ['一季度', '40.00', '50.00', '90%'],
      ],
      '表3 情况（单位：万元）',
    )
    expect((await relationsOf(text)).ratios).toEqual([])
  })
})

describe('table shares', () => {
  const table = (shares: string[]) =>
    tabTable(
      [
        ['项目', '本年决算', '基本支出'],
        ['', '金额', '比率', '金额', '比率'],
        ['工资福利支出', '60.00', shares[0]!, '60.00', shares[2]!],
        ['商品和服务支出', '40.00', shares[1]!, '20.00', shares[3]!],
        ['总支出', '100.00', '100%', '80.00', '100%'],
      ],
      '表4 支出结构分析（单位：万元）',
    )

  it('checks a share column that adds up row by row against the total row', async () => {
    const { sums, ratios } = await relationsOf(table(['60%', '40%', '75%', '20%']))
    expect(sums).toContain('100% = 60% + 40% ✓')
    expect(sums).toContain('100% = 75% + 20% ✗')
    expect(ratios).toEqual(['60% = (60.00) / 100.00 ✓', '40% = (40.00) / 100.00 ✓'])
  })

  it('reports a share column that does not add up once, as a sum, not row by row', async () => {
    const { sums, ratios } = await relationsOf(table(['100%', '100%', '100%', '100%']))
    expect(sums).toEqual(['100.00 = 60.00 + 40.00 ✓', '100% = 100% + 100% ✗', '80.00 = 60.00 + 20.00 ✓', '100% = 100% + 100% ✗'])
    expect(ratios).toEqual([])
  })
})
