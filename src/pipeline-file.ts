/**
 * One file of an ingest: read → hash → (skip | wait for the same bytes | extract → store).
 * Runs on the main thread, several files at a time; only the extraction leaves the thread.
 *
 * Every write is one SQLite transaction on this thread (the single writer): a stored
 * document with all its rows and its path (Repository.saveResult), a path pointed at an
 * already-stored document (linkPath), or a failure row (recordFailure). A run killed at any
 * moment therefore leaves whole documents or none, and the next run stores what is missing.
 */
import { readFile } from 'node:fs/promises'
import type { InputFile } from './pipeline-discovery.js'
import { firstLine } from './error-text.js'
import { sha256 } from './hash.js'
import type { ExtractReply, Extractor, FileFormat } from './pipeline-extract.js'
import type { Repository } from './store/repo.js'

/**
 * stored: extracted and written; unchanged: this path already named this content;
 * linked: the content was stored (from another path, or it failed before) and only the
 * path was recorded; failed: see code and reason.
 */
export type FileStatus = 'stored' | 'unchanged' | 'linked' | 'failed'

export interface FileOutcome {
  /** As the user named it (directory arguments joined with the relative path). */
  path: string
  status: FileStatus
  sha256?: string
  /** The format the bytes were read as; 'other' when none (or never read). */
  format?: FileFormat
  /** Failed only: InputError code (empty, binary, …) or not-found / read-error / store-error / internal-error / timeout / out-of-memory / worker-error. */
  code?: string
  /** Failed only: one line saying what is wrong with the file. */
  reason?: string
  /** Stored only: figures written. */
  figures?: number
  /** Wall time from reading the file to its outcome, waiting for a free worker included, ms. */
  ms: number
  /** Stored only: time the extraction itself took (in its worker), ms. */
  extractMs?: number
}

/** How an extraction ended, for files with the same bytes that waited for it. */
type Settled = { stored: true; format: FileFormat } | { stored: false; code: string; reason: string; format?: FileFormat }

export interface FileStep {
  repo: Repository
  extractor: Extractor
  /** Re-extract files whose content is already stored. */
  force: boolean
  /** Extractions under way, by sha256: a second file with the same bytes waits and links. */
  inflight: Map<string, Promise<Settled>>
  /** Called after each document is stored (the bulk-load index rule counts them). */
  afterStore: () => void
}

export function newFileStep(repo: Repository, extractor: Extractor, force: boolean, afterStore: () => void = () => undefined): FileStep {
  return { repo, extractor, force, inflight: new Map(), afterStore }
}

/** One file through the pipeline. Never throws: failures become outcomes (and failure rows). */
export async function ingestFile(file: InputFile, step: FileStep): Promise<FileOutcome> {
  const { repo } = step
  const t0 = performance.now()
  const done = (o: Omit<FileOutcome, 'path' | 'ms'>): FileOutcome => ({ path: file.path, ...o, ms: performance.now() - t0 })
  const fail = (code: string, reason: string, sha?: string, format?: FileFormat): FileOutcome => {
    try {
      repo.recordFailure(file.absolute, code, reason, sha)
    } catch (error) {
      reason += ` (and the failure could not be recorded: ${firstLine(error)})`
    }
    return done({ status: 'failed', code, reason, format: format ?? 'other', ...(sha ? { sha256: sha } : {}) })
  }
  const link = (sha: string, format: FileFormat): FileOutcome => {
    try {
      return done({ status: repo.linkPath(file.absolute, sha), sha256: sha, format })
    } catch (error) {
      return fail('store-error', `could not record the path of the stored document: ${firstLine(error)}`, sha, format)
    }
  }

  let bytes: Uint8Array
  try {
    bytes = await readFile(file.absolute)
  } catch (error) {
    return fail('read-error', firstLine(error))
  }
  const sha = sha256(bytes)
  if (!step.force) {
    let stored: FileFormat | undefined
    try {
      stored = repo.storedFormat(sha)
    } catch (error) {
      return fail('store-error', `could not look up the stored document: ${firstLine(error)}`, sha)
    }
    if (stored) return link(sha, stored)
  }
  const pending = step.inflight.get(sha)
  if (pending) {
    const settled = await pending
    return settled.stored ? link(sha, settled.format) : fail(settled.code, settled.reason, sha, settled.format)
  }

  let settle!: (s: Settled) => void
  step.inflight.set(sha, new Promise<Settled>((resolve) => (settle = resolve)))
  let outcome: FileOutcome | undefined
  try {
    // The extractor takes the bytes over (they are transferred to a worker): not used after.
    outcome = commit(await step.extractor.extract(bytes, file.absolute), file, sha, repo, done, fail)
    if (outcome.status === 'stored') step.afterStore()
    return outcome
  } finally {
    step.inflight.delete(sha)
    settle(
      outcome?.status === 'stored'
        ? { stored: true, format: outcome.format ?? 'other' }
        : { stored: false, code: outcome?.code ?? 'internal-error', reason: outcome?.reason ?? 'extraction ended without an outcome', ...(outcome?.format ? { format: outcome.format } : {}) },
    )
  }
}

/** Stores a successful reply in one transaction; any other reply becomes a failure row. */
function commit(
  reply: ExtractReply,
  file: InputFile,
  sha: string,
  repo: Repository,
  done: (o: Omit<FileOutcome, 'path' | 'ms'>) => FileOutcome,
  fail: (code: string, reason: string, sha?: string, format?: FileFormat) => FileOutcome,
): FileOutcome {
  if (!reply.ok) return fail(reply.code, reply.reason, sha, reply.format)
  const { result } = reply
  const format = result.document.format
  if (result.document.id !== sha) return fail('internal-error', `extraction returned document id ${result.document.id}, expected the sha256 ${sha}`, sha, format)
  try {
    repo.saveResult(result, file.absolute)
  } catch (error) {
    return fail('store-error', `could not store the result: ${firstLine(error)}`, sha, format)
  }
  return done({ status: 'stored', sha256: sha, format, figures: result.figures.length, ...(reply.ms !== undefined ? { extractMs: reply.ms } : {}) })
}
