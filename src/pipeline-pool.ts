/**
 * Extraction in worker threads: a piscina pool (piscina 5 supports Node ≥ 20) of up to
 * `threads` workers running workers/analyze-worker, behind a p-queue that hands a file to the pool
 * only when a worker is free — so a file's bytes wait in this thread, not in a queue of
 * thousands, and the timeout clock of a file is not ticking while it waits.
 *
 * Timeouts: a worker announces each task as it starts; `timeoutMs` later, if the task is
 * still running, its AbortSignal fires and piscina terminates that worker (a CPU-bound
 * extraction cannot be interrupted any other way); a fresh one starts for the next file. The file comes
 * back as a failed reply with code `timeout`.
 *
 * Memory: each worker's V8 heap is capped (`maxHeapMb`), so a pathological file fails with
 * code `out-of-memory` instead of taking the process down. The jieba dictionary is native
 * memory outside that cap (≈250 MB per worker), and nodejieba does not free it when a worker
 * is terminated: every timeout leaks one dictionary until the process ends.
 */
import { availableParallelism } from 'node:os'
import { dirname, extname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import PQueue from 'p-queue'
import { Piscina } from 'piscina'
import { firstLine } from './error-text.js'
import type { ExtractReply, Extractor } from './pipeline-extract.js'
import type { ValidationConfig } from './validate/config.js'
import { STARTED, type AnalyzeTask } from './workers/protocol.js'

const HERE = fileURLToPath(import.meta.url)
/** '.js' from dist/, '.ts' when running from sources (tests, tsx). */
const OWN_EXTENSION = extname(HERE)

/** The worker entry next to this module, in the same form (.js or .ts). */
export const ANALYZE_WORKER = join(dirname(HERE), 'workers', `analyze-worker${OWN_EXTENSION}`)

/** @default os.availableParallelism() */
export function defaultConcurrency(): number {
  return availableParallelism()
}

/** Per-file extraction time limit. @default 120 s */
export const DEFAULT_TIMEOUT_MS = 120_000

/** V8 old-generation cap per worker, MB. @default 1024 */
export const DEFAULT_WORKER_HEAP_MB = 1024

/** V8 young-generation size per worker, MB (see the measurement where it is used). */
const WORKER_YOUNG_MB = 48

export interface PoolOptions {
  /** Worker threads, each extracting one file at a time. */
  threads: number
  /** Time one file may take in its worker, ms; 0 = no limit. @default DEFAULT_TIMEOUT_MS */
  timeoutMs?: number
  /** Rule configuration, sent with each file (a few bytes). @default DEFAULT_CONFIG */
  validation?: ValidationConfig
  /** Worker module exporting an AnalyzeTask handler. @default ANALYZE_WORKER */
  workerFile?: string
  /** @default DEFAULT_WORKER_HEAP_MB */
  maxHeapMb?: number
}

/** Why an AbortSignal fired: our timeout (anything else is the pool closing). */
const TIMED_OUT = Symbol('timed out')

/** A piscina pool and the tasks running in it, by the id their worker announces. */
interface SharedPool {
  pool: Piscina
  running: Map<number, { controller: AbortController; timeoutMs: number; timer?: NodeJS.Timeout }>
  nextId: number
}

/**
 * Pools live for the process and are shared by every ingest with the same worker module,
 * thread count and heap cap. Workers start on demand (a one-file ingest starts one) and then
 * stay: the jieba dictionary a worker loaded is never loaded twice, and — since nodejieba
 * cannot free it — a pool per ingest call would leak one dictionary per worker per call.
 * Idle workers do not keep the process alive (piscina unrefs them).
 */
const pools = new Map<string, SharedPool>()

function sharedPool(filename: string, threads: number, maxHeapMb: number): SharedPool {
  const key = `${filename}|${threads}|${maxHeapMb}`
  let shared = pools.get(key)
  if (shared) return shared
  const pool = new Piscina({
    ...workerEntry(filename),
    minThreads: 0,
    maxThreads: threads,
    idleTimeout: Infinity,
    // The old-generation cap bounds a pathological file; the young generation is where a
    // report's short-lived parse objects die. Too small a young generation makes V8
    // scavenge constantly and promote garbage: with 8 MB, GC was 35% of a DOCX worker's
    // time. Measured with 2 workers on this 2-core machine (young 8 → 48 MB): 200 DOCX
    // 14.4 → 11.7 s, 60 PDF 13.2 → 9.8 s, 36 mixed files with a 3.6 MB published PDF
    // 12.8 → 11.5 s at a peak RSS of 728 → 741 MB. 64 MB gained little more and took
    // that peak to 889 MB.
    resourceLimits: { maxOldGenerationSizeMb: maxHeapMb, maxYoungGenerationSizeMb: WORKER_YOUNG_MB },
  })
  const running: SharedPool['running'] = new Map()
  // An error outside any task (a worker that cannot even start) fails the tasks waiting on it;
  // without a listener EventEmitter would throw it instead.
  pool.on('error', () => undefined)
  pool.on('message', (message: unknown) => {
    const id = (message as Record<string, unknown> | null)?.[STARTED]
    const task = typeof id === 'number' ? running.get(id) : undefined
    if (!task || task.timeoutMs <= 0) return
    task.timer = setTimeout(() => task.controller.abort(TIMED_OUT), task.timeoutMs)
  })
  shared = { pool, running, nextId: 0 }
  pools.set(key, shared)
  return shared
}

/** Stops every worker of every pool (they are started again on demand). */
export async function closeWorkerPools(): Promise<void> {
  const all = [...pools.values()]
  pools.clear()
  await Promise.all(all.map((p) => p.pool.destroy()))
}

export function workerExtractor(options: PoolOptions): Extractor {
  const threads = Math.max(1, Math.trunc(options.threads))
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const maxHeapMb = options.maxHeapMb ?? DEFAULT_WORKER_HEAP_MB
  const shared = sharedPool(options.workerFile ?? ANALYZE_WORKER, threads, maxHeapMb)
  const slots = new PQueue({ concurrency: threads })
  const seconds = `${Math.round(timeoutMs / 100) / 10} s`

  const runOne = async (bytes: Uint8Array, path: string): Promise<ExtractReply> => {
    const id = ++shared.nextId
    const controller = new AbortController()
    shared.running.set(id, { controller, timeoutMs })
    const task: AnalyzeTask = { id, bytes: owned(bytes), path, ...(options.validation ? { validation: options.validation } : {}) }
    try {
      return (await shared.pool.run(task, { signal: controller.signal, transferList: [task.bytes.buffer as ArrayBuffer] })) as ExtractReply
    } catch (error) {
      if (controller.signal.reason === TIMED_OUT)
        return { ok: false, code: 'timeout', reason: `extraction did not finish within ${seconds}; its worker was stopped` }
      if ((error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY')
        return { ok: false, code: 'out-of-memory', reason: `extraction needed more than the worker's ${maxHeapMb} MB heap; its worker was stopped` }
      return { ok: false, code: 'worker-error', reason: `the worker extracting this file stopped: ${firstLine(error)}` }
    } finally {
      clearTimeout(shared.running.get(id)?.timer)
      shared.running.delete(id)
    }
  }

  return {
    extract: (bytes, path) => slots.add(() => runOne(bytes, path)),
    // The pool is shared and stays; nothing of this extractor is left once its files are done.
    close: async () => slots.onIdle(),
  }
}

/**
 * Bytes the worker can take over (transfer, not copy): readFile's Buffer owns its memory,
 * but a small Buffer may be a view into Node's shared pool, which must not be detached.
 */
function owned(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer ? bytes : bytes.slice()
}

/**
 * From dist/ a worker module runs as it is. From TypeScript sources (vitest, tsx) it is
 * loaded through workers/source-entry.mjs, which registers tsx inside the worker first.
 */
function workerEntry(filename: string): { filename: string; workerData?: { cnreportSourceWorker: string } } {
  if (extname(filename) !== '.ts') return { filename }
  return { filename: join(dirname(HERE), 'workers', 'source-entry.mjs'), workerData: { cnreportSourceWorker: filename } }
}
