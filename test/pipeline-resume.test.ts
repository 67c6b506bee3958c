/**
 * Resumable and idempotent: an ingest killed with SIGKILL once some documents are stored,
 * then run again to completion, leaves exactly the rows of a clean run — every file stored
 * once, no duplicates, no half-written document.
 */
import { readdirSync } from 'node:fs'
import { basename, join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ingest } from '../src/pipeline.js'
import { openDatabase, type Db } from '../src/store/db.js'
import { Repository } from '../src/store/repo.js'
import { runCli, startCli, storedCount, whenStored } from './commands/ingest-child.js'
import { writeCopies } from '../bench/copies.mjs'
import { tempDbPath, tempDir } from './store/temp-db.js'

const CORPUS = resolve('corpus')
/** TXT and DOCX only: PDFs take seconds each on a busy machine and add nothing here. */
const SEEDS = readdirSync(CORPUS).filter((n) => /\.(txt|docx)$/.test(n)).map((n) => join(CORPUS, n))
const COPIES = 7
/** Documents stored before the kill. */
const KILL_AFTER = 6

/** What must be identical between two stores of the same files. */
function contents(db: Db) {
  return {
    counts: new Repository(db).rowCounts(),
    paths: db.prepare('SELECT path, document_id FROM document_paths ORDER BY path').all(),
    perDocument: db
      .prepare(
        `SELECT d.id, d.format, (SELECT count(*) FROM figures f WHERE f.document_id = d.id) AS figures,
                (SELECT count(*) FROM sections s WHERE s.document_id = d.id) AS sections,
                (SELECT count(*) FROM findings x WHERE x.document_id = d.id) AS findings
         FROM documents d ORDER BY d.id`,
      )
      .all(),
  }
}

describe('an ingest killed mid-run', () => {
  it('resumes to exactly the rows of a clean run', async () => {
    const dir = tempDir()
    const names = (await writeCopies(dir, SEEDS, COPIES)).map((path) => basename(path))
    const killedDb = tempDbPath()

    const child = startCli(['ingest', dir, '--db', killedDb, '--concurrency', '2'])
    if (await whenStored(child, killedDb, KILL_AFTER)) child.kill('SIGKILL')
    const killed = await child.output
    expect(killed.signal, `the run ended before it could be killed:\n${killed.stderr}`).toBe('SIGKILL')
    const atKill = storedCount(killedDb)
    expect(atKill).toBeGreaterThanOrEqual(KILL_AFTER)
    expect(atKill).toBeLessThan(names.length)

    // What the kill left is sound: whole documents only, each with all its paths.
    const left = openDatabase(killedDb)
    expect(left.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(left.prepare('SELECT count(*) FROM document_paths').pluck().get()).toBe(atKill)
    left.close()

    const resumed = await runCli(['ingest', dir, '--db', killedDb, '--concurrency', '2', '--json'])
    expect(resumed.code, resumed.stderr).toBe(0)
    expect(JSON.parse(resumed.stdout)).toMatchObject({ files: names.length, stored: names.length - atKill, unchanged: atKill, linked: 0, failed: [] })

    const clean = openDatabase(tempDbPath())
    const summary = await ingest([dir], { db: clean, concurrency: 2 })
    expect(summary).toMatchObject({ stored: names.length, failed: [] })
    const expected = contents(clean)
    const store = openDatabase(killedDb)
    const actual = contents(store)
    expect(actual.counts).toEqual(expected.counts)
    expect(actual.paths).toEqual(expected.paths)
    expect(actual.perDocument).toEqual(expected.perDocument)
    // Each copy is its own document, with the figures of its seed (copy "a" is the seed).
    expect(actual.counts.documents).toBe(names.length)
    const figuresAt = new Map(
      (store.prepare('SELECT p.path, count(f.id) AS n FROM document_paths p LEFT JOIN figures f ON f.document_id = p.document_id GROUP BY p.path').all() as { path: string; n: number }[]).map((r) => [r.path, r.n]),
    )
    for (const name of names) expect(figuresAt.get(join(dir, name)), name).toBe(figuresAt.get(join(dir, name.replace(/\.[a-z]+(\.\w+)$/, '.a$1'))))
    store.close()
    clean.close()
  })
})
