/**
 * `ingest`: discover input files → read and hash → skip what is already stored → extract
 * in worker threads → store, one transaction per document. One file's failure is recorded
 * and the batch goes on; a killed run is resumed by running it again.
 *
 * How work flows (the memory bound): a p-queue admits at most 2 × concurrency files at a
 * time — read, hashed, waiting for a worker, extracting or being stored — so bytes are
 * never read far ahead of the workers; the extractor hands a file to a worker only when
 * one is free (pipeline-pool.ts); each result is stored by this thread, the one writer,
 * as soon as it arrives and then dropped; the summary keeps failures, not outcomes.
 *
 * Modules: pipeline-discovery (paths, folders, globs), pipeline-list (--from-list),
 * pipeline-file (one file), pipeline-extract / pipeline-pool / workers/ (extraction),
 * pipeline-indexes (a run that stores many documents drops the scattered indexes and
 * rebuilds them at its end), pipeline-summary and pipeline-progress (what is reported).
 */
import PQueue from 'p-queue'
import { discoverInputs, type InputFile } from './pipeline-discovery.js'
import { inProcessExtractor, type Analyze, type Extractor } from './pipeline-extract.js'
import { ingestFile, newFileStep, type FileOutcome } from './pipeline-file.js'
import { IndexDeferral, type DeferralRule } from './pipeline-indexes.js'
import { DEFAULT_TIMEOUT_MS, defaultConcurrency, workerExtractor } from './pipeline-pool.js'
import { ProgressMeter, type ProgressSnapshot } from './pipeline-progress.js'
import { SummaryBuilder, type IngestSummary } from './pipeline-summary.js'
import type { Db } from './store/db.js'
import { Repository } from './store/repo.js'
import type { ValidationConfig } from './validate/config.js'

export { discoverInputs, INPUT_EXTENSIONS, type FailedFile, type InputFile } from './pipeline-discovery.js'
export type { Analyze, FileFormat } from './pipeline-extract.js'
export { ingestFile, type FileOutcome, type FileStatus } from './pipeline-file.js'
export type { FormatCounts, IngestSummary } from './pipeline-summary.js'

export interface IngestOptions {
  db: Db | Repository
  /** Re-extract and replace files whose content is already stored. @default false */
  force?: boolean
  /** Called once per input as it is handled, in the order inputs finish. */
  onProgress?: (event: ProgressEvent) => void
  /** Rule configuration for the default analysis (ignored when `analyze` is given). @default DEFAULT_CONFIG */
  validation?: ValidationConfig
  /** Files extracted at once: worker threads. @default os.availableParallelism() */
  concurrency?: number
  /**
   * Where extraction runs: 'workers' (a thread pool; timeouts are enforced) or 'in-process'
   * (this thread; no timeout can stop a CPU-bound extraction there).
   * @default 'workers', or 'in-process' when `analyze` is given
   */
  mode?: 'workers' | 'in-process'
  /** Time one file's extraction may take in its worker, ms; 0 = no limit. @default 120000 */
  timeoutMs?: number
  /** Worker module (tests: one that stalls). @default workers/analyze-worker */
  workerFile?: string
  /** V8 heap cap per worker, MB. @default 1024 */
  workerHeapMb?: number
  /** bytes → result, run in-process instead of the default analysis (tests). */
  analyze?: Analyze
  /**
   * When a run counts as a bulk load whose scattered indexes are dropped while it writes and
   * rebuilt at its end (pipeline-indexes.ts); false never drops them.
   * @default { minStored: 64, share: 0.125 }
   */
  indexDeferral?: DeferralRule | false
  /**
   * Stops the run early (Ctrl-C in the CLI): no further file is started; the files under
   * way are finished and stored, the dropped indexes rebuilt and the cross-document checks
   * run on what was handled. The summary says `interrupted` and how many files are `pending`;
   * running the same ingest again resumes.
   */
  signal?: AbortSignal
}

export interface ProgressEvent extends ProgressSnapshot {
  /** Same as `done`: how many inputs are handled, this one included. */
  index: number
  outcome: FileOutcome
}

export async function ingest(paths: readonly string[], options: IngestOptions): Promise<IngestSummary> {
  const started = performance.now()
  const repo = options.db instanceof Repository ? options.db : new Repository(options.db)
  const { files, unreadable } = await discoverInputs(paths)
  const concurrency = Math.max(1, Math.trunc(options.concurrency ?? defaultConcurrency()))
  const inProcess = (options.mode ?? (options.analyze ? 'in-process' : 'workers')) === 'in-process'
  const summary = new SummaryBuilder(files.length + unreadable.length, inProcess ? 0 : concurrency)
  const meter = new ProgressMeter(files.length + unreadable.length)
  const report = (outcome: FileOutcome, order: number) => {
    summary.add(outcome, order)
    const snapshot = meter.record(outcome.status === 'failed')
    options.onProgress?.({ ...snapshot, index: snapshot.done, outcome })
  }

  // Named paths that are missing are reported, not stored as failures: there is no file to retry.
  unreadable.forEach((u, i) => report({ path: u.path, status: 'failed', code: u.code, reason: u.reason, format: 'other', ms: 0 }, i - unreadable.length))
  if (files.length > 0) {
    // The cross-document checks run once the files are stored. Their modules (rules, queries,
    // the gazetteer: ≈ 70 ms) load while the files go through, not before the first can start.
    const crossChecks = import('./validate/cross/after-ingest.js')
    // Awaited below; until then a failed load must not count as an unhandled rejection.
    crossChecks.catch(() => undefined)
    const deferral = new IndexDeferral(repo.db, options.indexDeferral === false ? { minStored: Infinity } : options.indexDeferral)
    const extractor = inProcess ? inProcessExtractor(options.analyze ?? (await defaultAnalyze(options.validation)), concurrency) : workerExtractor(poolOptions(options, concurrency))
    let handled: readonly InputFile[]
    try {
      handled = await runFiles(files, concurrency, extractor, repo, options.force ?? false, report, () => deferral.stored(), options.signal)
    } finally {
      await extractor.close()
      // Before the cross-document checks, which query by field; also after a failed run.
      summary.indexesRebuilt(deferral.finish())
    }
    summary.pending(files.length - handled.length)
    const { runCrossChecks } = await crossChecks
    const cross = runCrossChecks(repo, handled.map((f) => f.absolute), options.validation)
    summary.crossChecked({
      findings: cross.findings,
      byRule: Object.fromEntries(cross.rules.map((r) => [r.ruleId, r.findings])),
      elapsedMs: cross.elapsedMs,
      diagnostics: cross.diagnostics.map((d) => ({ ...(d.code ? { code: d.code } : {}), message: d.message })),
    })
  }
  return summary.finish(performance.now() - started)
}

/**
 * Every file through ingestFile, at most 2 × concurrency in flight; once `signal` aborts, no
 * further file starts. Returns the files started (all of them unless interrupted), each of
 * which has its outcome.
 */
async function runFiles(
  files: readonly InputFile[],
  concurrency: number,
  extractor: Extractor,
  repo: Repository,
  force: boolean,
  report: (outcome: FileOutcome, order: number) => void,
  afterStore: () => void,
  signal: AbortSignal | undefined,
): Promise<readonly InputFile[]> {
  const step = newFileStep(repo, extractor, force, afterStore)
  // Twice the workers: while each worker extracts, the next file is already read and hashed
  // (and unchanged files, which need no worker, do not queue behind extractions).
  const queue = new PQueue({ concurrency: 2 * concurrency })
  let callbackError: { error: unknown } | undefined
  const started: InputFile[] = []
  for (const [order, file] of files.entries()) {
    if (callbackError || signal?.aborted) break
    // Backpressure: do not line up thousands of pending closures ahead of the workers.
    await queue.onSizeLessThan(concurrency)
    queue
      .add(async () => {
        // A file still waiting in the queue when the signal came is left for the next run.
        if (signal?.aborted) return
        started.push(file)
        report(await ingestFile(file, step), order)
      })
      .catch((error: unknown) => {
        callbackError ??= { error } // only onProgress can throw here; ingestFile never does
      })
  }
  await queue.onIdle()
  if (callbackError) throw callbackError.error
  return started
}

function poolOptions(options: IngestOptions, threads: number) {
  return {
    threads,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    ...(options.validation ? { validation: options.validation } : {}),
    ...(options.workerFile ? { workerFile: options.workerFile } : {}),
    ...(options.workerHeapMb ? { maxHeapMb: options.workerHeapMb } : {}),
  }
}

/** The analysis for in-process mode, imported only then: the main thread of a pooled run never loads it. */
async function defaultAnalyze(validation: ValidationConfig | undefined): Promise<Analyze> {
  const { analyzeBytes } = await import('./analyze.js')
  return (bytes, path) => analyzeBytes(bytes, path, validation ? { validation } : {})
}
