/**
 * The schema history, oldest first. Migration N brings a database from user_version N−1
 * to N; never edit a migration that has shipped — add the next one.
 */
import { sql as init } from './001-init.js'
import { sql as indicators } from './002-indicators.js'
import { sql as reviews } from './003-reviews.js'
import { sql as views } from './004-views.js'
import { sql as deferredIndexes } from './005-deferred-indexes.js'

export interface Migration {
  /** The user_version the database has once this migration ran: 1, 2, … */
  version: number
  /** One-word description, e.g. `init`. */
  name: string
  sql: string
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'init', sql: init },
  { version: 2, name: 'indicators', sql: indicators },
  { version: 3, name: 'reviews', sql: reviews },
  { version: 4, name: 'views', sql: views },
  { version: 5, name: 'deferred-indexes', sql: deferredIndexes },
]
