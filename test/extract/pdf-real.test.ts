/**
 * Real published PDFs (../shared/real-pdf: Shanghai Putuo budget and final-account
 * documents, ONLYOFFICE and WPS exports). They are not part of the project; without the
 * folder these tests are skipped.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { PDFParse } from 'pdf-parse'
import { describe, expect, it } from 'vitest'
import { analyzeSource, sha256 } from '../../src/analyze.js'
import { ExtractResultSchema, type ExtractResult } from '../../src/contract.js'
import { readPdf } from '../../src/extract/pdf.js'

const DIR = new URL('../../../shared/real-pdf/', import.meta.url).pathname
const present = existsSync(DIR)
const files = present ? readdirSync(DIR).filter((f) => f.endsWith('.pdf')).sort() : []

/** The statements every 部门决算 / 部门预算 publishes as tables. */
const FINAL_TABLES = ['收入支出决算总表', '收入决算表', '支出决算表', '财政拨款收入支出决算总表']
const BUDGET_TABLES = ['部门财务收支预算总表', '部门收入预算总表', '部门支出预算总表', '部门财政拨款收支预算总表']

async function pageCount(bytes: Uint8Array): Promise<number> {
  const parser = new PDFParse({ data: bytes.slice() })
  try {
    return (await parser.getInfo()).total
  } finally {
    await parser.destroy()
  }
}

/** The first table after the title line, if nothing but a caption or unit line lies between. */
function tableAfterTitle(result: ExtractResult, title: string): NonNullable<ExtractResult['tables']>[number] | undefined {
  const lines = result.text.split('\n')
  let offset = 0
  for (const line of lines) {
    const end = offset + line.length
    if (line.trim().endsWith(title) && line.trim().length <= title.length + 12) {
      const table = result.tables?.find((t) => (t.start ?? -1) > end)
      if (table && result.text.slice(end, table.start).split('\n').filter((l) => l.trim() !== '').length <= 2) return table
    }
    offset = end + 1
  }
  return undefined
}

describe.skipIf(!present)('real published PDFs', () => {
  it('finds the folder of real PDFs', () => {
    expect(files.length).toBeGreaterThan(0)
  })

  for (const file of files)
    it(file, async () => {
      const bytes = new Uint8Array(readFileSync(DIR + file))
      const doc = await readPdf(bytes, DIR + file, sha256(bytes))
      const result = analyzeSource(doc)
      expect(() => ExtractResultSchema.parse(result)).not.toThrow()
      expect(result.pages).toHaveLength(await pageCount(bytes))

      const final = /final|决算/.test(file) || result.text.includes('部门决算')
      for (const title of final ? FINAL_TABLES : BUDGET_TABLES)
        expect(tableAfterTitle(result, title), `${title} read as a table`).toBeDefined()

      // Bare amounts in a 单位：万元 table carry 万元.
      const wanTables = new Set((result.tables ?? []).filter((t) => t.unit === '万元').map((t) => t.id))
      expect(wanTables.size).toBeGreaterThan(0)
      const inWan = result.figures.filter((f) => f.kind === 'money' && f.cell && wanTables.has(f.cell.tableId))
      expect(inWan.length).toBeGreaterThan(0)
      for (const f of inWan) expect(`${f.raw} ${f.unit}`).toBe(`${f.raw} 万元`)

      // Spans point into the text.
      for (const t of result.tables ?? []) for (const row of t.rows) for (const c of row) expect(result.text.slice(c.start, c.end)).toBe(c.text)
      for (const f of result.figures) expect(result.text.slice(f.start, f.end)).toBe(f.raw)
    })

  it.skipIf(!files.includes('putuo_czj_2024_dept_final.pdf'))('reads the 收入支出决算总表 of the final account in 万元', async () => {
    const file = 'putuo_czj_2024_dept_final.pdf'
    const bytes = readFileSync(DIR + file)
    const result = analyzeSource(await readPdf(bytes, DIR + file, sha256(bytes)))
    const table = tableAfterTitle(result, '收入支出决算总表')!
    expect(table.unit).toBe('万元')
    const total = result.figures.find((f) => f.cell?.tableId === table.id && f.raw === '2,946.25')
    expect(total).toMatchObject({ unit: '万元', yuan: 29462500 })
    const warning = result.diagnostics.find((d) => d.code === 'pdf-page-no-text')
    expect(warning?.message).toMatch(/^page 14 of 25/)
  })
})
