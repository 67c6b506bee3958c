import { describe, expect, it } from 'vitest'
import { findFiscalYear, publicationYear, yearMentions } from '../../src/normalize/fiscal-year.js'

/** The fiscal year of `lines`, the first line taken as the title heading. */
function yearOf(...lines: string[]) {
  const text = lines.join('\n')
  return findFiscalYear(text, [{ start: 0, end: lines[0]!.length, title: lines[0]! }])
}

describe('findFiscalYear', () => {
  it.each([
    ['a year in the title decides', ['2022年部门整体支出绩效自评表', '2023年工作计划：2023年将继续推进，2023年完成。'], 2022],
    ['年度 in the title', ['常宁市应急管理局2023年度整体支出绩效评价报告'], 2023],
    ['a publication date in the title does not count', ['某局整体支出绩效自评报告（2023年5月印发）', '2022年度预算执行率98%。'], 2022],
    ['（2022年度） below a year-less title, publication date at the end', ['西湖区应急管理局整体支出绩效自评报告', '（2022年度）', '2022年度预算1268万元。', '', '2023年5月25日'], 2022],
    [
      'the evaluated year outweighs next year’s plans and the signature date',
      ['部门预算整体绩效自评报告', '2021年度年初部门预算373万元。', '2021年末在职23人。', '拟计划在2022年完成支付。', '2022年底完成支付。', '2022年底按时完成。', '将2021年绩效自评结果运用到2022年工作安排。', '2022年5月12日'],
      2021,
    ],
    ['年度 outweighs a plain 年', ['部门整体绩效自评情况', '本部门2024年度申请预算资金。', '2023年、2023年项目结转。'], 2024],
    ['a range is not a year reported on', ['自评报告', '落实2021-2025年规划，2021—2025年目标。', '2022年预算执行良好。'], 2022],
    ['a year after the signature date is a plan', ['自评报告', '2023年工作；2023年目标；2023年任务。', '2022年执行。', '某局', '2022年12月30日'], 2022],
    ['a tie goes to the earlier year (a report looks back)', ['自评报告', '2023年支出。2022年收入。'], 2022],
    ['a year done in the year is no plan; one to be done by its end is', ['自评报告', '2022年完成目标。', '2023年底前完成。2023年内完成。'], 2022],
  ])('%s', (_, lines, year) => {
    expect(yearOf(...lines).value?.year).toBe(year)
  })

  it('says where the year came from', () => {
    const title = yearOf('2022年部门整体支出绩效自评表').value!
    expect(title).toEqual({ year: 2022, source: 'title', span: { start: 0, end: 4 } })
    expect(yearOf('自评报告', '2021年度').value).toMatchObject({ source: 'body', span: { start: 5, end: 9 } })
  })

  it('finds a year in a title joined from two lines', () => {
    const text = '常宁市应急管理局\n2023年整体支出绩效评价报告'
    const r = findFiscalYear(text, [{ start: 0, end: text.length, title: '常宁市应急管理局2023年整体支出绩效评价报告' }])
    expect(r.value).toMatchObject({ year: 2023, span: { start: 9, end: 13 } })
  })

  it('gives null with a diagnostic when no year is written, and notes a close call', () => {
    const none = yearOf('部门整体支出绩效自评报告', '本年度预算执行良好。')
    expect(none.value).toBeNull()
    expect(none.diagnostics).toEqual([expect.objectContaining({ level: 'info', code: 'fiscal-year-missing' })])
    const close = yearOf('自评报告', '2022年度收入。2023年度预算。2022年支出。')
    expect(close.value?.year).toBe(2022)
    expect(close.diagnostics).toEqual([expect.objectContaining({ code: 'fiscal-year-close' })])
  })
})

describe('yearMentions', () => {
  it('weighs 年度 3, a plain 年 1, dates and ranges 0, plans a quarter', () => {
    const text = '2022年度；2022年；2023年5月12日；2021年-2025年；2021-2025年；拟在2024年完成；2024年底前完成'
    expect(yearMentions(text).map((m) => [m.year, m.weight])).toEqual([
      [2022, 3],
      [2022, 1],
      [2023, 0],
      [2021, 0],
      [2025, 0],
      [2025, 0], // 2021- is no mention: no 年 after it
      [2024, 0.25],
      [2024, 0.25],
    ])
  })

  it('does not read a year inside a longer number', () => {
    expect(yearMentions('编号12022年；金额2022.5年')).toEqual([])
  })
})

describe('publicationYear', () => {
  it('is the date that ends the last lines, not a date inside a sentence', () => {
    expect(publicationYear('正文\n某局\n2023年5月25日\n')).toBe(2023)
    expect(publicationYear('于2023年5月25日前全部公开。')).toBeNull()
  })
})
