/**
 * Stopping an ingest gracefully (IngestOptions.signal, Ctrl-C in the CLI): no file starts
 * after the signal, the files under way are stored whole, the indexes dropped for the bulk
 * load are rebuilt, the summary says what is left, and running again finishes the batch.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { analyzeFile } from '../src/analyze.js'
import { formatSummary } from '../src/commands/ingest.js'
import { ingest, type Analyze } from '../src/pipeline.js'
import { openDatabase, type Db } from '../src/store/db.js'
import { pendingIndexes } from '../src/store/deferred-indexes.js'
import { relaunchOptions } from '../src/relaunch.js'
import { Repository } from '../src/store/repo.js'
import { writeCopies } from '../bench/copies.mjs'
import { childPids, runCli, startCli, storedCount, whenStored } from './commands/ingest-child.js'
import { tempDbPath, tempDir } from './store/temp-db.js'

const CORPUS = resolve('corpus')
const TXT = readdirSync(CORPUS).filter((n) => n.endsWith('.txt')).sort().map((n) => join(CORPUS, n))
const analyze: Analyze = (_bytes, path) => analyzeFile(path)

function contents(db: Db) {
  return {
    counts: new Repository(db).rowCounts(),
    paths: db.prepare('SELECT path, document_id FROM document_paths ORDER BY path').all(),
    figures: db.prepare('SELECT document_id, id, label, yuan FROM figures ORDER BY document_id, id').all(),
  }
}

describe('an interrupted ingest', () => {
  it('starts no file after the signal, stores those under way, rebuilds its indexes, and the next run finishes the batch', async () => {
    const db = openDatabase(':memory:')
    const controller = new AbortController()
    const bulk = { minStored: 1, share: 0 } // drop the indexes from the first document on
    const first = await ingest(TXT, {
      db,
      analyze,
      concurrency: 1,
      indexDeferral: bulk,
      signal: controller.signal,
      onProgress: (e) => {
        if (e.done === 2) controller.abort()
      },
    })
    // With one worker at most two files are under way (one extracting, the next read ahead):
    // the two done, and at most the two that had started when the signal came.
    expect(first.interrupted).toBe(true)
    expect(first.stored).toBeGreaterThanOrEqual(2)
    expect(first.stored).toBeLessThanOrEqual(4)
    expect(first).toMatchObject({ unchanged: 0, linked: 0, failed: [], pending: TXT.length - first.stored })
    expect(new Repository(db).rowCounts()).toMatchObject({ documents: first.stored, document_paths: first.stored, deferred_indexes: 0 })
    expect(first.indexes?.rebuilt.length).toBeGreaterThan(0)
    expect(pendingIndexes(db)).toEqual([])
    expect(first.cross).not.toBeNull()

    const second = await ingest(TXT, { db, analyze, concurrency: 1, indexDeferral: bulk })
    expect(second).toMatchObject({ interrupted: false, pending: 0, stored: first.pending, unchanged: first.stored, failed: [] })

    const clean = openDatabase(':memory:')
    await ingest(TXT, { db: clean, analyze, concurrency: 1, indexDeferral: bulk })
    expect(contents(db)).toEqual(contents(clean))
  })

  it('is not interrupted when the signal comes after the last file started', async () => {
    const db = openDatabase(':memory:')
    const controller = new AbortController()
    const summary = await ingest(TXT, {
      db,
      analyze,
      concurrency: 1,
      signal: controller.signal,
      onProgress: (e) => {
        if (e.done === e.total) controller.abort()
      },
    })
    expect(summary).toMatchObject({ interrupted: false, pending: 0, stored: TXT.length })
  })
})

describe('the summary of an interrupted ingest', () => {
  it('counts the files left and takes the rate over the files handled', () => {
    const none = { stored: 0, unchanged: 0, linked: 0, failed: 0 }
    const text = formatSummary(
      {
        files: 10,
        stored: 4,
        unchanged: 0,
        linked: 0,
        failed: [],
        elapsedMs: 2000,
        formats: { txt: { ...none, stored: 4 }, docx: none, pdf: none, other: none },
        workers: 1,
        cross: null,
        indexes: null,
        interrupted: true,
        pending: 6,
      },
      'x.db',
    )
    expect(text).toBe(
      '10 files into x.db in 2.00 s: 4 stored, 0 unchanged, 0 linked, 0 failed, 6 not started\n' +
        'interrupted: 6 files left; run the same command again to store them (stored files are skipped)\n' +
        'by format: txt 4; 2.0 files/s, 1 worker\n',
    )
  })
})

/** The command lines of the processes `pid` started (Linux). */
function childCommands(pid: number): string[][] {
  return childPids(pid).map((c) => readFileSync(`/proc/${c}/cmdline`, 'utf8').split('\0').filter(Boolean))
}

/** Whether `cnreport ingest <args>` from startCli relaunches itself on this machine (src/relaunch.ts). */
function relaunches(args: string[]): boolean {
  return relaunchOptions({ argv: args, execArgv: ['--import', 'tsx'], env: {}, cores: availableParallelism() }) !== undefined
}

describe('cnreport ingest and Ctrl-C', () => {
  it('stops after the files under way, prints the summary, exits 130, and running again finishes', async () => {
    const dir = tempDir()
    const files = await writeCopies(dir, TXT, 8)
    const dbPath = tempDbPath()
    const args = ['ingest', dir, '--db', dbPath, '--concurrency', '1']
    const child = startCli(args)
    if (await whenStored(child, dbPath, 2)) {
      // The ingest runs in a child node of its own with V8's pool cut, where that helps here:
      // the signal sent to the command is passed on to it.
      const pooled = childCommands(child.pid!).filter((c) => c.some((a) => a.startsWith('--v8-pool-size=')))
      expect(pooled.length).toBe(relaunches(args) ? 1 : 0)
      child.kill('SIGINT')
    }
    const stopped = await child.output
    expect(stopped.code, `the run ended before it could be interrupted:\n${stopped.stderr}`).toBe(130)
    expect(stopped.stderr).toContain('cnreport ingest: SIGINT: starting no more files')
    const stored = storedCount(dbPath)
    const left = files.length - stored
    expect(left).toBeGreaterThan(0)
    expect(stopped.stdout).toContain(`${left} not started`)
    expect(stopped.stdout).toContain(`interrupted: ${left} files left; run the same command again`)
    const store = openDatabase(dbPath)
    expect(store.prepare('SELECT count(*) FROM document_paths').pluck().get()).toBe(stored)
    expect(pendingIndexes(store)).toEqual([])
    store.close()

    const resumed = await runCli(['ingest', dir, '--db', dbPath, '--concurrency', '1', '--json'])
    expect(resumed.code, resumed.stderr).toBe(0)
    expect(JSON.parse(resumed.stdout)).toMatchObject({ files: files.length, stored: left, unchanged: stored, interrupted: false, pending: 0 })
  })

  it('stops at once when the command it was relaunched from is killed', async () => {
    // Without --concurrency an ingest always relaunches: its workers take every core.
    const dir = tempDir()
    // Enough files (200) that the run, left alone, would go on for seconds after the kill.
    await writeCopies(dir, TXT, 40)
    const dbPath = tempDbPath()
    const child = startCli(['ingest', dir, '--db', dbPath])
    let worker: number | undefined
    if (await whenStored(child, dbPath, 1)) {
      worker = childPids(child.pid!)[0]
      child.kill('SIGKILL')
    }
    // Not child.output: that waits for the pipes, which the relaunched ingest holds too.
    if (child.exitCode === null && child.signalCode === null) await new Promise((r) => child.once('exit', r))
    expect(worker).toBeGreaterThan(0)
    // The relaunched ingest ends itself (its state turns to zombie or it is gone) within moments.
    const gone = () => !existsSync(`/proc/${worker}/stat`) || /^\d+ \(.*\) Z/.test(readFileSync(`/proc/${worker}/stat`, 'utf8'))
    for (let i = 0; i < 25 && !gone(); i++) await new Promise((r) => setTimeout(r, 20))
    expect(gone()).toBe(true)
    await child.output
    const store = openDatabase(dbPath)
    expect(store.pragma('integrity_check', { simple: true })).toBe('ok')
    store.close()
  })
})
