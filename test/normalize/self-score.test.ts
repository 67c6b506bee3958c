import { describe, expect, it } from 'vitest'
import type { Table, TableCell } from '../../src/document.js'
import { findSelfScore, tableScores } from '../../src/normalize/self-score.js'

describe('findSelfScore in the text', () => {
  it.each([
    ['全力推动应急管理工作不断高质量发展。自评分97分。', 97, 'self'],
    ['经综合评定，自评得分：95.5分，等级为优。', 95.5, 'self'],
    ['部门整体支出绩效自评总分为92分。', 92, 'self'],
    ['自评得分 88，评价等级良。', 88, 'self'],
    ['评价体系满分100分，综合得分90分。', 90, 'text'],
    ['按百分制，总分为86.5分。', 86.5, 'text'],
  ])('%s → %s', (text, value, source) => {
    expect(findSelfScore(text, []).value).toMatchObject({ value, source })
  })

  it.each([
    ['区委年度考核结果得分为优。'], // a grade, not a number
    ['评价总分100分，其中产出指标50分。'], // the full mark
    ['自评分数90分以上为优，80（含）-90分为良。'], // a grading rule
    ['自评得分率95%。'], // a percentage
    ['项目自评覆盖率100%，自评分值权重20%。'],
    ['分值：自评得分150分'], // above the maximum
  ])('%s → none', (text) => {
    expect(findSelfScore(text, []).value).toBeNull()
  })

  it('puts the span on the number', () => {
    const text = '自评得分：95分'
    const s = findSelfScore(text, []).value!
    expect(text.slice(s.start, s.end)).toBe('95')
  })

  it('prefers a 自评 phrase to a generic one and notes the other value', () => {
    const r = findSelfScore('综合得分90分。自评得分92分。', [])
    expect(r.value?.value).toBe(92)
    expect(r.diagnostics).toEqual([expect.objectContaining({ level: 'info', code: 'self-score-conflict' })])
  })
})

/** A table from rows of cell texts, each cell placed at a distinct offset. */
function table(id: string, start: number, rows: string[][]): Table {
  let at = start
  const cells = rows.map((row) => row.map((text): TableCell => ({ start: at, end: (at += text.length + 1) - 1, text })))
  return { id, start, end: at, rows: cells }
}

describe('findSelfScore in a score table', () => {
  const header = ['一级指标', '分值', '二级指标', '分值', '评价标准', '得分']
  it('reads the 合计 row under the 得分 column', () => {
    const t = table('t1', 0, [header, ['投入', '（15分）', '预算配置', '（7分）', '…', '7'], ['合计', '100', '', '', '', '95']])
    expect(tableScores([t])).toEqual([expect.objectContaining({ value: 95, source: 'table' })])
    expect(findSelfScore('', [t]).value?.value).toBe(95)
  })

  it('takes the last number of a merged total row', () => {
    const t = table('t1', 0, [header, ['合计', '95']])
    expect(tableScores([t]).map((s) => s.value)).toEqual([95])
  })

  it('follows a table the reader split, until a heading starts', () => {
    const head = table('t1', 0, [header])
    const rest = table('t2', 200, [['效益', '（35分）', '履职', '（8分）', '…', '8'], ['合计', '96']])
    expect(tableScores([head, rest]).map((s) => s.value)).toEqual([96])
    expect(tableScores([head, rest], [150])).toEqual([])
  })

  it('ignores 合计 rows of tables without a score column', () => {
    const money = table('t1', 0, [['项目', '预算', '决算'], ['合计', '95', '90']])
    expect(tableScores([money])).toEqual([])
  })

  it('prefers a 自评 phrase to the table, and the table to a generic phrase', () => {
    const t = table('t1', 0, [header, ['合计', '95']])
    expect(findSelfScore('自评得分94分', [t]).value?.value).toBe(94)
    expect(findSelfScore('综合得分93分', [t]).value?.value).toBe(95)
  })
})
