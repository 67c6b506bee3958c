import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { inputError } from '../helpers/input-error.js'
import { DEFAULT_ZIP_LIMITS, openZip } from '../../src/extract/docx-zip.js'
import { makeZip } from './docx-test-zip.js'

const MIB = 1024 * 1024
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../fixtures/docx/${name}`, import.meta.url)))

describe('openZip', () => {
  it('reads stored and deflated entries', () => {
    const zip = openZip(
      makeZip([
        { name: 'a.txt', data: 'stored 存储', method: 0 },
        { name: 'b.xml', data: '<x>deflated 压缩</x>'.repeat(50) },
      ]),
      'ok.docx',
    )
    expect(zip.names()).toEqual(['a.txt', 'b.xml'])
    expect(zip.readText('a.txt')).toBe('stored 存储')
    expect(zip.readText('b.xml')).toBe('<x>deflated 压缩</x>'.repeat(50))
    expect(zip.read('missing')).toBeUndefined()
  })

  it('opens a DOCX written by Word-compatible software', () => {
    const zip = openZip(fixture('merged-cells.docx'), 'merged-cells.docx')
    expect(zip.exists('word/document.xml')).toBe(true)
    expect(zip.readText('word/document.xml')).toContain('单位：万元')
  })

  it('refuses a truncated file, naming it', () => {
    const bytes = fixture('merged-cells.docx')
    const error = inputError(() => openZip(bytes.subarray(0, bytes.length >> 1), 'reports/cut.docx'))
    expect(error.code).toBe('docx-corrupt')
    expect(error.message).toMatch(/^reports\/cut\.docx: the DOCX file is truncated or corrupt: it has no ZIP end-of-directory record/)
  })

  it('refuses bytes that only start like a ZIP', () => {
    const junk = new Uint8Array(4000).map((_, i) => (i * 7919) % 251)
    junk.set([0x50, 0x4b, 0x03, 0x04])
    expect(inputError(() => openZip(junk, 'junk.docx')).code).toBe('docx-corrupt')
  })

  it('refuses a directory whose entry points past the data', () => {
    const bytes = makeZip([{ name: 'word/document.xml', data: '<w:document/>' }])
    const broken = bytes.slice()
    // The local header offset of the only entry: central directory starts after the local part.
    const central = bytes.length - 22 - (46 + 'word/document.xml'.length)
    new DataView(broken.buffer).setUint32(central + 42, 999_999, true)
    const error = inputError(() => openZip(broken, 'moved.docx').read('word/document.xml'))
    expect(error.code).toBe('docx-corrupt')
    expect(error.message).toContain('the data of word/document.xml is missing')
  })

  it('detects a CRC mismatch', () => {
    const zip = openZip(makeZip([{ name: 'word/document.xml', data: '<w:document/>', crc: 12345 }]), 'crc.docx')
    const error = inputError(() => zip.read('word/document.xml'))
    expect(error.code).toBe('docx-corrupt')
    expect(error.message).toContain('fails its CRC-32 check')
  })

  it('refuses a directory declaring more than the total limit, before inflating anything', () => {
    // The data is not even deflate: reaching inflation would report corruption, not a bomb.
    const huge = makeZip([
      { name: 'word/document.xml', data: 'not deflate data', method: 0, declaredSize: 150 * MIB },
      { name: 'word/media/big.bin', data: 'x', method: 0, declaredSize: 60 * MIB },
    ])
    const error = inputError(() => openZip(huge, 'huge.docx'))
    expect(error.code).toBe('docx-zip-bomb')
    expect(error.message).toBe('huge.docx: the DOCX file is refused as a possible ZIP bomb: its entries would inflate to 210.0 MiB (limit 200.0 MiB)')
  })

  it('refuses an entry with a bomb-like compression ratio', () => {
    const zeros = new Uint8Array(4 * MIB)
    const error = inputError(() => openZip(makeZip([{ name: 'word/document.xml', data: zeros }]), 'ratio.docx'))
    expect(error.code).toBe('docx-zip-bomb')
    expect(error.message).toMatch(/word\/document\.xml would inflate \d+× \(limit 100×\)/)
  })

  it('keeps a small highly compressible part (below the ratio floor)', () => {
    const zeros = new Uint8Array(DEFAULT_ZIP_LIMITS.ratioFloorBytes - 1)
    expect(openZip(makeZip([{ name: 'z', data: zeros }]), 'z.docx').read('z')?.length).toBe(zeros.length)
  })

  it('stops inflating at the declared size when the directory lies', () => {
    const zip = openZip(makeZip([{ name: 'word/document.xml', data: new Uint8Array(2 * MIB), declaredSize: 1000 }]), 'liar.docx')
    const error = inputError(() => zip.read('word/document.xml'))
    expect(error.code).toBe('docx-zip-bomb')
    expect(error.message).toContain('word/document.xml inflates beyond its declared 1000 bytes')
  })

  it('refuses too many entries and duplicate names', () => {
    const many = makeZip(Array.from({ length: 30 }, (_, i) => ({ name: `f${i}`, data: '', method: 0 as const })))
    expect(inputError(() => openZip(many, 'many.docx', { ...DEFAULT_ZIP_LIMITS, maxEntries: 20 })).code).toBe('docx-zip-bomb')
    const twice = makeZip([
      { name: 'word/document.xml', data: 'a' },
      { name: 'word/document.xml', data: 'b' },
    ])
    expect(inputError(() => openZip(twice, 'twice.docx')).message).toContain('occurs twice')
  })

  it('refuses an encrypted entry', () => {
    const bytes = makeZip([{ name: 'word/document.xml', data: 'x' }]).slice()
    const central = bytes.length - 22 - (46 + 'word/document.xml'.length)
    new DataView(bytes.buffer).setUint16(central + 8, 1, true)
    expect(inputError(() => openZip(bytes, 'locked.docx')).code).toBe('docx-encrypted')
  })
})
