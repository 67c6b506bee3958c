import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { decodeText, isDecoded, type Decoded } from '../../src/extract/decode.js'
import { fixtureBytes, repoRoot } from './txt-test-helpers.js'

function decoded(bytes: Uint8Array): Decoded {
  const d = decodeText(bytes)
  if (!isDecoded(d)) throw new Error(`expected text, got: ${d.reason}`)
  return d
}

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s)

function utf16(s: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const out = new Uint8Array((s.length + (bom ? 1 : 0)) * 2)
  const view = new DataView(out.buffer)
  let p = 0
  if (bom) view.setUint16((p += 2) - 2, 0xfeff, littleEndian)
  for (let i = 0; i < s.length; i++) view.setUint16((p += 2) - 2, s.charCodeAt(i), littleEndian)
  return out
}

describe('decodeText', () => {
  it('decodes UTF-8 and leaves everything but the BOM as it is', () => {
    const text = '一、基本情况\r\n\t582.77万元\r\n\u3000全年执行率98%\n'
    const plain = decoded(utf8(text))
    expect(plain).toMatchObject({ text, encoding: 'utf-8', bom: false, diagnostics: [] })
    const withBom = decoded(utf8(`\uFEFF${text}`))
    expect(withBom).toMatchObject({ text, encoding: 'utf-8', bom: true })
  })

  it('removes only the first BOM: a second U+FEFF is content', () => {
    expect(decoded(utf8('\uFEFF\uFEFF附件1')).text).toBe('\uFEFF附件1')
  })

  it('decodes UTF-16 LE and BE with a BOM, and UTF-16 LE without one', () => {
    const text = '附件3\n年度资金总额\t582.77\n'
    expect(decoded(utf16(text, true, true))).toMatchObject({ text, encoding: 'utf-16le', bom: true })
    expect(decoded(utf16(text, false, true))).toMatchObject({ text, encoding: 'utf-16be', bom: true })
    expect(decoded(utf16(text, true, false))).toMatchObject({ text, encoding: 'utf-16le', bom: false })
    expect(decoded(utf16(text, true, true)).diagnostics.map((d) => d.code)).toEqual(['txt-decoded-utf16'])
  })

  it('falls back to GB18030 with an info diagnostic: a GB18030 copy of seed 000 decodes to the UTF-8 text', () => {
    const original = readFileSync(`${repoRoot}corpus/000_5799300e2c9f984a.txt`, 'utf8')
    const gb = fixtureBytes('000-gb18030.txt') // iconv -f utf-8 -t gb18030 corpus/000_*.txt
    expect(gb.length).not.toBe(Buffer.byteLength(original)) // really re-encoded
    const d = decoded(gb)
    expect(d.encoding).toBe('gb18030')
    expect(d.text).toBe(original)
    expect(d.diagnostics).toEqual([expect.objectContaining({ level: 'info', code: 'txt-decoded-gb18030' })])
  })

  it('calls NUL bytes, control characters and undecodable bytes binary', () => {
    const nul = decodeText(new Uint8Array([0x41, 0x00, 0x00, 0x42, 0x43, 0x00, 0x00, 0x00]))
    expect(isDecoded(nul)).toBe(false)
    expect(decodeText(utf8('报告\x01\x02\x03\x04\x05正文'))).toEqual({ reason: expect.stringMatching(/control characters/) })
    // 0x80 and 0xFF are invalid as single bytes in both UTF-8 and GB18030.
    expect(decodeText(new Uint8Array([0x80, 0xff, 0x80, 0xff]))).toEqual({
      reason: 'its bytes are neither UTF-8, UTF-16 nor GB18030 text',
    })
  })

  it('rejects a UTF-16 BOM followed by an unpaired surrogate', () => {
    const bytes = new Uint8Array([0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00])
    expect(decodeText(bytes)).toEqual({ reason: expect.stringMatching(/not valid UTF-16LE/) })
  })
})
