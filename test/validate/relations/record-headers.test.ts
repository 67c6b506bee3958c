import { describe, expect, it } from 'vitest'
import type { ExtractResult } from '../../../src/contract.js'
import { cellHeaders } from '../../../src/validate/relations/record-headers.js'

type Table = NonNullable<ExtractResult['tables']>[number]

/** A table from rows of cell texts; spans are irrelevant to header lookup. */
function table(rows: string[][], spans: Record<string, number> = {}): Table {
  return { id: 't1', rows: rows.map((row, r) => row.map((text, c) => ({ text, start: 0, end: 0, ...(spans[`${r},${c}`] ? { colSpan: spans[`${r},${c}`] } : {}) }))) }
}

describe('cellHeaders', () => {
  it('gives a flattened two-level header its groups back', () => {
    const t = table([
      ['项目', '本年决算', '基本支出', '项目支出'],
      ['', '金额', '比率', '金额', '比率', '金额', '比率'],
      ['工资福利支出', '4,600,656.92', '100%', '2,206,250.41', '100%', '', ''],
      ['商品和服务支出', '1,172,869.57', '100%', '966,906.51', '100%', '962,554.57', '100%'],
    ])
    expect(cellHeaders(t, 2, 1)).toEqual({ row: '工资福利支出', columns: ['本年决算', '金额'], block: [] })
    expect(cellHeaders(t, 2, 3).columns).toEqual(['基本支出', '金额'])
    expect(cellHeaders(t, 3, 5).columns).toEqual(['项目支出', '金额'])
  })

  it('reads blank cells a reader padded a merged header with as the merge', () => {
    const t = table([
      ['项目', '本年决算', '基本支出', '项目支出', '', '', ''],
      ['', '金额', '比率', '金额', '比率', '金额', '比率'],
      ['商品和服务支出', '1,172,869.57', '100%', '966,906.51', '100%', '962,554.57', '100%'],
    ])
    expect(cellHeaders(t, 2, 3).columns).toEqual(['基本支出', '金额'])
  })

  it('follows real column spans', () => {
    const t = table(
      [
        ['项目', '本年数'],
        ['', '预算', '决算', '差额'],
        ['合计', '180,000.00', '76,852.00', '103,148.00'],
      ],
      { '0,1': 3 },
    )
    expect(cellHeaders(t, 2, 2)).toEqual({ row: '合计', columns: ['本年数', '决算'], block: [] })
  })

  it('names the block of a form table whose value rows have no row header', () => {
    const t = table([
      ['预算完成情况', '2022年预算总额', '2022年决算总额', '执行率'],
      ['', '582.77万', '577.35万', '98%'],
      ['预算调整情况', '年初预算数', '年中预算调整', '调整率'],
      ['', '242.34万', '0', '0%'],
    ])
    expect(cellHeaders(t, 3, 3)).toEqual({ row: null, columns: ['调整率'], block: ['预算调整情况'] })
    expect(cellHeaders(t, 1, 1).block).toEqual(['预算完成情况'])
  })

  it('does not take a data row for a header', () => {
    const t = table([
      ['决算收入', '决算支出', '本年度指标结余'],
      ['5,827,738.97', '5,773,526.49', '54,212.48'],
    ])
    expect(cellHeaders(t, 1, 1)).toEqual({ row: null, columns: ['决算支出'], block: [] })
  })
})
