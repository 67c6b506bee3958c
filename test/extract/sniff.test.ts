import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { sniffFormat } from '../../src/extract/sniff.js'
import { fixtureBytes, repoRoot } from './txt-test-helpers.js'

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0))
const bytes = (...parts: Array<number[] | string>): Uint8Array =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)))

/** Deterministic noise (xorshift), so the test is the same on every run. */
function noise(length: number, seed = 2463534242): Uint8Array {
  const out = new Uint8Array(length)
  let x = seed
  for (let i = 0; i < length; i++) {
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    out[i] = x & 0xff
  }
  return out
}

/** The first bytes of an OLE2 compound file, with a directory entry name in UTF-16LE. */
function ole2(streamName: string): Uint8Array {
  const name = [...streamName].flatMap((c) => [c.charCodeAt(0), 0])
  return bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], new Array(504).fill(0), name, new Array(64).fill(0))
}

const sharedFixture = (name: string): Uint8Array => readFileSync(`${repoRoot}../shared/fixtures/${name}`)

describe('sniffFormat', () => {
  it('reads plain text as txt, whatever its encoding', () => {
    expect(sniffFormat(readFileSync(`${repoRoot}corpus/002_df2f04f55971090d.txt`))).toEqual({ kind: 'txt' })
    expect(sniffFormat(fixtureBytes('000-gb18030.txt'))).toEqual({ kind: 'txt' })
  })

  it('finds %PDF- within the first KiB, after leading junk', () => {
    expect(sniffFormat(bytes('%PDF-1.7\n%\u00e2\u00e3\n1 0 obj'))).toEqual({ kind: 'pdf' })
    expect(sniffFormat(bytes('\r\n  \ufeffjunk', '%PDF-1.4\n'))).toEqual({ kind: 'pdf' })
    expect(sniffFormat(bytes(' '.repeat(1100), '%PDF-1.4\n'))).not.toEqual({ kind: 'pdf' })
  })

  it('recognises the real DOCX and PDF renderings of the seeds', () => {
    expect(sniffFormat(sharedFixture('002_df2f04f55971090d.docx'))).toEqual({ kind: 'docx' })
    expect(sniffFormat(sharedFixture('002_df2f04f55971090d.pdf'))).toEqual({ kind: 'pdf' })
    expect(sniffFormat(sharedFixture('000_5799300e2c9f984a.nonembedded-cid-font.pdf'))).toEqual({ kind: 'pdf' })
  })

  it('tells a DOCX from other ZIPs by word/document.xml in the central directory', () => {
    expect(sniffFormat(fixtureBytes('docx-named.txt'))).toEqual({ kind: 'docx' })
    expect(sniffFormat(fixtureBytes('zip-named.txt'))).toEqual({
      kind: 'unreadable',
      code: 'zip-not-docx',
      reason: 'the file is a ZIP archive but not a Word document (it has no word/document.xml)',
    })
    // A PDF stored uncompressed in a ZIP puts %PDF- in the first KiB: still a ZIP.
    expect(sniffFormat(fixtureBytes('zip-with-pdf-named.txt'))).toMatchObject({ code: 'zip-not-docx' })
    expect(sniffFormat(fixtureBytes('xlsx-named.txt'))).toMatchObject({
      code: 'zip-not-docx',
      reason: expect.stringMatching(/^the file is an Excel workbook \(\.xlsx\) but not a Word document/),
    })
  })

  it('still sees a DOCX whose download was cut off before the central directory', () => {
    const docx = fixtureBytes('docx-named.txt')
    const cut = docx.subarray(0, docx.length - 120)
    expect(sniffFormat(cut)).toEqual({ kind: 'docx' })
    expect(sniffFormat(bytes(ascii('PK\x03\x04'), [1, 2]))).toMatchObject({ kind: 'unreadable', code: 'zip-not-docx' })
  })

  it('names legacy Office files (OLE2) instead of reading them as text', () => {
    expect(sniffFormat(ole2('WordDocument'))).toEqual({
      kind: 'unreadable',
      code: 'legacy-office',
      reason: 'the file is a legacy Word document (.doc, Word 97–2003), which cnreport cannot read; save it as .docx or PDF first',
    })
    expect(sniffFormat(ole2('Workbook'))).toMatchObject({ code: 'legacy-office', reason: expect.stringMatching(/\.xls/) })
    expect(sniffFormat(ole2('Other'))).toMatchObject({ code: 'legacy-office', reason: expect.stringMatching(/OLE2/) })
  })

  it('says empty for 0 bytes and for whitespace only', () => {
    expect(sniffFormat(new Uint8Array())).toEqual({ kind: 'unreadable', code: 'empty', reason: 'the file is empty (0 bytes)' })
    expect(sniffFormat(bytes('\uFEFF \r\n\t\u3000\n'))).toEqual({
      kind: 'unreadable',
      code: 'empty',
      reason: 'the file is empty: it contains only whitespace (11 bytes)',
    })
  })

  it('says binary for random bytes and names images, RTF and archives', () => {
    const sniffed = sniffFormat(noise(4096))
    expect(sniffed).toMatchObject({ kind: 'unreadable', code: 'binary' })
    expect(sniffed.kind === 'unreadable' && sniffed.reason).toMatch(/^the file is binary, not text: /)
    expect(sniffFormat(bytes([0x89], 'PNG\r\n'))).toMatchObject({ code: 'image', reason: expect.stringMatching(/PNG image/) })
    expect(sniffFormat(bytes('{\\rtf1\\ansi 附件'))).toMatchObject({ code: 'rtf' })
    expect(sniffFormat(bytes([0x1f, 0x8b, 8, 0]))).toMatchObject({ code: 'archive' })
  })
})
