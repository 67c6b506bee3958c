/**
 * Statements prepared once per connection and kept: preparing costs tens of µs, and the
 * writer and the cross-document checks run the same statements once per document or finding.
 * Callers that share a SQL text share its statement, so they must agree on its mode
 * (.pluck(), .raw()), which better-sqlite3 keeps on the statement.
 */
import type { Statement } from 'better-sqlite3'
import type { Db } from './db.js'

const statements = new WeakMap<Db, Map<string, Statement>>()

/** The statement for `sql` on `db`, prepared on first use. */
export function prepared(db: Db, sql: string): Statement {
  let cache = statements.get(db)
  if (!cache) statements.set(db, (cache = new Map()))
  let stmt = cache.get(sql)
  if (!stmt) cache.set(sql, (stmt = db.prepare(sql)))
  return stmt
}
