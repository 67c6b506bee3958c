/**
 * The PDF reader on tiny synthetic PDFs (scripts/make-pdf-fixtures.mjs writes them):
 * look-alike glyphs, page furniture, tables over a page break, scans, bad files.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { PDFParse, VerbosityLevel } from 'pdf-parse'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { analyzeSource } from '../../src/analyze.js'
import type { SourceDocument } from '../../src/document.js'
import { loadPdfjs } from '../../src/extract/pdf-load.js'
import { readPdf } from '../../src/extract/pdf.js'
import { readSource } from '../../src/extract/read-source.js'
import { InputError } from '../../src/result.js'

const FIXTURES = new URL('../fixtures/pdf/', import.meta.url).pathname
const read = (name: string): Promise<SourceDocument> => readPdf(readFileSync(FIXTURES + name), FIXTURES + name, name)

/** Every span of a SourceDocument lies inside its text, in order. */
function expectSpansInside(doc: SourceDocument): void {
  const n = doc.text.length
  for (const b of doc.blocks) expect(b.start >= 0 && b.start <= b.end && b.end <= n, `block ${b.start}-${b.end}`).toBe(true)
  for (const t of doc.tables)
    for (const row of t.rows)
      for (const cell of row) {
        expect(doc.text.slice(cell.start, cell.end)).toBe(cell.text)
        expect(doc.text[cell.start - 1] === '\t' || cell.start === cell.end).toBe(true)
      }
  const pages = doc.pages ?? []
  for (let k = 1; k < pages.length; k++) expect(pages[k]!.start).toBeGreaterThanOrEqual(pages[k - 1]!.start)
  expect(pages.at(-1)?.end).toBeLessThanOrEqual(n)
}

async function inputError(name: string): Promise<InputError> {
  const error = await read(name).catch((e: unknown) => e)
  expect(error).toBeInstanceOf(InputError)
  return error as InputError
}

describe('readPdf', () => {
  afterEach(() => {
    vi.restoreAllMocks()
  })

  it('uses the pdf.js build pdf-parse loads (one build per process)', async () => {
    expect((await loadPdfjs()).VerbosityLevel).toBe(VerbosityLevel)
  })

  it('folds Kangxi radicals and compatibility ideographs, and figure spans stay true', async () => {
    const doc = await read('kangxi-radicals.pdf')
    expect(doc.format).toBe('pdf')
    expect(doc.text).toContain('一、部门概况')
    expect(doc.text).toContain('2023年度收入总计3395.06万元，其中：财政拨款收入3383.30万元。')
    expect(doc.text).toContain('在职人数131人，一般公共预算支出1426.99万元。')
    expect(doc.text).toContain('长期目标与更新业务门户。')
    expect(doc.text).not.toMatch(/[\u2E80-\u2FDF\uF900-\uFAFF]/u)
    expect(doc.diagnostics.map((d) => d.code)).toContain('pdf-glyphs-folded')
    const result = analyzeSource(doc)
    for (const f of result.figures) expect(result.text.slice(f.start, f.end)).toBe(f.raw)
    expect(result.figures.map((f) => f.raw)).toEqual(expect.arrayContaining(['3395.06万元', '3383.30万元', '131人', '1426.99万元']))
  })

  it('leaves out running headers and page numbers, and joins a paragraph over the page break', async () => {
    const doc = await read('page-furniture.pdf')
    expect(doc.text).not.toContain('绩效自评报告')
    expect(doc.text).not.toMatch(/- \d -/)
    expect(doc.diagnostics.find((d) => d.code === 'pdf-furniture-removed')?.message).toBe('left out 3 page-number line(s) and 3 running header/footer line(s)')
    const sentence = '年末结转结余5.42万元，结转结余率为0.93%，较上年下降1.25个百分点，资金沉淀问题得到有效解决，资金使用效率进一步提高，各项重点工作按计划推进，主要绩效指标全部完成，社会公众满意度达到98%以上，达到了预期目标。'
    expect(doc.text.split('\n')).toContain(sentence)
    // Page 2 begins inside that paragraph, where its third line was printed.
    const at = doc.text.indexOf(sentence)
    const pages = doc.pages!
    expect(pages.map((p) => p.number)).toEqual([1, 2, 3])
    expect(pages[1]!.start).toBeGreaterThan(at)
    expect(pages[1]!.start).toBeLessThan(at + sentence.length)
    expect(doc.text.slice(pages[2]!.start)).toMatch(/^三、存在的问题\n/)
    expectSpansInside(doc)
  })

  it('keeps headings and paragraph starts on their own lines', async () => {
    const doc = await read('page-furniture.pdf')
    const lines = doc.text.split('\n')
    expect(lines.slice(0, 2)).toEqual([
      '一、部门概况',
      '本部门年度预算资金总额为582.77万元，其中当年财政拨款462.74万元，上年结转资金92.75万元，其他资金27.27万元，全年执行数为577.35万元，预算执行率为99.07%。',
    ])
    expect(lines).toContain('二、绩效目标完成情况')
  })

  it('reads a table that runs over a page break as one table, without the repeated header row', async () => {
    const doc = await read('table-page-break.pdf')
    expect(doc.tables).toHaveLength(1)
    const [table] = doc.tables
    expect(table!.unit).toBe('万元')
    expect(table!.rows.map((r) => r[0]!.text)).toEqual(['项目', '基本支出', '人员经费', '公用经费', '项目支出', '专项业务费', '设备购置费', '信息化建设', '合计'])
    expect(table!.rows.every((r) => r.length === 4)).toBe(true)
    // Written like the TXT renderings of Word tables: TAB-led cells, a blank line after each row.
    expect(doc.text).toContain('\t基本支出\n\t1426.99\n\t1426.99\n\t1426.99\n\n\t人员经费\n')
    expect(doc.text).toContain('\n以上支出均按规定程序办理。\n')
    expectSpansInside(doc)
    const result = analyzeSource(doc)
    const inTable = result.figures.filter((f) => f.cell?.tableId === table!.id)
    expect(inTable.length).toBe(24)
    expect(new Set(inTable.map((f) => f.unit))).toEqual(new Set(['万元']))
  })

  it('reads borders drawn as filled hairlines (WPS) and merged cells', async () => {
    const doc = await read('table-filled-rules.pdf')
    expect(doc.tables).toHaveLength(1)
    const [table] = doc.tables
    expect(table!.unit).toBe('元')
    expect(table!.rows[0]!.map((c) => [c.text, c.colSpan])).toEqual([
      ['本年收入', 2],
      ['本年支出', 2],
    ])
    expect(table!.rows.at(-1)!.map((c) => c.text)).toEqual(['收入总计', '96,282,213.44', '支出总计', '96,282,213.44'])
  })

  it('reads a table drawn without rules from the alignment of its columns', async () => {
    const doc = await read('table-borderless.pdf')
    expect(doc.tables).toHaveLength(1)
    const [table] = doc.tables
    expect(table!.unit).toBe('万元')
    expect(table!.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['项目', '年初预算数', '全年执行数'],
      ['基本支出', '1426.99', '1426.99'],
      ['项目支出', '1968.07', '1822.16'],
      ['其中：专项业务费', '1200.00', '1150.50'],
      ['合计', '3395.06', '3249.15'],
    ])
    expect(doc.text).toMatch(/^一、部门收支总体情况\n本年度收支情况如下。\n单位：万元\n\t项目\n/)
    expectSpansInside(doc)
    const figures = analyzeSource(doc).figures.filter((f) => f.cell)
    expect(figures.map((f) => `${f.raw}${f.unit}`)).toContain('3249.15万元')
    expect(new Set(figures.map((f) => f.unit))).toEqual(new Set(['万元']))
  })

  it('reads a landscape table printed sideways on a portrait page', async () => {
    const doc = await read('sideways-table.pdf')
    expect(doc.diagnostics.find((d) => d.code === 'pdf-page-turned')?.message).toBe('page 2 printed sideways: read turned upright')
    expect(doc.text).toContain('部门收支预算总表\n单位：万元\n\t项目\n')
    expect(doc.tables).toHaveLength(1)
    expect(doc.tables[0]!.unit).toBe('万元')
    expect(doc.tables[0]!.rows.at(-1)!.map((c) => c.text)).toEqual(['收入总计', '9,628.22', '支出总计', '9,628.22'])
  })

  it('does not take prose for a borderless table', async () => {
    for (const name of ['page-furniture.pdf', 'kangxi-radicals.pdf', 'scanned-page.pdf']) expect((await read(name)).tables).toEqual([])
  })

  it('warns about a page without a text layer, naming it', async () => {
    const doc = await read('scanned-page.pdf')
    expect(doc.text).toContain('本部门2023年度收入总计3395.06万元。')
    const warning = doc.diagnostics.find((d) => d.code === 'pdf-page-no-text')
    expect(warning?.level).toBe('warning')
    expect(warning?.message).toMatch(/^page 2 of 2 has no text layer/)
    expect(doc.pages![1]).toMatchObject({ number: 2 })
    expect(doc.pages![1]!.end - doc.pages![1]!.start).toBe(0)
  })

  it('refuses a PDF with no text at all: it needs OCR', async () => {
    const error = await inputError('image-only.pdf')
    expect(error.code).toBe('pdf-needs-ocr')
    expect(error.message).toContain('image-only.pdf')
    expect(error.message).toContain('OCR')
  })

  it.each([
    ['encrypted.pdf', 'pdf-encrypted', /encrypted with a password/],
    ['truncated.pdf', 'pdf-truncated', /truncated/],
    ['corrupt.pdf', 'pdf-corrupt', /corrupt/],
  ])('gives a clear InputError for %s', async (name, code, reason) => {
    const error = await inputError(name)
    expect(error.code).toBe(code)
    expect(error.message.startsWith(FIXTURES + name)).toBe(true)
    expect(error.reason).toMatch(reason)
  })

  it('throws nothing but InputError for a bare header or random bytes after it', async () => {
    for (const bytes of [Buffer.from('%PDF-1.4'), Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256))])]) {
      const error = await readPdf(bytes, 'bad.pdf', 'x').catch((e: unknown) => e)
      expect(error).toBeInstanceOf(InputError)
    }
  })

  it('survives a corrupt page tree on which pdf.js leaves a promise rejected and unhandled', () => {
    // In a child process: Node's default for an unhandled rejection is to crash it, and
    // vitest's own listener would report the rejection here whatever the reader did.
    const script = [
      `import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'`,
      `import { readPdf } from ${JSON.stringify(new URL('../../src/extract/pdf.ts', import.meta.url).pathname)}`,
      `const outcome = await readPdf(readFileSync(${JSON.stringify(FIXTURES + 'broken-page-tree.pdf')}), 'b.pdf', 'x').then(() => 'read', (e) => e.name + ' ' + e.code)`,
      `await new Promise((resolve) => setTimeout(resolve, 300))`,
      `console.log(outcome)`,
    ].join('\n')
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' })
    expect(out.trim()).toBe('InputError pdf-corrupt')
  })

  it('destroys the parser on success and on failure', async () => {
    const destroy = vi.spyOn(PDFParse.prototype, 'destroy')
    await read('kangxi-radicals.pdf')
    await read('image-only.pdf').catch(() => undefined)
    await read('encrypted.pdf').catch(() => undefined)
    expect(destroy.mock.calls.length).toBeGreaterThanOrEqual(3)
  })

  it('is what readSource dispatches PDF bytes to, whatever the file is called', async () => {
    const doc = await readSource(readFileSync(FIXTURES + 'kangxi-radicals.pdf'), 'report.txt', 'id')
    expect(doc.format).toBe('pdf')
  })

  it('does not modify the bytes it is given', async () => {
    const bytes = new Uint8Array(readFileSync(FIXTURES + 'kangxi-radicals.pdf'))
    const copy = bytes.slice()
    await readPdf(bytes, 'k.pdf', 'id')
    expect(bytes.byteLength).toBe(copy.byteLength)
    expect(Buffer.compare(bytes, copy)).toBe(0)
  })
})
