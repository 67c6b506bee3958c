/**
 * Migration 5: where a bulk ingest parks the indexes it drops while it writes
 * (src/store/deferred-indexes.ts). A row is the exact CREATE statement of an index that is
 * missing on purpose; the ingest that dropped it — or, after a killed run, the next ingest
 * or `cnreport check` — runs the statement and deletes the row in one transaction.
 */
export const sql = /* sql */ `
CREATE TABLE deferred_indexes (
  name          TEXT PRIMARY KEY,
  sql           TEXT NOT NULL,          -- sqlite_master.sql as it was, run as is to rebuild
  deferred_at   TEXT NOT NULL           -- ISO 8601
) STRICT;
`
