/**
 * The end-of-run summary of an ingest, built as outcomes arrive. It keeps counts and the
 * failures only — never one entry per file — so a batch of 10,000 reports costs the same
 * memory as a batch of ten that fails as often.
 */
import type { FailedFile } from './pipeline-discovery.js'
import type { FileFormat } from './pipeline-extract.js'
import type { FileOutcome } from './pipeline-file.js'
import type { IndexRebuild } from './pipeline-indexes.js'

/** Outcomes of the files of one format. */
export interface FormatCounts {
  stored: number
  unchanged: number
  linked: number
  failed: number
}

export interface IngestSummary {
  /** Inputs considered: files found plus named paths that do not exist. */
  files: number
  stored: number
  unchanged: number
  linked: number
  /** In input order (the order files were discovered), whatever order they finished in. */
  failed: FailedFile[]
  /** Wall time of the whole run, ms. */
  elapsedMs: number
  /** Outcomes by format as read from the bytes; 'other' is neither TXT, DOCX nor PDF (or unread). */
  formats: Record<FileFormat, FormatCounts>
  /** Worker threads that extracted; 0 when extraction ran in the calling thread. */
  workers: number
  /** The cross-document checks run after the files were stored (null when no file was found). */
  cross: CrossCheckOutcome | null
  /** Indexes dropped for a bulk load and rebuilt at its end (null when none were). */
  indexes: IndexRebuild | null
  /** The run was stopped early (IngestOptions.signal): `pending` files were not started. */
  interrupted: boolean
  /** Files found but not handled because the run was interrupted; 0 for a run that finished. */
  pending: number
}

/** What the cross-document checks after an ingest found: findings per rule, time, and any rule that could not run. */
export interface CrossCheckOutcome {
  /** Cross-document findings now stored for the documents in play. */
  findings: number
  /** Findings per rule id. */
  byRule: Record<string, number>
  elapsedMs: number
  /** A rule that was not run or failed; the files are stored regardless. */
  diagnostics: Array<{ code?: string; message: string }>
}

export const FORMATS: readonly FileFormat[] = ['txt', 'docx', 'pdf', 'other']

export class SummaryBuilder {
  private readonly summary: IngestSummary
  /** Failures with their input position, sorted once at the end. */
  private readonly failures: Array<{ order: number; file: FailedFile }> = []

  constructor(files: number, workers: number) {
    const formats = Object.fromEntries(FORMATS.map((f) => [f, { stored: 0, unchanged: 0, linked: 0, failed: 0 }])) as Record<FileFormat, FormatCounts>
    this.summary = { files, stored: 0, unchanged: 0, linked: 0, failed: [], elapsedMs: 0, formats, workers, cross: null, indexes: null, interrupted: false, pending: 0 }
  }

  /** Counts one outcome; `order` is the file's position among the inputs. */
  add(outcome: FileOutcome, order: number): void {
    const format = this.summary.formats[outcome.format ?? 'other']
    format[outcome.status]++
    if (outcome.status === 'failed') this.failures.push({ order, file: { path: outcome.path, code: outcome.code ?? 'internal-error', reason: outcome.reason ?? '' } })
    else this.summary[outcome.status]++
  }

  get failedCount(): number {
    return this.failures.length
  }

  /** Records the outcome of the cross-document checks. */
  crossChecked(outcome: CrossCheckOutcome): void {
    this.summary.cross = outcome
  }

  /** Records the files an interrupted run did not start (none: the run finished). */
  pending(count: number): void {
    this.summary.pending = count
    this.summary.interrupted = count > 0
  }

  /** Records what the end of the run rebuilt. */
  indexesRebuilt(rebuild: IndexRebuild | null): void {
    this.summary.indexes = rebuild
  }

  finish(elapsedMs: number): IngestSummary {
    this.summary.failed = this.failures.sort((a, b) => a.order - b.order).map((f) => f.file)
    this.summary.elapsedMs = elapsedMs
    return this.summary
  }
}
