/**
 * `ingest`: discover input files → read and hash → skip what is already stored → extract →
 * store. One file's failure is recorded and the batch goes on.
 *
 * The per-file work is split where a worker pool will cut it: `readInput` (I/O, main
 * thread), `options.analyze` (CPU-bound, pure: bytes in, serialisable ExtractResult out —
 * the part to move into worker threads behind a p-queue that bounds what is in flight) and
 * `commit` (synchronous SQLite, so one writer: the main thread). Files are processed one at
 * a time for now.
 */
import { readdir, readFile, stat } from 'node:fs/promises'
import { extname, join, resolve } from 'node:path'
import { analyzeBytes, sha256 } from './analyze.js'
import type { ExtractResult } from './contract.js'
import { InputError } from './result.js'
import type { ValidationConfig } from './validate/config.js'
import type { Db } from './store/db.js'
import { Repository } from './store/repo.js'

/** Extensions taken from directories (case-insensitive); a file named explicitly is always tried. */
export const INPUT_EXTENSIONS: readonly string[] = ['.txt', '.docx', '.pdf']

/** bytes → result; the seam for a worker pool. @default analyzeBytes */
export type Analyze = (bytes: Uint8Array, path: string) => Promise<ExtractResult>

export interface IngestOptions {
  db: Db | Repository
  /** Re-extract and replace files whose content is already stored. @default false */
  force?: boolean
  /** Called once per input, after it was handled, in input order. */
  onProgress?: (event: ProgressEvent) => void
  /** Rule configuration for the default analyze (ignored when `analyze` is given). @default DEFAULT_CONFIG */
  validation?: ValidationConfig
  analyze?: Analyze
}

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
  /** Failed only: InputError code (empty, binary, …) or not-found / read-error / store-error / internal-error. */
  code?: string
  /** Failed only: one line saying what is wrong with the file. */
  reason?: string
  /** Stored only: figures written. */
  figures?: number
  /** Wall time spent on this file, ms. */
  ms: number
}

export interface ProgressEvent {
  /** 1-based position of this input. */
  index: number
  total: number
  outcome: FileOutcome
}

export interface FailedFile {
  path: string
  code: string
  reason: string
}

export interface IngestSummary {
  /** Inputs considered: files found plus named paths that do not exist. */
  files: number
  stored: number
  unchanged: number
  linked: number
  failed: FailedFile[]
  elapsedMs: number
}

export interface InputFile {
  /** Display path, as the user named it. */
  path: string
  /** Absolute path: the key of document_paths and failures. */
  absolute: string
}

export async function ingest(paths: readonly string[], options: IngestOptions): Promise<IngestSummary> {
  const started = performance.now()
  const repo = options.db instanceof Repository ? options.db : new Repository(options.db)
  const validation = options.validation
  const analyze = options.analyze ?? ((bytes: Uint8Array, path: string) => analyzeBytes(bytes, path, validation ? { validation } : {}))
  const { files, unreadable } = await discoverInputs(paths)
  const total = files.length + unreadable.length
  const summary: IngestSummary = { files: total, stored: 0, unchanged: 0, linked: 0, failed: [], elapsedMs: 0 }
  let index = 0
  const report = (outcome: FileOutcome) => {
    if (outcome.status === 'failed') summary.failed.push({ path: outcome.path, code: outcome.code!, reason: outcome.reason! })
    else summary[outcome.status]++
    options.onProgress?.({ index: ++index, total, outcome })
  }
  // Named paths that are missing are reported, not stored as failures: there is no file to retry.
  for (const u of unreadable) report({ path: u.path, status: 'failed', code: u.code, reason: u.reason, ms: 0 })
  for (const file of files) report(await ingestFile(file, repo, analyze, options.force ?? false))
  summary.elapsedMs = performance.now() - started
  return summary
}

/** One file through read → (skip | extract → commit). Never throws: failures become outcomes. */
export async function ingestFile(file: InputFile, repo: Repository, analyze: Analyze, force: boolean): Promise<FileOutcome> {
  const t0 = performance.now()
  const done = (o: Omit<FileOutcome, 'path' | 'ms'>): FileOutcome => ({ path: file.path, ...o, ms: performance.now() - t0 })
  const fail = (code: string, reason: string, sha?: string): FileOutcome => {
    try {
      repo.recordFailure(file.absolute, code, reason, sha)
    } catch (error) {
      reason += ` (and the failure could not be recorded: ${messageOf(error)})`
    }
    return done({ status: 'failed', code, reason, ...(sha ? { sha256: sha } : {}) })
  }

  let bytes: Uint8Array
  try {
    bytes = await readFile(file.absolute)
  } catch (error) {
    return fail('read-error', messageOf(error))
  }
  const sha = sha256(bytes)
  if (!force) {
    try {
      if (repo.hasDocument(sha)) return done({ status: repo.linkPath(file.absolute, sha), sha256: sha })
    } catch (error) {
      return fail('store-error', `could not look up the stored document: ${messageOf(error)}`, sha)
    }
  }

  let result: ExtractResult
  try {
    result = await analyze(bytes, file.absolute)
  } catch (error) {
    if (error instanceof InputError) return fail(error.code, error.reason, sha)
    return fail('internal-error', `extraction failed: ${messageOf(error)}`, sha)
  }
  if (result.document.id !== sha) return fail('internal-error', `extraction returned document id ${result.document.id}, expected the sha256 ${sha}`, sha)
  try {
    repo.saveResult(result, file.absolute)
  } catch (error) {
    return fail('store-error', `could not store the result: ${messageOf(error)}`, sha)
  }
  return done({ status: 'stored', sha256: sha, figures: result.figures.length })
}

/**
 * Expands the named paths: directories recursively (INPUT_EXTENSIONS only, hidden entries
 * and symlinked directories skipped — the latter to avoid cycles), files as named. Sorted
 * within each directory and de-duplicated by absolute path, so runs are reproducible.
 */
export async function discoverInputs(paths: readonly string[]): Promise<{ files: InputFile[]; unreadable: FailedFile[] }> {
  const files: InputFile[] = []
  const unreadable: FailedFile[] = []
  const seen = new Set<string>()
  const add = (path: string) => {
    const absolute = resolve(path)
    if (seen.has(absolute)) return
    seen.add(absolute)
    files.push({ path, absolute })
  }
  const walk = async (dir: string): Promise<void> => {
    let entries
    try {
      entries = await readdir(dir, { withFileTypes: true })
    } catch (error) {
      unreadable.push({ path: dir, code: 'read-error', reason: `cannot list directory: ${messageOf(error)}` })
      return
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    for (const e of entries) {
      if (e.name.startsWith('.')) continue
      const path = join(dir, e.name)
      let isFile = e.isFile()
      if (e.isDirectory()) await walk(path)
      else if (e.isSymbolicLink()) isFile = await stat(path).then((s) => s.isFile(), () => false)
      if (isFile && INPUT_EXTENSIONS.includes(extname(e.name).toLowerCase())) add(path)
    }
  }
  for (const p of paths) {
    let info
    try {
      info = await stat(p)
    } catch (error) {
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT'
      unreadable.push({ path: p, code: missing ? 'not-found' : 'read-error', reason: missing ? 'no such file or directory' : messageOf(error) })
      continue
    }
    if (info.isDirectory()) await walk(p)
    else add(p)
  }
  return { files, unreadable }
}

function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error)
  return text.split('\n', 1)[0] ?? text
}
