import { describe, expect, it } from 'vitest'
import { groupLines, lineText } from '../../src/extract/pdf-lines.js'
import { firstUnitWidth, joinLineText, startsParagraph, type Frame } from '../../src/extract/pdf-paragraphs.js'
import { line, run } from './pdf-test-lines.js'

/** A4 body with 2.5 cm margins: 37 ideographs of 12 pt per line, 20 pt leading. */
const body: Frame = { left: 72, right: 516, pitches: new Map([[12, 20]]) }
const wide = (n: number): string => '预算资金管理规范'.repeat(5).slice(0, n)

function breaks(a: ReturnType<typeof line>, b: ReturnType<typeof line>, frame = body): boolean {
  return startsParagraph(a, b, frame, lineText(a), lineText(b))
}

describe('lineText: spaces the PDF put between glyphs', () => {
  it('drops the autospace between CJK and digits', () => {
    expect(lineText(line('常宁市应急管理局 2023 年整体支出', 72, 100))).toBe('常宁市应急管理局2023年整体支出')
    expect(lineText(line('目标 1：安全生产 27.08 万元', 72, 100))).toBe('目标1：安全生产27.08万元')
  })

  it('keeps spaces between Latin words and a wide gap between two ideographs', () => {
    expect(lineText(line('ISO 9001 certified', 72, 100))).toBe('ISO 9001 certified')
    const [l] = groupLines([run('第一部分', 72, 100), run('部门概况', 72 + 48 + 12, 100)])
    expect(lineText(l!)).toBe('第一部分 部门概况')
  })

  it('reads a glyph drawn twice at almost the same place once (fake bold)', () => {
    const [l] = groupLines([run('收入总计', 72, 100), run('收入总计', 72.4, 100.2)])
    expect(lineText(l!)).toBe('收入总计')
  })

  it('puts runs on one line only when their baselines agree', () => {
    const lines = groupLines([run('上一行', 72, 100), run('同一行', 108, 101), run('下一行', 72, 120)])
    expect(lines.map(lineText)).toEqual(['上一行同一行', '下一行'])
  })
})

describe('startsParagraph: re-joining lines a typesetter broke', () => {
  it('joins a full line and its continuation', () => {
    expect(breaks(line(wide(37), 72, 100), line('继续的文字。', 72, 120))).toBe(false)
  })

  it('joins a figure broken before its unit (27.08 万 | 元)', () => {
    const a = line(`${wide(33)}27.08 万`, 72, 100)
    const b = line('元，占比较高。', 72, 120)
    expect(breaks(a, b)).toBe(false)
    expect(lineText(a) + joinLineText(lineText(a), lineText(b)) + lineText(b)).toBe(`${wide(33)}27.08万元，占比较高。`)
  })

  it('joins a figure broken inside the number (90. | 42%)', () => {
    const a = line(`${wide(35)}90.`, 72, 100)
    const b = line('42%，较上年提高。', 72, 120)
    expect(breaks(a, b)).toBe(false)
    expect(lineText(a) + joinLineText(lineText(a), lineText(b)) + lineText(b)).toContain('90.42%')
  })

  it('joins when the number that opens the next line would not have fitted with its unit (Word)', () => {
    // 36 pt of room; "161.62" alone is 36 pt, "161.62万" is 48.
    expect(breaks(line(wide(34), 72, 100), line('161.62万元，支出决算为160.75万元。', 72, 120))).toBe(false)
  })

  it('ends the paragraph at a short line', () => {
    expect(breaks(line('短句到此结束。', 72, 100), line('新的段落开始。', 72, 120))).toBe(true)
  })

  it('starts a paragraph at a first-line indent', () => {
    expect(breaks(line(wide(37), 72, 100), line('新段落首行缩进两个字。', 96, 120))).toBe(true)
  })

  it('starts a paragraph after paragraph spacing', () => {
    expect(breaks(line(wide(37), 72, 100), line('段前有间距。', 72, 130))).toBe(true)
  })

  it('starts a paragraph at an enumerator after a sentence end', () => {
    expect(breaks(line(`${wide(36)}。`, 72, 100), line('（二）机构设置情况', 72, 120))).toBe(true)
    expect(breaks(line(`${wide(30)}………`, 72, 100), line('二、部门机构设置……', 72, 120))).toBe(true)
  })

  it('starts a paragraph where the font size changes (a heading)', () => {
    expect(breaks(line(wide(37), 72, 100), line('二、绩效目标', 72, 124, 16))).toBe(true)
  })

  it('keeps a centred header cell together (本年支出合 | 计)', () => {
    const cell: Frame = { left: 378.3, right: 446.2, pitches: new Map() }
    expect(breaks(line('本年支出合', 382.3, 180), line('计', 406.3, 195.6), cell)).toBe(false)
  })
})

describe('firstUnitWidth: what must stay together at a line start', () => {
  it('takes a number with the character after it, and closing punctuation with its character', () => {
    expect(firstUnitWidth(line('161.62万元', 0, 0))).toBe(48)
    expect(firstUnitWidth(line('费、办公费', 0, 0))).toBe(24)
    expect(firstUnitWidth(line('（一）职责', 0, 0))).toBe(36)
  })
})
