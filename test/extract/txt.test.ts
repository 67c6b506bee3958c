import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { inputError } from '../helpers/input-error.js'
import { readTxt } from '../../src/extract/txt.js'
import { fixtureBytes, readFixture, readString, repoRoot } from './txt-test-helpers.js'

describe('readTxt: text', () => {
  it('keeps the decoded text exactly: BOM removed, CRLF and tabs untouched', () => {
    const text = '附件1\r\n\r\n\t项目\r\n\t金额\r\n'
    const doc = readTxt(new TextEncoder().encode(`\uFEFF${text}`), 'a.txt', 'id1')
    expect(doc).toMatchObject({ id: 'id1', path: 'a.txt', format: 'txt', text })
  })

  it('returns every seed byte for byte as its UTF-8 text', () => {
    for (const name of ['000_5799300e2c9f984a.txt', '002_df2f04f55971090d.txt', '003_f7f3d033ce8efc18.txt']) {
      const path = `${repoRoot}corpus/${name}`
      expect(readTxt(readFileSync(path), path, 'x').text).toBe(readFileSync(path, 'utf8'))
    }
  })

  it('decodes GB18030 and says so in a diagnostic', () => {
    const doc = readTxt(fixtureBytes('000-gb18030.txt'), 'gb.txt', 'x')
    expect(doc.text).toBe(readFileSync(`${repoRoot}corpus/000_5799300e2c9f984a.txt`, 'utf8'))
    expect(doc.diagnostics.map((d) => d.code)).toEqual(['txt-decoded-gb18030'])
  })

  it('warns when lines are broken by bare CRs, which line numbers do not see', () => {
    const doc = readString('一、基本情况\r预算582.77万元\r二、绩效\r')
    expect(doc.diagnostics).toEqual([expect.objectContaining({ level: 'warning', code: 'txt-cr-line-breaks' })])
    expect(readString('一\r\n二\r\n').diagnostics).toEqual([])
  })
})

describe('readTxt: blocks', () => {
  it('gives one block per non-empty line, without its line break; table lines are cells', () => {
    const doc = readFixture('tab-cells-rows.txt')
    const lines = doc.text.split('\n')
    expect(doc.blocks.map((b) => doc.text.slice(b.start, b.end))).toEqual(lines.filter((l) => l.trim() !== ''))
    expect(doc.blocks.map((b) => b.kind)).toEqual([
      'paragraph', 'paragraph', // 附件1, title
      'cell', 'cell', 'cell', 'cell', 'cell', 'cell', 'cell', 'cell', 'cell', 'cell',
      'paragraph', 'paragraph', // heading and narrative after the table
    ])
  })

  it('leaves the \\r of CRLF out of block and cell spans', () => {
    const crlf = new TextDecoder().decode(fixtureBytes('tab-cells-rows.txt')).replaceAll('\n', '\r\n')
    const doc = readString(crlf)
    expect(doc.text).toBe(crlf)
    for (const b of doc.blocks) expect(doc.text.slice(b.start, b.end)).not.toMatch(/[\r\n]/)
    expect(doc.tables[0]!.rows[2]!.map((c) => c.text)).toEqual(['资金总额', '120.50', '118.06', '97.98%'])
  })
})

describe('readTxt: unreadable input is an InputError naming the file', () => {
  it.each([
    ['empty', new Uint8Array(), 'empty', 'the file is empty (0 bytes)'],
    ['blank', new TextEncoder().encode('\n\n   \n'), 'empty', 'the file is empty: it contains only whitespace (6 bytes)'],
    ['pdf', new TextEncoder().encode('%PDF-1.7\n1 0 obj\n'), 'not-text', 'the file is a PDF document, not plain text'],
  ])('%s', (name, bytes, code, reason) => {
    const error = inputError(() => readTxt(bytes, `reports/${name}.txt`, 'x'))
    expect(error).toMatchObject({ path: `reports/${name}.txt`, code, reason })
    expect(error.message).toBe(`reports/${name}.txt: ${reason}`)
  })

  it('zip, docx, xlsx and binary files named .txt', () => {
    expect(inputError(() => readTxt(fixtureBytes('zip-named.txt'), 'z.txt', 'x'))).toMatchObject({ code: 'zip-not-docx' })
    expect(inputError(() => readTxt(fixtureBytes('xlsx-named.txt'), 'x.txt', 'x'))).toMatchObject({ code: 'zip-not-docx' })
    expect(inputError(() => readTxt(fixtureBytes('docx-named.txt'), 'd.txt', 'x')).message).toBe(
      'd.txt: the file is a Word document (.docx), not plain text',
    )
    const binary = Uint8Array.from({ length: 2048 }, (_, i) => (i * 7919) % 256)
    expect(inputError(() => readTxt(binary, 'b.txt', 'x'))).toMatchObject({ code: 'binary' })
  })

  it('a legacy .doc', () => {
    const doc = new Uint8Array(1024)
    doc.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
    doc.set([...'WordDocument'].flatMap((c) => [c.charCodeAt(0), 0]), 512)
    expect(inputError(() => readTxt(doc, 'old.txt', 'x')).message).toMatch(/^old\.txt: the file is a legacy Word document/)
  })
})
