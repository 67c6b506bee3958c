/**
 * The ingest section of `npm run bench` (issue 6): bulk ingest end to end, against the raw
 * libraries on the same files with as many worker threads. See docs/bench.md.
 *
 * Per format: corpus × N copies with distinct bytes (copies.mjs) in a temp folder; then for
 * each worker count W, two child processes (child.mjs), each timed spawn → exit:
 *   ingest  `node <dist>/cli.js ingest <folder> --db <fresh temp db> --concurrency W --json`
 *   raw     `node <V8 options> bench/raw-pool.mjs <format> W <list>`: W threads running
 *           paths.mjs's raw path, with the V8 options cnreport's ingest runs itself with for W
 *           workers (src/relaunch.ts: its background thread pool), so both run on the same V8
 * so both include starting node, loading modules and starting workers; ingest also includes
 * its relaunch, storing and the cross-document checks after the last document (shown apart
 * as "after").
 * The temp folder is removed at the end, whatever happens.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import os from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { runChild } from './child.mjs'
import { copiesFor, corpusSeeds, writeCopies } from './copies.mjs'
import { distDir, REPO_ROOT } from './inputs.mjs'
import { runScale } from './scale.mjs'

const RAW_POOL = fileURLToPath(new URL('./raw-pool.mjs', import.meta.url))

/**
 * @param {import('./args.mjs').BenchOptions} options
 * @returns {Promise<object>} { formats: [{ format, seeds, copies, docs, runs: [...] }], speedups, scale? }
 */
export async function benchIngest(options) {
  const tmp = await mkdtemp(join(os.tmpdir(), 'cnreport-bench-'))
  const log = (msg) => process.stderr.write(`bench ingest: ${msg}\n`)
  try {
    const formats = []
    if (options.ingest) {
      for (const format of options.formats) {
        const seeds = await corpusSeeds(format)
        if (seeds.length === 0) continue
        const copies = options.copies ?? copiesFor(options.ingestDocs[format], seeds.length)
        const dir = join(tmp, format)
        const files = await writeCopies(dir, seeds, copies)
        const list = join(tmp, `${format}.list`)
        await writeFile(list, files.join('\n') + '\n')
        const runs = []
        for (const workers of options.workers) {
          log(`${format}: ${files.length} documents, ${workers} worker${workers === 1 ? '' : 's'}: raw`)
          const raw = await rawRun(format, workers, list, files.length, tmp, options)
          log(`${format}: ${files.length} documents, ${workers} worker${workers === 1 ? '' : 's'}: cnreport ingest`)
          const ingest = await ingestRun(format, workers, dir, files.length, tmp, options)
          const both = !ingest.error && !raw.error
          runs.push({ workers, ingest, raw, ratio: both ? ratioOf(ingest.docsPerSec, raw.docsPerSec) : undefined, ratioCpu: both ? ratioOf(raw.cpuMs, ingest.cpuMs) : undefined })
        }
        await rm(dir, { recursive: true, force: true })
        formats.push({ format, seeds: seeds.length, copies, docs: files.length, runs })
      }
    }
    const scale = options.scale === null ? undefined : await runScale(options, tmp, log)
    return { formats, speedups: speedups(formats), ...(scale ? { scale } : {}) }
  } finally {
    await rm(tmp, { recursive: true, force: true })
  }
}

/** `cnreport ingest` of one folder into a fresh database, in a child process. */
export async function ingestRun(format, workers, dir, docs, tmp, options, { sampleMs = 250, keepSamples = false } = {}) {
  const db = join(tmp, `${format}-${workers}-${Date.now()}.db`)
  const child = await runChild([join(distDir(), 'cli.js'), 'ingest', dir, '--db', db, '--concurrency', String(workers), '--json'], {
    tmp,
    timeoutMs: options.runTimeoutMs,
    sampleMs,
  })
  const run = measured(child, docs)
  if (keepSamples) run.samples = child.samples
  const summary = lastJsonLine(child.stdout)
  if (!summary || (child.code !== 0 && child.code !== 1)) {
    run.error = child.timedOut ? `killed after ${options.runTimeoutMs / 1000} s` : `exit ${child.code ?? child.signal}: ${child.stderrTail.slice(-3).join(' | ') || 'no summary'}`
  } else {
    run.stored = summary.stored
    run.failed = summary.failed.length
    run.failures = summary.failed.slice(0, 5)
    run.elapsedMs = summary.elapsedMs
    run.workersReported = summary.workers
    try {
      const counted = countPages(db, format)
      run.pages = counted.pages
      run.pagesPerSec = counted.pages === null ? null : counted.pages / (run.wallMs / 1000)
      run.storedDocs = counted.documents
    } catch (error) {
      // A schema being changed under the bench must not lose the run: pages show as unknown.
      run.pagesError = String(error?.message ?? error)
    }
  }
  await rm(db, { force: true })
  await rm(`${db}-wal`, { force: true })
  await rm(`${db}-shm`, { force: true })
  return run
}

/**
 * The node options `cnreport ingest --concurrency W` relaunches itself with (src/relaunch.ts),
 * none for a build from before it relaunched.
 */
export async function ingestNodeOptions(workers) {
  let relaunch
  try {
    relaunch = await import(pathToFileURL(join(distDir(), 'relaunch.js')).href)
  } catch {
    return []
  }
  return relaunch.relaunchOptions({ argv: ['ingest', '--concurrency', String(workers)], execArgv: [], env: {}, cores: os.availableParallelism() }) ?? []
}

/** raw-pool.mjs over the same files with the same number of threads, on the same V8 options. */
async function rawRun(format, workers, list, docs, tmp, options) {
  const child = await runChild([...(await ingestNodeOptions(workers)), RAW_POOL, format, String(workers), list], { tmp, timeoutMs: options.runTimeoutMs })
  const run = measured(child, docs)
  const result = lastJsonLine(child.stdout)
  if (!result || child.code !== 0) run.error = child.timedOut ? `killed after ${options.runTimeoutMs / 1000} s` : `exit ${child.code ?? child.signal}: ${child.stderrTail.slice(-3).join(' | ')}`
  else {
    run.failed = result.failed.length
    run.failures = result.failed.slice(0, 5)
    run.pages = result.pages
    run.pagesPerSec = result.pages === null ? null : result.pages / (run.wallMs / 1000)
  }
  return run
}

/** What every child run reports, whichever program it ran. */
function measured(child, docs) {
  return {
    docs,
    loadAtStart: child.loadAtStart,
    wallMs: child.wallMs,
    docsPerSec: docs / (child.wallMs / 1000),
    cpuMs: child.cpuMs,
    maxRssBytes: child.maxRssBytes,
    // Between the first and the last document done: the rate once started, before the tail.
    steadyDocsPerSec: child.progress.lastMs > child.progress.firstMs ? (docs - 1) / ((child.progress.lastMs - child.progress.firstMs) / 1000) : undefined,
    // From spawn to the first document done: node, modules, workers (and their dictionaries).
    firstDocMs: child.progress.firstMs,
    // After the last document: cross-document checks and closing the database (ingest), exit.
    afterLastMs: child.progress.lastMs === undefined ? undefined : child.wallMs - child.progress.lastMs,
    milestones: child.milestones,
  }
}

/** Pages stored for the format's documents (PDF only: TXT and DOCX have no pages). */
function countPages(dbFile, format) {
  const Database = createRequire(join(REPO_ROOT, 'package.json'))('better-sqlite3')
  const db = new Database(dbFile, { readonly: true, fileMustExist: true })
  try {
    const documents = db.prepare('SELECT count(*) AS n FROM documents').get().n
    const pages = format === 'pdf' ? db.prepare("SELECT count(*) AS n FROM pages JOIN documents d ON d.id = pages.document_id WHERE d.format = 'pdf'").get().n : null
    return { documents, pages }
  } finally {
    db.close()
  }
}

function lastJsonLine(stdout) {
  const line = stdout.trim().split('\n').pop()
  try {
    return line ? JSON.parse(line) : undefined
  } catch {
    return undefined
  }
}

function ratioOf(a, b) {
  return Number.isFinite(a) && Number.isFinite(b) && b > 0 ? a / b : undefined
}

/** docs/s with the most workers ÷ docs/s with the fewest, per format, for ingest and raw. */
function speedups(formats) {
  return formats
    .map((f) => {
      const ok = f.runs.filter((r) => !r.ingest.error)
      if (ok.length < 2) return undefined
      const [lo, hi] = [ok[0], ok[ok.length - 1]]
      return { format: f.format, from: lo.workers, to: hi.workers, ingest: ratioOf(hi.ingest.docsPerSec, lo.ingest.docsPerSec), raw: ratioOf(hi.raw.docsPerSec, lo.raw.docsPerSec) }
    })
    .filter(Boolean)
}
