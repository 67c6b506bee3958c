/**
 * Seed 002 flattens its Word tables to TAB-prefixed cells. Two references:
 * - the gold (../shared/gold/002.json): the 自评表 实际完成情况 cell holds the narrative of
 *   lines 51–63 (`in_table` headings), and bare numbers of 附件3 take 万元 from its header;
 * - the DOCX rendering (../shared/fixtures/002_*.docx), made from this TXT with a simpler
 *   rule (a blank line before a non-TAB line always ends the table). It has 20 tables and
 *   138 rows; where a cell's paragraphs run past a blank line it cuts the table in pieces
 *   (附件3 into 4, 附件4 into 2, 附件5 into 7). The other 7 tables must come out identical.
 */
import { readFileSync } from 'node:fs'
import mammoth from 'mammoth'
import { beforeAll, describe, expect, it } from 'vitest'
import { LineIndex, type SourceDocument } from '../../src/document.js'
import { readTxt } from '../../src/extract/txt.js'
import { cellTexts, expectTableInvariants, repoRoot, tableLines } from './txt-test-helpers.js'

const path = `${repoRoot}corpus/002_df2f04f55971090d.txt`
const doc: SourceDocument = readTxt(readFileSync(path), path, '002')
const lines = new LineIndex(doc.text)

/** Rows of the DOCX tables as mammoth renders them, cell texts without whitespace. */
async function docxTables(): Promise<string[][][]> {
  const { value: html } = await mammoth.convertToHtml({ path: `${repoRoot}../shared/fixtures/002_df2f04f55971090d.docx` })
  const decode = (s: string): string =>
    s.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&')
  return [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map(([, t]) =>
    [...t!.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map(([, r]) =>
      [...r!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map(([, c]) => decode(c!).replace(/\s+/g, '')),
    ),
  )
}

/** A row compared without whitespace and without the empty cells the DOCX pads rows with. */
function rowKey(cells: string[]): string {
  const keys = cells.map((c) => c.replace(/\s+/g, ''))
  while (keys.length > 0 && keys[keys.length - 1] === '') keys.pop()
  return keys.join('|')
}

describe('seed 002: TAB-prefixed tables', () => {
  let docx: string[][][] = []
  beforeAll(async () => {
    docx = await docxTables()
  })

  it('rebuilds 10 tables, 130 rows, all cells spans of the text', () => {
    expectTableInvariants(doc)
    expect(doc.tables.map((t) => t.rows.length)).toEqual([37, 22, 19, 14, 5, 2, 8, 7, 9, 7])
    expect(doc.tables.map((t) => tableLines(doc, t))).toEqual([
      [4, 326], [331, 441], [447, 654], [667, 733], [739, 762],
      [771, 781], [786, 824], [837, 888], [907, 948], [953, 984],
    ])
  })

  it('reads the 附件3 自评表: header, 年度资金总额 row and unit 万元', () => {
    const t1 = doc.tables[0]!
    expect(t1.unit).toBe('万元')
    expect(cellTexts(t1).slice(1, 3)).toEqual([
      ['年度预算资金（万元）', '', '年初预算数', '全年预算数', '全年执行数', '执行率'],
      ['', '年度资金总额', '582.77', '582.77', '577.35', '98%'],
    ])
    // The 实际完成情况 cell runs from 安全生产工作 (line 51) to the end of line 63.
    const achieved = t1.rows[7]![2]!
    expect([lines.lineOf(achieved.start), lines.lineOf(achieved.end)]).toEqual([51, 63])
    expect(achieved.text).toMatch(/^安全生产工作\n\n强化安全生产责任落实。[\s\S]*\n（二）防汛抗旱工作\n[\s\S]*2万元物资均已全部发放到位；/)
  })

  it('keeps words broken over blank lines in one cell (附件5 计分表)', () => {
    const t3 = doc.tables[2]!
    expect(t3.rows[0]!.map((c) => c.text.replace(/\s+/g, ''))).toEqual([
      '一级指标', '分值', '二级指标', '分值', '三级指标', '分值', '评价标准', '指标说明', '得分',
    ])
    expect(t3.rows.map((r) => r[0]!.text.replace(/\s+/g, ''))).toContain('产出及效率')
  })

  it('agrees with the DOCX rendering: its 7 report tables cell for cell, 121 of its 138 rows', () => {
    expect(docx.map((t) => t.length)).toEqual([8, 1, 1, 28, 1, 22, 1, 2, 3, 7, 3, 2, 7, 14, 5, 2, 8, 7, 9, 7])
    expect(docx.slice(13).map((t) => t.map(rowKey))).toEqual(doc.tables.slice(3).map((t) => cellTexts(t).map(rowKey)))

    // Every DOCX table's rows, matched in order against ours.
    const ours = doc.tables.flatMap((t) => cellTexts(t).map(rowKey))
    let cursor = 0
    let identical = 0
    for (const row of docx.flat()) {
      const at = ours.indexOf(rowKey(row), cursor)
      if (at === -1) continue
      identical++
      cursor = at + 1
    }
    expect(identical).toBe(121)
  })

  it('covers every bare table number of the gold with a cell; 附件3 money takes 万元, 附件6 money no unit (元)', () => {
    const gold = JSON.parse(readFileSync(`${repoRoot}../shared/gold/002.json`, 'utf8')) as {
      figures: Array<{ text: string; line: number; char_offset: number; kind: string; unit: string; unit_inferred?: boolean }>
    }
    const inferred = gold.figures.filter((f) => f.unit_inferred)
    expect(inferred.length).toBe(106)
    const units: string[] = []
    for (const f of inferred) {
      const start = lines.lineStarts[f.line - 1]! + f.char_offset
      const table = doc.tables.find((t) => t.start <= start && start < t.end)
      const cell = table?.rows.flat().find((c) => c.start <= start && start + f.text.length <= c.end)
      expect(cell, `line ${f.line} ${f.text}`).toBeDefined()
      if (f.kind === 'money') units.push(`${table!.id} ${table!.unit ?? '-'} ← ${f.unit}`)
    }
    // 附件4's bare 0 (line 380) takes 万元 from the 242.34万 beside it, not from a header.
    expect([...new Set(units)].sort()).toEqual(
      ['t1 万元 ← 万元', 't2 - ← 万元', 't4 - ← 元', 't5 - ← 元', 't6 - ← 元', 't7 - ← 元', 't8 - ← 元', 't9 - ← 元', 't10 - ← 元'].sort(),
    )
  })

  it('puts the gold in_table headings inside a table, and the 附件 markers outside', () => {
    const gold = JSON.parse(readFileSync(`${repoRoot}../shared/gold/002.json`, 'utf8')) as {
      sections: Array<{ line: number; in_table?: boolean }>
    }
    const inTable = (line: number): boolean => {
      const start = lines.lineStarts[line - 1]!
      return doc.tables.some((t) => t.start <= start && start < t.end)
    }
    for (const s of gold.sections) expect(inTable(s.line), `line ${s.line}`).toBe(s.in_table === true)
  })
})
