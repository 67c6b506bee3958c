/**
 * The views `cnreport export` can write (migration 004), under the short names the CLI takes,
 * and a streaming read of one of them. docs/schema.md documents every column; its CSV
 * headers are checked against these views by test/commands/export.test.ts.
 */
import type { Db } from './db.js'

/** One exportable view. */
export interface ExportView {
  /** The name `--view` takes, e.g. `findings`. */
  name: string
  /** The SQL view behind it, e.g. `finding_evidence`; `--view` takes this name too. */
  view: string
  /** What one row is, for --help (≤ 62 characters: it is indented by 18). */
  rows: string
  /** Reading order: a dashboard diffing two exports sees rows move only when data changed. */
  orderBy: string
}

export const EXPORT_VIEWS: readonly ExportView[] = [
  {
    name: 'report_summary',
    view: 'report_summary',
    rows: 'one row per document: metadata, counts, record, findings',
    orderBy: 'path, id',
  },
  {
    name: 'findings',
    view: 'finding_evidence',
    rows: 'one row per finding: rule, severity, message, status, place',
    orderBy: 'path, document_id, start, rule_id, seq',
  },
  {
    name: 'evidence',
    view: 'finding_evidence_items',
    rows: 'one row per evidence item of a finding (0: the primary place)',
    orderBy: 'path, document_id, seq, item',
  },
  {
    name: 'figures',
    view: 'figure_facts',
    rows: 'one row per figure, with department, year and region',
    orderBy: 'path, document_id, start, figure_id',
  },
]

/** @default 'report_summary' */
export const DEFAULT_EXPORT_VIEW = 'report_summary'

/** The view `name` names — its short name or its SQL name — or undefined. */
export function findExportView(name: string): ExportView | undefined {
  return EXPORT_VIEWS.find((v) => v.name === name || v.view === name)
}

/** A view's rows, read one at a time, and its column names in order. */
export interface ViewCursor {
  columns: string[]
  /** Each row as an array of column values, in `columns` order. */
  rows: IterableIterator<unknown[]>
}

/**
 * Opens a cursor over `view` in its reading order. Rows come from better-sqlite3's
 * iterate(), one per step, so an export of millions of figures never holds them all; the
 * connection is busy until the iterator is exhausted or returned.
 */
export function readView(db: Db, view: ExportView): ViewCursor {
  // Quoted as an identifier although it comes from EXPORT_VIEWS, never from the user.
  const stmt = db.prepare(`SELECT * FROM "${view.view}" ORDER BY ${view.orderBy}`).raw(true)
  return { columns: stmt.columns().map((c) => c.name), rows: stmt.iterate() as IterableIterator<unknown[]> }
}
