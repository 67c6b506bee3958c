/**
 * A Word-like report rendered by LibreOffice (scripts/make-pdf-fixtures-lo.mjs): running
 * header, 第 N 页 共 M 页 footer, justified paragraphs with a first-line indent, and a
 * money table with merged cells whose header row repeats on the next page.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { analyzeSource, sha256 } from '../../src/analyze.js'
import { ExtractResultSchema } from '../../src/contract.js'
import { readPdf } from '../../src/extract/pdf.js'

const FILE = new URL('../fixtures/pdf/word-layout.pdf', import.meta.url).pathname
const bytes = readFileSync(FILE)
const doc = await readPdf(bytes, FILE, sha256(bytes))

describe('a LibreOffice rendering of a Word report', () => {
  it('leaves out the running header and the 第 N 页 共 M 页 footer, keeping the title', () => {
    expect(doc.diagnostics.find((d) => d.code === 'pdf-furniture-removed')?.message).toBe('left out 2 page-number line(s) and 2 running header/footer line(s)')
    expect(doc.text).not.toMatch(/第\s*\d+\s*页/)
    expect(doc.text.split('\n').filter((l) => l === '某某县应急管理局2023年度部门整体支出绩效自评报告')).toHaveLength(1)
    expect(doc.pages).toHaveLength(2)
  })

  it('gives each heading and each justified paragraph a line of its own', () => {
    const lines = doc.text.split('\n')
    expect(lines.slice(0, 3)).toEqual([
      '某某县应急管理局2023年度部门整体支出绩效自评报告',
      '一、部门概况',
      '本部门2023年度收入总计2,818.39万元，其中财政拨款收入2,806.63万元，占99.58%；其他收入11.76万元，占0.42%。全年支出合计2,723.43万元，预算执行率为96.63%，较上年提高2.15个百分点。',
    ])
    expect(lines).toContain('二、部门整体支出情况')
    expect(lines).toContain('三、存在的问题')
  })

  it('reads the table over the page break once, with its merged cells', () => {
    expect(doc.tables).toHaveLength(1)
    const [table] = doc.tables
    expect(table!.unit).toBe('万元')
    expect(table!.rows).toHaveLength(27)
    expect(doc.text.match(/\t类别\n/g)).toHaveLength(1)
    expect(table!.rows[1]![0]).toMatchObject({ text: '基本支出', rowSpan: 3 })
    expect(table!.rows[4]![0]).toMatchObject({ text: '项目支出', rowSpan: 4 })
    // Below a vertically merged cell the row keeps an empty cell in its place, as Word's text export does.
    expect(table!.rows[2]!.map((c) => c.text)).toEqual(['', '商品和服务支出', '160.42', '152.18'])
    expect(table!.rows[26]!.map((c) => [c.text, c.colSpan])).toEqual([
      ['合计', 2],
      ['2,818.39', undefined],
      ['2,723.43', undefined],
    ])
  })

  it('gives the bare amounts of the table the unit of its 单位：万元 line', () => {
    const result = analyzeSource(doc)
    expect(() => ExtractResultSchema.parse(result)).not.toThrow()
    const cells = result.figures.filter((f) => f.cell)
    expect(cells).toHaveLength(52)
    expect(cells.find((f) => f.raw === '1,205.30')).toMatchObject({ unit: '万元', yuan: 12053000 })
    expect(new Set(cells.map((f) => f.unit))).toEqual(new Set(['万元']))
  })
})
