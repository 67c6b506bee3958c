import { createHash } from 'node:crypto'
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { analyzeFile } from '../src/analyze.js'
import { InputError } from '../src/result.js'
import { ingest, type ProgressEvent } from '../src/pipeline.js'
import { openDatabase } from '../src/store/db.js'
import { Repository } from '../src/store/repo.js'
import { sampleResult } from './store/sample-result.js'
import { tempDbPath, tempDir } from './store/temp-db.js'

const CORPUS = resolve('corpus')
// Every report the corpus bundles, in any format: ingest takes them all.
const SEEDS = readdirSync(CORPUS).filter((n) => /\.(txt|docx|pdf)$/i.test(n)).sort()

/** Deterministic noise with NULs and invalid UTF-8, like a stray binary download. */
function noise(length: number): Uint8Array {
  const out = new Uint8Array(length)
  let x = 0x2545f491
  for (let i = 0; i < length; i++) {
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    out[i] = x & 0xff
  }
  return out
}

/** A well-formed one-page PDF with no text on it (a scan without OCR, in effect). */
function blankPdf(): string {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
  ]
  let body = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((o, i) => {
    offsets.push(body.length)
    body += `${i + 1} 0 obj\n${o}\nendobj\n`
  })
  const xref = body.length
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`
  return body + `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
}

describe('ingest of the seed corpus', () => {
  it('stores every seed once; a second run finds them all unchanged and changes nothing', async () => {
    const db = openDatabase(tempDbPath())
    const repo = new Repository(db)
    const first = await ingest([CORPUS], { db: repo })
    expect(first).toMatchObject({ files: SEEDS.length, stored: SEEDS.length, unchanged: 0, linked: 0, failed: [] })
    const counts = repo.rowCounts()
    expect(counts.documents).toBe(SEEDS.length)
    expect(counts.document_paths).toBe(SEEDS.length)

    const events: ProgressEvent[] = []
    const second = await ingest([CORPUS], { db: repo, onProgress: (e) => events.push(e) })
    expect(second).toMatchObject({ files: SEEDS.length, stored: 0, unchanged: SEEDS.length, failed: [] })
    expect(events.map((e) => [e.index, e.total, e.outcome.status])).toEqual(SEEDS.map((_, i) => [i + 1, SEEDS.length, 'unchanged']))
    expect(repo.rowCounts()).toEqual(counts)

    // --force re-extracts and replaces: same rows, no duplicates.
    const forced = await ingest([CORPUS], { db: repo, force: true })
    expect(forced.stored).toBe(SEEDS.length)
    expect(repo.rowCounts()).toEqual(counts)
    db.close()
  })

  it('stores what extraction produced, figure positions, units and labels included', async () => {
    const db = openDatabase(tempDbPath())
    await ingest([CORPUS], { db })
    const columns = (db.prepare('PRAGMA table_info(figures)').all() as { name: string }[]).map((c) => c.name)
    expect(columns).toEqual(expect.arrayContaining(['document_id', 'line', 'start', 'end', 'unit', 'label']))
    for (const name of SEEDS) {
      const r = await analyzeFile(join(CORPUS, name))
      const doc = db.prepare('SELECT text, path, tool_version FROM documents WHERE id = ?').get(r.document.id)
      expect(doc).toEqual({ text: r.text, path: join(CORPUS, name), tool_version: expect.stringMatching(/^cnreport \d+\.\d+\.\d+/) })
      const figures = db
        .prepare('SELECT id, line, start, "end", unit, label FROM figures WHERE document_id = ? ORDER BY start, id')
        .all(r.document.id)
      const expected = r.figures.map((f) => ({ id: f.id, line: f.line, start: f.start, end: f.end, unit: f.unit, label: f.label }))
      expect(figures).toEqual(expected.sort((a, b) => a.start - b.start || (a.id < b.id ? -1 : 1)))
      expect(db.prepare('SELECT count(*) FROM sections WHERE document_id = ?').pluck().get(r.document.id)).toBe(r.sections.length)
      expect(db.prepare('SELECT count(*) FROM tables WHERE document_id = ?').pluck().get(r.document.id)).toBe(r.tables?.length ?? 0)
    }
    db.close()
  })
})

describe('ingest of changed and broken files', () => {
  it('replaces the rows of a file whose content changed at the same path', async () => {
    const dir = tempDir()
    const file = join(dir, 'report.txt')
    copyFileSync(join(CORPUS, SEEDS[0]!), file)
    const db = openDatabase(tempDbPath())
    const repo = new Repository(db)
    await ingest([file], { db: repo })
    const oldId = repo.documentAt(file)!

    copyFileSync(join(CORPUS, SEEDS[1]!), file)
    const again = await ingest([file], { db: repo })
    expect(again).toMatchObject({ stored: 1, unchanged: 0 })
    expect(repo.hasDocument(oldId)).toBe(false)
    const fresh = openDatabase(tempDbPath())
    await ingest([join(CORPUS, SEEDS[1]!)], { db: fresh })
    expect(repo.rowCounts()).toEqual(new Repository(fresh).rowCounts())
    db.close()
    fresh.close()
  })

  it('records an empty file, a binary file and a PDF named .txt as failures and stores the seeds', async () => {
    const dir = tempDir()
    for (const name of SEEDS) copyFileSync(join(CORPUS, name), join(dir, name))
    writeFileSync(join(dir, 'empty.txt'), '')
    writeFileSync(join(dir, 'noise.txt'), noise(4096))
    writeFileSync(join(dir, 'scan.txt'), blankPdf())
    const db = openDatabase(tempDbPath())
    const repo = new Repository(db)

    const summary = await ingest([dir], { db: repo })
    expect(summary.stored).toBe(SEEDS.length)
    expect(summary.failed.map((f) => f.path)).toEqual(['empty.txt', 'noise.txt', 'scan.txt'].map((n) => join(dir, n)))
    const [empty, binary, pdf] = summary.failed
    expect(empty).toMatchObject({ code: 'empty', reason: expect.stringMatching(/empty/) })
    expect(binary).toMatchObject({ code: 'binary', reason: expect.stringMatching(/binary/) })
    expect(`${pdf!.code} ${pdf!.reason}`).toMatch(/pdf/i)

    const failures = repo.failures()
    expect(failures.map((f) => [f.path, f.code, f.reason, f.attempts])).toEqual(summary.failed.map((f) => [f.path, f.code, f.reason, 1]))
    expect(failures.every((f) => /^[0-9a-f]{64}$/.test(f.sha256 ?? ''))).toBe(true)
    expect(repo.rowCounts().documents).toBe(SEEDS.length)

    // Failing again counts an attempt; fixing the file clears its failure.
    writeFileSync(join(dir, 'empty.txt'), readFileSync(join(CORPUS, SEEDS[0]!)))
    const later = await ingest([dir], { db: repo })
    expect(later).toMatchObject({ stored: 0, linked: 1, unchanged: SEEDS.length })
    expect(repo.failures().map((f) => [f.path, f.attempts])).toEqual([
      [join(dir, 'noise.txt'), 2],
      [join(dir, 'scan.txt'), 2],
    ])
    db.close()
  })

  it('goes on after an extraction crash and after a result that cannot be stored', async () => {
    const dir = tempDir()
    for (const n of ['a.txt', 'b.txt', 'c.txt']) writeFileSync(join(dir, n), `报告 ${n}\n`)
    const db = openDatabase(tempDbPath())
    const repo = new Repository(db)
    const summary = await ingest([dir], {
      db: repo,
      analyze: async (_bytes, path) => {
        const real = await analyzeFile(path)
        if (path.endsWith('a.txt')) throw new TypeError('cannot read properties of undefined')
        if (path.endsWith('c.txt')) throw new InputError(path, 'the file is a GIF image', 'image')
        // b.txt: a result violating a constraint (duplicate figure id) must leave nothing behind.
        const bad = sampleResult({ id: real.document.id, path })
        bad.figures.push({ ...bad.figures[0]! })
        return bad
      },
    })
    expect(summary.stored).toBe(0)
    expect(summary.failed).toEqual([
      { path: join(dir, 'a.txt'), code: 'internal-error', reason: 'extraction failed: cannot read properties of undefined' },
      { path: join(dir, 'b.txt'), code: 'store-error', reason: expect.stringMatching(/^could not store the result: UNIQUE constraint failed: figures/) },
      { path: join(dir, 'c.txt'), code: 'image', reason: 'the file is a GIF image' },
    ])
    expect(repo.rowCounts()).toMatchObject({ documents: 0, figures: 0, sections: 0, failures: 3 })
    db.close()
  })

  it('records the same content found at a second path as linked, without extracting again', async () => {
    const dir = tempDir()
    copyFileSync(join(CORPUS, SEEDS[2]!), join(dir, 'one.txt'))
    copyFileSync(join(CORPUS, SEEDS[2]!), join(dir, 'two.txt'))
    const db = openDatabase(tempDbPath())
    let extracted = 0
    const summary = await ingest([dir], { db, analyze: (_bytes, p) => (extracted++, analyzeFile(p)) })
    expect(summary).toMatchObject({ stored: 1, linked: 1 })
    expect(extracted).toBe(1)
    expect(new Repository(db).rowCounts()).toMatchObject({ documents: 1, document_paths: 2 })
    db.close()
  })
})

describe('ingest with several files at once', () => {
  it('extracts at most `concurrency` files at a time', async () => {
    const dir = tempDir()
    for (let i = 0; i < 8; i++) writeFileSync(join(dir, `r${i}.txt`), `报告 ${i}\n`)
    let active = 0
    let most = 0
    const summary = await ingest([dir], {
      db: openDatabase(tempDbPath()),
      concurrency: 3,
      analyze: async (bytes, path) => {
        most = Math.max(most, ++active)
        // Yield a few turns so that every file the pipeline admits gets to start.
        for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r))
        active--
        return sampleResult({ id: createHash('sha256').update(bytes).digest('hex'), path })
      },
    })
    expect(summary).toMatchObject({ stored: 8, failed: [], workers: 0 })
    expect(most).toBe(3)
  })

  it('stores content once and links its twin when both are extracted at the same time (workers)', async () => {
    const dir = tempDir()
    copyFileSync(join(CORPUS, '004_45c0309bc3cdb8d6.txt'), join(dir, 'one.txt'))
    copyFileSync(join(CORPUS, '004_45c0309bc3cdb8d6.txt'), join(dir, 'two.txt'))
    const db = openDatabase(tempDbPath())
    const summary = await ingest([dir], { db, concurrency: 2 })
    expect(summary).toMatchObject({ stored: 1, linked: 1, workers: 2 })
    expect(new Repository(db).rowCounts()).toMatchObject({ documents: 1, document_paths: 2 })
  })

  it('stores the same rows whether extraction runs in workers or in-process', async () => {
    const dir = tempDir()
    for (const name of SEEDS.filter((n) => /^00[34].*\.(txt|docx)$/.test(n))) copyFileSync(join(CORPUS, name), join(dir, name))
    const pooled = openDatabase(tempDbPath())
    const local = openDatabase(tempDbPath())
    await ingest([dir], { db: pooled, concurrency: 2 })
    const inProcess = await ingest([dir], { db: local, mode: 'in-process' })
    expect(inProcess.workers).toBe(0)
    expect(new Repository(pooled).rowCounts()).toEqual(new Repository(local).rowCounts())
    const figures = 'SELECT document_id, id, start, "end", value, unit, label FROM figures ORDER BY document_id, id'
    expect(pooled.prepare(figures).all()).toEqual(local.prepare(figures).all())
  })

  it('reports progress once per input with a running count, the failures so far and a rate', async () => {
    const dir = tempDir()
    copyFileSync(join(CORPUS, '004_45c0309bc3cdb8d6.txt'), join(dir, 'a.txt'))
    writeFileSync(join(dir, 'b.txt'), '')
    copyFileSync(join(CORPUS, '001_839d056623e669bc.txt'), join(dir, 'c.txt'))
    const events: ProgressEvent[] = []
    await ingest([dir, 'no/such.txt'], { db: openDatabase(tempDbPath()), onProgress: (e) => events.push(e) })
    expect(events.map((e) => [e.index, e.done, e.total])).toEqual([1, 2, 3, 4].map((i) => [i, i, 4]))
    // The missing path is known before any file is read: it comes first.
    expect(events[0]!.outcome).toMatchObject({ path: 'no/such.txt', status: 'failed', code: 'not-found' })
    expect(events.at(-1)!.failed).toBe(2)
    expect(events.at(-1)!.rate).toBeGreaterThan(0)
    expect(events.at(-1)!.etaMs).toBe(0)
  })
})
