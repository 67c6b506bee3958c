/**
 * Opening the database a reading or reviewing command works on. Unlike `ingest`, these must
 * not create an empty database where the user mistyped a name: a missing file is an error
 * (exit 1) that says how to make one.
 */
import { existsSync, statSync } from 'node:fs'
import { openDatabase, StoreError, type Db } from '../store/db.js'
import { type CommandIO, UsageError } from './command.js'

/** The open, migrated database — or undefined after printing why it could not be opened. */
export function openExistingDatabase(file: string, command: string, io: CommandIO): Db | undefined {
  if (file.trim() === '') throw new UsageError('--db needs a file name')
  if (!existsSync(file) || !statSync(file).isFile()) {
    io.err(`cnreport ${command}: ${file}: no such database; create it with 'cnreport ingest <paths…> --db ${file}'\n`)
    return undefined
  }
  try {
    // Migrating an older database here is what makes the reviews table and view appear.
    return openDatabase(file)
  } catch (error) {
    if (!(error instanceof StoreError)) throw error
    io.err(`cnreport ${command}: ${error.message}\n`)
    return undefined
  }
}
