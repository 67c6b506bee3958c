/**
 * Opening the store: pragmas, then versioned migrations tracked in PRAGMA user_version.
 * Each migration runs in its own transaction together with the version bump, so a crash
 * mid-migration leaves the previous version intact.
 */
import Database from 'better-sqlite3'
import { MIGRATIONS, type Migration } from './migrations/index.js'
import { messageOf } from '../error-text.js'

export type Db = Database.Database

/** What went wrong opening or migrating a database file; the message names the file. */
export class StoreError extends Error {
  override name = 'StoreError'
}

export interface OpenOptions {
  /**
   * How long a writer waits for another connection's lock before SQLITE_BUSY, in ms.
   * @default 5000
   */
  busyTimeoutMs?: number
}

/** Opens (creating if needed) and migrates the database at `file`; `:memory:` works too. */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  let db: Db
  try {
    db = new Database(file)
  } catch (error) {
    throw new StoreError(`${file}: cannot open database: ${messageOf(error)}`)
  }
  try {
    // WAL: readers (dashboards) do not block the single writer, and commits are cheap.
    // synchronous=NORMAL is durable across application crashes in WAL mode; only a power
    // loss can drop the last commits, which a re-ingest restores.
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = NORMAL')
    // A bulk ingest writes ≈ 150 KB per document; checkpointing every 1000 pages (the default)
    // syncs the disk every couple of dozen documents. 10,000 pages (≈ 40 MB of WAL) syncs a
    // tenth as often.
    db.pragma('wal_autocheckpoint = 10000')
    db.pragma('foreign_keys = ON')
    db.pragma(`busy_timeout = ${Math.max(0, Math.trunc(options.busyTimeoutMs ?? 5000))}`)
    migrate(db)
  } catch (error) {
    db.close()
    if (error instanceof StoreError) throw error
    // "file is not a database" surfaces on the first pragma: say which file.
    throw new StoreError(`${file}: ${messageOf(error)}`)
  }
  return db
}

/** The schema version of `db` (0 for a fresh file). */
export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number
}

/** Applies every migration newer than the database's user_version; returns how many ran. */
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): number {
  const current = schemaVersion(db)
  const latest = migrations.at(-1)?.version ?? 0
  if (current > latest)
    throw new StoreError(`${db.name}: schema version ${current} is newer than this cnreport knows (${latest}); upgrade cnreport`)
  let applied = 0
  for (const m of migrations) {
    if (m.version <= current) continue
    // exec + the version bump commit together; PRAGMA user_version is transactional.
    db.transaction(() => {
      db.exec(m.sql)
      db.pragma(`user_version = ${m.version}`)
    }).immediate()
    applied++
  }
  return applied
}
