/**
 * The store's write side: one document and all its rows per transaction, a path → document
 * map so unchanged files are recognised by content, and the failures of files that could
 * not be stored. Synchronous by design (better-sqlite3): the pipeline does its async work
 * first and calls in here once per document, from a single writer.
 */
import type { ExtractResult } from '../contract.js'
import type { Db } from './db.js'
import * as rows from './rows.js'
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

type Row = Record<string, string | number | null>

/** Child tables and the function that maps a result to their rows; all carry document_id. */
const CHILDREN: ReadonlyArray<[StoreTable, (r: ExtractResult) => Row[]]> = [
  ['pages', rows.pageRows],
  ['sections', rows.sectionRows],
  ['tables', rows.tableRows],
  ['table_cells', rows.cellRows],
  ['figures', rows.figureRows],
  ['diagnostics', rows.diagnosticRows],
  ['record_fields', rows.recordRows],
  ['findings', rows.findingRows],
  ['indicators', rows.indicatorRows],
  ['scores', rows.scoreRows],
  ['score_totals', rows.scoreTotalRows],
]

/**
 * Write transactions are BEGIN IMMEDIATE: a deferred one that upgrades from read to write
 * while another process writes fails with SQLITE_BUSY at once, bypassing busy_timeout.
 */
export class Repository {
  /** Insert statements, built from the first row's keys and reused (rows of a table share keys). */
  private readonly inserts = new Map<string, ReturnType<Db['prepare']>>()
  private readonly now: () => string
  private readonly version: string

  constructor(
    readonly db: Db,
    options: { now?: () => string; toolVersion?: string } = {},
  ) {
    this.now = options.now ?? (() => new Date().toISOString())
    this.version = options.toolVersion ?? toolVersion()
  }

  hasDocument(sha256: string): boolean {
    return this.db.prepare('SELECT 1 FROM documents WHERE id = ?').get(sha256) !== undefined
  }

  /** The document (sha256) last stored from `path`, if any. */
  documentAt(path: string): string | undefined {
    const row = this.db.prepare('SELECT document_id FROM document_paths WHERE path = ?').get(path) as { document_id: string } | undefined
    return row?.document_id
  }

  /**
   * Writes `result` and all its rows in one transaction, then points `path` at it. A
   * document already stored under the same sha256 is replaced (re-extraction with --force
   * yields fresh rows, not duplicates); the document `path` named before is deleted when
   * no other path still refers to it. Throws — writing nothing — on any constraint failure.
   */
  saveResult(result: ExtractResult, path: string = result.document.path): void {
    const id = result.document.id
    this.db.transaction(() => {
      // Deleting the document cascades to its paths too; keep them to restore after.
      const paths = this.db.prepare('SELECT path, seen_at FROM document_paths WHERE document_id = ?').all(id) as Row[]
      this.db.prepare('DELETE FROM documents WHERE id = ?').run(id)
      this.insert('documents', rows.documentRow(result, this.now(), this.version))
      for (const [table, toRows] of CHILDREN) for (const row of toRows(result)) this.insert(table, { document_id: id, ...row })
      for (const p of paths) this.insert('document_paths', { ...p, document_id: id })
      this.pointPath(path, id)
    }).immediate()
  }

  /**
   * Points `path` at an already-stored document (an unchanged file, or a copy of one found
   * elsewhere) and clears the path's failure. Returns 'unchanged' when nothing was written.
   */
  linkPath(path: string, sha256: string): 'unchanged' | 'linked' {
    return this.db.transaction(() => {
      const hadFailure = this.clearFailure(path)
      if (this.documentAt(path) === sha256) return hadFailure ? 'linked' : 'unchanged'
      this.pointPath(path, sha256)
      return 'linked'
    }).immediate()
  }

  /** Records (or counts one more attempt of) a file that could not be stored. */
  recordFailure(path: string, code: string, reason: string, sha256?: string): void {
    const now = this.now()
    this.db
      .prepare(
        `INSERT INTO failures (path, sha256, code, reason, attempts, first_seen, last_seen)
         VALUES (?, ?, ?, ?, 1, ?, ?)
         ON CONFLICT (path) DO UPDATE SET sha256 = excluded.sha256, code = excluded.code,
           reason = excluded.reason, attempts = attempts + 1, last_seen = excluded.last_seen`,
      )
      .run(path, sha256 ?? null, code, reason, now, now)
  }

  /** Forgets the failure of `path`; returns whether there was one. */
  clearFailure(path: string): boolean {
    return this.db.prepare('DELETE FROM failures WHERE path = ?').run(path).changes > 0
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

  /** Maps `path` to document `id`; drops the document the path named before if now orphaned. */
  private pointPath(path: string, id: string): void {
    const previous = this.documentAt(path)
    this.db
      .prepare(
        `INSERT INTO document_paths (path, document_id, seen_at) VALUES (?, ?, ?)
         ON CONFLICT (path) DO UPDATE SET document_id = excluded.document_id, seen_at = excluded.seen_at`,
      )
      .run(path, id, this.now())
    if (previous !== undefined && previous !== id)
      this.db
        .prepare('DELETE FROM documents WHERE id = ? AND NOT EXISTS (SELECT 1 FROM document_paths WHERE document_id = ?)')
        .run(previous, previous)
    this.clearFailure(path)
  }

  private insert(table: StoreTable, row: Row): void {
    const keys = Object.keys(row)
    const cacheKey = `${table}(${keys.join(',')})`
    let stmt = this.inserts.get(cacheKey)
    if (!stmt) {
      const cols = keys.map((k) => `"${k}"`).join(', ')
      stmt = this.db.prepare(`INSERT INTO ${table} (${cols}) VALUES (${keys.map((k) => '@' + k).join(', ')})`)
      this.inserts.set(cacheKey, stmt)
    }
    stmt.run(row)
  }
}
