/**
 * Timeouts and runaway workers: a file whose extraction never ends is stopped after
 * --timeout, recorded as a failure with its reason, and the batch goes on in a fresh worker.
 * The misbehaviour comes from a test worker module (fixtures/ingest/stall-worker.ts) that
 * runs the real analysis for every other file.
 */
import { copyFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ingest } from '../src/pipeline.js'
import { openDatabase } from '../src/store/db.js'
import { Repository } from '../src/store/repo.js'
import { tempDbPath, tempDir } from './store/temp-db.js'

const CORPUS = resolve('corpus')
const STALL_WORKER = resolve('test/fixtures/ingest/stall-worker.ts')

/** A folder with the given names, each a copy of a small seed TXT. */
function batch(names: string[]): string {
  const dir = tempDir()
  for (const n of names) copyFileSync(join(CORPUS, n.includes('oom') || n.includes('stall') ? '004_45c0309bc3cdb8d6.txt' : '001_839d056623e669bc.txt'), join(dir, n))
  return dir
}

describe('ingest timeouts', () => {
  it('stops a file that runs past the timeout, records why, and goes on with a fresh worker', async () => {
    // One worker: the files after the stalled one can only be stored by its replacement.
    const dir = batch(['0-stall.txt', 'a.txt'])
    copyFileSync(join(CORPUS, '000_5799300e2c9f984a.txt'), join(dir, 'b.txt'))
    const repo = new Repository(openDatabase(tempDbPath()))
    const t0 = performance.now()
    const summary = await ingest([dir], { db: repo, concurrency: 1, timeoutMs: 3000, workerFile: STALL_WORKER })
    expect(summary.stored).toBe(2)
    expect(summary.failed).toEqual([{ path: join(dir, '0-stall.txt'), code: 'timeout', reason: 'extraction did not finish within 3 s; its worker was stopped' }])
    // The stalled file spins for ten minutes unless its worker is terminated.
    expect(performance.now() - t0).toBeLessThan(60_000)
    expect(repo.failures().map((f) => [f.path, f.code, f.attempts])).toEqual([[join(dir, '0-stall.txt'), 'timeout', 1]])
    expect(repo.rowCounts().documents).toBe(2)

    // The next run tries it again (and counts the attempt); the stored files are unchanged.
    const again = await ingest([dir], { db: repo, concurrency: 1, timeoutMs: 3000, workerFile: STALL_WORKER })
    expect(again).toMatchObject({ stored: 0, unchanged: 2, failed: [{ code: 'timeout' }] })
    expect(repo.failures()[0]!.attempts).toBe(2)
  })

  it('does not count the time a file waits for a worker against its timeout', async () => {
    // One worker, two stalls ahead of a healthy file: each stall costs a timeout plus the
    // start of a replacement worker (which loads the dictionary, about as long as the
    // timeout here). The healthy file waits through all of that and still gets its full time.
    const dir = batch(['0-stall.txt', '1-stall.txt', 'a.txt'])
    const summary = await ingest([dir], { db: openDatabase(tempDbPath()), concurrency: 1, timeoutMs: 2000, workerFile: STALL_WORKER })
    expect(summary.failed.map((f) => f.code)).toEqual(['timeout', 'timeout'])
    expect(summary.stored).toBe(1)
  })

  it('records a file that exhausts its worker heap as out-of-memory and goes on', async () => {
    const dir = batch(['0-oom.txt', 'a.txt'])
    const summary = await ingest([dir], { db: openDatabase(tempDbPath()), concurrency: 1, workerHeapMb: 256, workerFile: STALL_WORKER })
    expect(summary.failed).toEqual([{ path: join(dir, '0-oom.txt'), code: 'out-of-memory', reason: "extraction needed more than the worker's 256 MB heap; its worker was stopped" }])
    expect(summary.stored).toBe(1)
  })
})
