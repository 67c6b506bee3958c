/**
 * One batch, every kind of bad input beside good reports: each bad file is recorded as a
 * failure with a reason that names what is wrong, and every good report is stored.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ingest } from '../src/pipeline.js'
import { openDatabase } from '../src/store/db.js'
import { Repository } from '../src/store/repo.js'
import { makeZip } from './extract/docx-test-zip.js'
import { tempDbPath, tempDir } from './store/temp-db.js'

const MIB = 1024 * 1024
const CORPUS = resolve('corpus')
const GOOD = ['000_5799300e2c9f984a.txt', '001_839d056623e669bc.docx', '004_45c0309bc3cdb8d6.pdf']

describe('an ingest batch with bad DOCX, PDF and TXT inputs', () => {
  it('stores the good reports and records each bad one with its reason', async () => {
    const dir = tempDir()
    for (const name of GOOD) copyFileSync(join(CORPUS, name), join(dir, name))
    const docx = readFileSync(join(CORPUS, '001_839d056623e669bc.docx'))
    const pdf = readFileSync(join(CORPUS, '004_45c0309bc3cdb8d6.pdf'))
    const bad: Record<string, Uint8Array | string> = {
      'empty.txt': '',
      'truncated.docx': docx.subarray(0, Math.floor(docx.length / 2)),
      'bomb.docx': makeZip([
        { name: 'word/document.xml', data: 'x', method: 0, declaredSize: 150 * MIB },
        { name: 'word/media/big.bin', data: 'x', method: 0, declaredSize: 60 * MIB },
      ]),
      'truncated.pdf': pdf.subarray(0, Math.floor(pdf.length / 3)),
      'encrypted.pdf': readFileSync(resolve('test/fixtures/pdf/encrypted.pdf')),
      'scanned.pdf': readFileSync(resolve('test/fixtures/pdf/image-only.pdf')),
      'zip-not-word.docx': makeZip([{ name: 'readme.txt', data: 'hello' }]),
    }
    for (const [name, bytes] of Object.entries(bad)) writeFileSync(join(dir, name), bytes)

    const repo = new Repository(openDatabase(tempDbPath()))
    const summary = await ingest([dir], { db: repo })
    expect(summary.stored).toBe(GOOD.length)
    expect(repo.rowCounts().documents).toBe(GOOD.length)

    const failed = new Map(summary.failed.map((f) => [f.path.split('/').pop()!, f]))
    expect([...failed.keys()].sort()).toEqual(Object.keys(bad).sort())
    expect(failed.get('empty.txt')!.code).toBe('empty')
    expect(failed.get('truncated.docx')!.code).toMatch(/^docx-/)
    expect(failed.get('bomb.docx')!.code).toBe('docx-zip-bomb')
    expect(failed.get('truncated.pdf')!.code).toMatch(/^pdf-/)
    expect(failed.get('encrypted.pdf')!.code).toBe('pdf-encrypted')
    expect(failed.get('scanned.pdf')!.code).toBe('pdf-needs-ocr')
    for (const f of summary.failed) expect(f.reason.length).toBeGreaterThan(10)
    expect(repo.rowCounts().failures).toBe(Object.keys(bad).length)
  })
})
