/**
 * The store's write side: one document and all its rows per transaction, a path → document
 * map so unchanged files are recognised by content, and the failures of files that could
 * not be stored. Synchronous by design (better-sqlite3): the pipeline does its async work
 * first and calls in here once per document, from a single writer.
 */
import type { Statement, Transaction } from 'better-sqlite3'
import type { DocumentInfo, ExtractResult } from '../contract.js'
import type { Db } from './db.js'
import { prepared } from './prepared.js'
import * as rows from './rows.js'
import type { Value } from './rows.js'
import { toolVersion } from './tool-version.js'

/** Every table the store writes, in an order that is safe to report. */
export const STORE_TABLES = [
  'documents',
  'document_paths',
  'pages',
  'sections',
  'tables',
  'table_cells',
  'figures',
  'diagnostics',
  'record_fields',
  'findings',
  'indicators',
  'scores',
  'score_totals',
  'failures',
  'reviews', // written by Reviews (reviews.ts), keyed by fingerprint, never deleted with a document
  'deferred_indexes', // indexes a bulk ingest dropped until it rebuilds them (deferred-indexes.ts)
] as const
export type StoreTable = (typeof STORE_TABLES)[number]

/** A file that could not be stored, as the failures table holds it. */
export interface FailureRow {
  path: string
  sha256: string | null
  code: string
  reason: string
  attempts: number
  first_seen: string
  last_seen: string
}

/**
 * Write transactions are BEGIN IMMEDIATE: a deferred one that upgrades from read to write
 * while another process writes fails with SQLITE_BUSY at once, bypassing busy_timeout.
 */
export class Repository {
  /** INSERTs by table: see inserter(). */
  private readonly inserts = new Map<string, Statement>()
  /** Built once: better-sqlite3 builds four wrapper functions per db.transaction() call. */
  private readonly saveTx: Transaction<(result: ExtractResult, path: string) => void>
  private readonly linkTx: Transaction<(path: string, sha256: string) => 'unchanged' | 'linked'>
  private readonly now: () => string
  private readonly version: string

  constructor(
    readonly db: Db,
    options: { now?: () => string; toolVersion?: string } = {},
  ) {
    this.now = options.now ?? (() => new Date().toISOString())
    this.version = options.toolVersion ?? toolVersion()
    this.saveTx = db.transaction((result: ExtractResult, path: string) => this.write(result, path))
    this.linkTx = db.transaction((path: string, sha256: string) => {
      const hadFailure = this.clearFailure(path)
      if (this.documentAt(path) === sha256) return hadFailure ? 'linked' : 'unchanged'
      this.pointPath(path, sha256)
      return 'linked'
    })
  }

  hasDocument(sha256: string): boolean {
    return this.sql('SELECT 1 FROM documents WHERE id = ?').get(sha256) !== undefined
  }

  /** The format of the stored document with this sha256, if there is one. */
  storedFormat(sha256: string): DocumentInfo['format'] | undefined {
    return this.sql('SELECT format FROM documents WHERE id = ?').pluck().get(sha256) as DocumentInfo['format'] | undefined
  }

  /** The document (sha256) last stored from `path`, if any. */
  documentAt(path: string): string | undefined {
    return this.sql('SELECT document_id FROM document_paths WHERE path = ?').pluck().get(path) as string | undefined
  }

  /**
   * Writes `result` and all its rows in one transaction, then points `path` at it. A
   * document already stored under the same sha256 is replaced (re-extraction with --force
   * yields fresh rows, not duplicates); the document `path` named before is deleted when
   * no other path still refers to it. Throws — writing nothing — on any constraint failure.
   */
  saveResult(result: ExtractResult, path: string = result.document.path): void {
    this.saveTx.immediate(result, path)
  }

  /**
   * Points `path` at an already-stored document (an unchanged file, or a copy of one found
   * elsewhere) and clears the path's failure. Returns 'unchanged' when nothing was written.
   */
  linkPath(path: string, sha256: string): 'unchanged' | 'linked' {
    return this.linkTx.immediate(path, sha256)
  }

  /** Records (or counts one more attempt of) a file that could not be stored. */
  recordFailure(path: string, code: string, reason: string, sha256?: string): void {
    const now = this.now()
    this.sql(
      `INSERT INTO failures (path, sha256, code, reason, attempts, first_seen, last_seen)
       VALUES (?, ?, ?, ?, 1, ?, ?)
       ON CONFLICT (path) DO UPDATE SET sha256 = excluded.sha256, code = excluded.code,
         reason = excluded.reason, attempts = attempts + 1, last_seen = excluded.last_seen`,
    ).run(path, sha256 ?? null, code, reason, now, now)
  }

  /** Forgets the failure of `path`; returns whether there was one. */
  clearFailure(path: string): boolean {
    return this.sql('DELETE FROM failures WHERE path = ?').run(path).changes > 0
  }

  failures(): FailureRow[] {
    return this.db.prepare('SELECT * FROM failures ORDER BY path').all() as FailureRow[]
  }

  /** Rows per table — what tests compare across runs and the CLI may report. */
  rowCounts(): Record<StoreTable, number> {
    const counts = {} as Record<StoreTable, number>
    for (const t of STORE_TABLES) counts[t] = (this.db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n
    return counts
  }

  /** The body of saveResult, inside its transaction. */
  private write(result: ExtractResult, path: string): void {
    const id = result.document.id
    // A new document (the common case in a bulk ingest) has no rows and no paths to keep:
    // one primary-key probe instead of the paths query and the cascading DELETE.
    let paths: Value[][] = []
    if (this.hasDocument(id)) {
      // Deleting the document cascades to its paths too; keep them to restore after.
      paths = this.sql('SELECT path, document_id, seen_at FROM document_paths WHERE document_id = ?').raw().all(id) as Value[][]
      this.sql('DELETE FROM documents WHERE id = ?').run(id)
    }
    this.inserter('documents', rows.DOCUMENT_COLUMNS).run(rows.documentRow(result, this.now(), this.version))
    for (const spec of rows.CHILD_ROWS) {
      const list = spec.rows(result, id)
      if (list.length === 0) continue
      const stmt = this.inserter(spec.table, spec.columns)
      for (const row of list) stmt.run(row)
    }
    if (paths.length > 0) {
      const stmt = this.inserter('document_paths', PATH_COLUMNS)
      for (const p of paths) stmt.run(p)
    }
    this.pointPath(path, id)
  }

  /** Maps `path` to document `id`; drops the document the path named before if now orphaned. */
  private pointPath(path: string, id: string): void {
    const previous = this.documentAt(path)
    this.sql(
      `INSERT INTO document_paths (path, document_id, seen_at) VALUES (?, ?, ?)
       ON CONFLICT (path) DO UPDATE SET document_id = excluded.document_id, seen_at = excluded.seen_at`,
    ).run(path, id, this.now())
    if (previous !== undefined && previous !== id)
      this.sql('DELETE FROM documents WHERE id = ? AND NOT EXISTS (SELECT 1 FROM document_paths WHERE document_id = ?)').run(previous, previous)
    this.clearFailure(path)
  }

  /** INSERT INTO `table` binding one value per column, positionally. */
  private inserter(table: string, columns: readonly string[]): Statement {
    let stmt = this.inserts.get(table)
    if (!stmt) {
      stmt = this.db.prepare(rows.insertSql(table, columns))
      this.inserts.set(table, stmt)
    }
    return stmt
  }

  /** The statement for `source`, prepared once per connection (store/prepared.ts). */
  private sql(source: string): Statement {
    return prepared(this.db, source)
  }
}

/** document_paths columns as the restore in saveResult reads and writes them. */
const PATH_COLUMNS = ['path', 'document_id', 'seen_at'] as const
