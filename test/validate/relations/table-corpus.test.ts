/**
 * The table source on real documents: the seed whose tables the gold checks cell by cell
 * (002: 附件3 自评表, 附件4 基础数据表, 附件6 表1–表4 and the 公用经费 / 三公 tables), and
 * the published budget PDFs, whose 合计 rows and columns all add up.
 */
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { analyzeFile } from '../../../src/analyze.js'
import { LineIndex } from '../../../src/document.js'
import { ratioHolds, sumHolds } from '../../../src/validate/relations/table-check.js'
import { tableRelations } from '../../../src/validate/relations/table-relations.js'

async function tableRelationsOf(path: string) {
  const { findings: _ignored, ...doc } = await analyzeFile(path)
  const found = tableRelations(doc, new LineIndex(doc.text))
  return { sums: found.sums ?? [], ratios: found.ratios ?? [] }
}

const corpus = join(import.meta.dirname, '../../../corpus')

describe('table relations in seed 002', () => {
  it('finds the gold’s failing table relations and no other failure but the repeated 表3 row', async () => {
    const { sums, ratios } = await tableRelationsOf(join(corpus, '002_df2f04f55971090d.txt'))
    const failing = sums.filter((s) => !sumHolds(s)).map((s) => `${s.total.line}:${[s.total, ...s.parts.map((p) => p.figure)].map((f) => f.line).join(',')}`)
    expect(failing).toEqual([
      '18:18,25,32,39', // st_exec_col_sum: 577.35 ≠ 462.74 + 5.42 + 27.27
      '760:760,745,750,755', // t2_basic_col
      '761:761,746,751,756', // t2_project_col
      '762:762,760,761', // t2_avail_row
      '807:807,792,797,802', // t3_basic_col
      '808:808,793,798,803', // t3_project_col
      '809:809,794,799,804', // t3_total_col
      '809:809,807,808', // 表3 repeats 表2's 全年可用 row, and its error
      '817:817,807,812', // t3_yearend_basic: blank 年末结转 read as 0
      '818:818,808,813', // t3_yearend_project
      '884:884,852,860,868,876', // t4_ratio_column: 比率 100% + 100% ≠ 100%
      '886:886,854,862,870,878',
      '888:888,856,864,872,880',
    ])
    const failingRates = ratios.filter((r) => !ratioHolds(r)).map((r) => r.stated.line)
    expect(failingRates).toEqual([19, 33, 371, 391]) // st_exec_rate_total, st_exec_rate_carry, bd_exec_rate, bd_carry_change_rate
    expect(sums.filter(sumHolds).length).toBe(26)
    expect(ratios.filter(ratioHolds).length).toBe(6)
  })
})

const realPdf = join(import.meta.dirname, '../../../../shared/real-pdf')

describe.skipIf(!existsSync(realPdf))('table relations in published budget PDFs', () => {
  const files = existsSync(realPdf) ? readdirSync(realPdf).filter((f) => f.endsWith('.pdf')) : []
  it.each(files)('%s: every 合计 row and column found adds up', async (file) => {
    const { sums, ratios } = await tableRelationsOf(join(realPdf, file))
    expect(sums.length).toBeGreaterThan(50)
    expect(sums.filter((s) => !sumHolds(s)).map((s) => s.note)).toEqual([])
    expect(ratios.filter((r) => !ratioHolds(r)).map((r) => r.note)).toEqual([])
  }, 60_000)
})
