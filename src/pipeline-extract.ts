/**
 * The extraction step of an ingest behind one small interface, so the pipeline does not
 * care whether a file is analysed in a worker thread (pipeline-pool.ts) or in this thread
 * (here: tests that inject `analyze`, and `--concurrency 1` if asked to stay in-process).
 * Whatever happens — unreadable input, a crash, a timeout — comes back as a reply, never
 * as a rejection: one file must not end the batch.
 */
import PQueue from 'p-queue'
import type { DocumentInfo, ExtractResult } from './contract.js'
import { sniffFormat } from './extract/sniff.js'
import { InputError } from './result.js'
import { firstLine } from './error-text.js'

/** A report format as the store knows it; 'other' for bytes that are none of them. */
export type FileFormat = DocumentInfo['format'] | 'other'

/** What extracting one file gave: a result to store, or why there is none. */
export type ExtractReply =
  | {
      ok: true
      result: ExtractResult
      /** Time the analysis took where it ran, ms. */
      ms?: number
    }
  | {
      ok: false
      /** InputError code (empty, binary, pdf-corrupt, …), internal-error, timeout or worker-error. */
      code: string
      /** One line saying what is wrong. */
      reason: string
      /** The format the bytes were sniffed as, when the reader got that far. */
      format?: FileFormat
    }

/** bytes → result; the work one file takes. */
export type Analyze = (bytes: Uint8Array, path: string) => Promise<ExtractResult>

export interface Extractor {
  /** Extracts one file. Never rejects. */
  extract(bytes: Uint8Array, path: string): Promise<ExtractReply>
  /** Releases threads; waits for nothing in flight (the pipeline drains first). */
  close(): Promise<void>
}

/** Runs `analyze` and turns what it throws into a failed reply. */
export async function replyOf(analyze: Analyze, bytes: Uint8Array, path: string): Promise<ExtractReply> {
  const t0 = performance.now()
  try {
    const result = await analyze(bytes, path)
    return { ok: true, result, ms: performance.now() - t0 }
  } catch (error) {
    if (error instanceof InputError) return { ok: false, code: error.code, reason: error.reason, format: formatOf(bytes) }
    return { ok: false, code: 'internal-error', reason: `extraction failed: ${firstLine(error)}` }
  }
}

/**
 * Extraction in the calling thread, at most `concurrency` files at a time (they interleave
 * only at their awaits: useful for async `analyze` functions, not for CPU-bound ones).
 */
export function inProcessExtractor(analyze: Analyze, concurrency = 1): Extractor {
  const slots = new PQueue({ concurrency })
  return {
    extract: (bytes, path) => slots.add(() => replyOf(analyze, bytes, path)),
    close: () => slots.onIdle(),
  }
}

function formatOf(bytes: Uint8Array): FileFormat {
  try {
    const kind = sniffFormat(bytes).kind
    return kind === 'unreadable' ? 'other' : kind
  } catch {
    return 'other'
  }
}
