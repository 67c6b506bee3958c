/**
 * Indexes a bulk load drops while it writes and rebuilds once at the end.
 *
 * Why: an index whose key does not start with document_id (figures by label, findings by
 * fingerprint, record fields by field, …) receives each document's rows at scattered places
 * of its B-tree, so every commit rewrites a page of it per row: on 1,000 TXT reports these
 * indexes made SQLite write 2.4 GB for a 178 MB database, and storing a document cost
 * 6.4 ms instead of 3.0. Building them afterwards sorts every row once (0.23 s per 1,000
 * documents). Indexes led by document_id stay: each document's rows land together in them,
 * and foreign-key checks on a document's deletion need them.
 *
 * Crash safety: the CREATE statements are saved in deferred_indexes in the same transaction
 * as the DROPs, and a rebuild runs them and deletes the rows in one transaction; a run
 * killed in between leaves the rows, and the next rebuild (next ingest, `cnreport check`)
 * restores exactly what was dropped. Queries are correct meanwhile, only slower.
 */
import type { Db } from './db.js'
import { CHILD_ROWS } from './rows.js'

/** An index as sqlite_master has it. */
export interface IndexDefinition {
  name: string
  sql: string
}

/**
 * The indexes of the per-document tables whose first key column is not document_id. The
 * implicit indexes of primary keys and UNIQUE constraints (sql IS NULL) cannot be dropped
 * and are not listed.
 */
export function deferrableIndexes(db: Db): IndexDefinition[] {
  const tables = CHILD_ROWS.map((spec) => spec.table)
  const indexes = db
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${tables.map(() => '?').join(', ')}) ORDER BY name`)
    .all(...tables) as IndexDefinition[]
  return indexes.filter((index) => firstKeyColumn(db, index.name) !== 'document_id')
}

/**
 * Saves and drops the deferrable indexes in one transaction; returns the names dropped.
 * An index already parked by an earlier run keeps its saved statement.
 */
export function deferIndexes(db: Db, now: string = new Date().toISOString()): string[] {
  return db
    .transaction(() => {
      const indexes = deferrableIndexes(db)
      const park = db.prepare('INSERT OR IGNORE INTO deferred_indexes (name, sql, deferred_at) VALUES (?, ?, ?)')
      for (const index of indexes) {
        park.run(index.name, index.sql, now)
        db.exec(`DROP INDEX "${index.name.replaceAll('"', '""')}"`)
      }
      return indexes.map((index) => index.name)
    })
    .immediate()
}

/** Names of the indexes that are dropped and waiting to be rebuilt. */
export function pendingIndexes(db: Db): string[] {
  return db.prepare('SELECT name FROM deferred_indexes ORDER BY name').pluck().all() as string[]
}

/**
 * Builds every parked index and forgets it, in one transaction (all or none); returns the
 * names built. An index that exists again by then (rebuilt by another connection) is only forgotten.
 */
export function rebuildIndexes(db: Db): string[] {
  return db
    .transaction(() => {
      const parked = db.prepare('SELECT name, sql FROM deferred_indexes ORDER BY name').all() as IndexDefinition[]
      const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?").pluck()
      const built: string[] = []
      for (const index of parked) {
        if (exists.get(index.name) === undefined) {
          db.exec(index.sql)
          built.push(index.name)
        }
      }
      db.prepare('DELETE FROM deferred_indexes').run()
      return built
    })
    .immediate()
}

/** The first key column of `index`; undefined for an expression. */
function firstKeyColumn(db: Db, index: string): string | undefined {
  const columns = db.pragma(`index_info("${index.replaceAll('"', '""')}")`) as Array<{ seqno: number; name: string | null }>
  return columns.find((c) => c.seqno === 0)?.name ?? undefined
}
