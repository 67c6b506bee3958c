import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { migrate, openDatabase, schemaVersion, StoreError } from '../../src/store/db.js'
import { MIGRATIONS } from '../../src/store/migrations/index.js'
import { Repository, STORE_TABLES } from '../../src/store/repo.js'
import { sampleResult } from './sample-result.js'
import { tempDbPath, tempDir } from './temp-db.js'

const tableNames = (db: ReturnType<typeof openDatabase>) =>
  (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name)

describe('openDatabase', () => {
  it('sets the pragmas and migrates a fresh file to the latest version', () => {
    const db = openDatabase(tempDbPath())
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(db.pragma('synchronous', { simple: true })).toBe(1) // NORMAL
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000)
    expect(schemaVersion(db)).toBe(MIGRATIONS.at(-1)!.version)
    expect(tableNames(db)).toEqual([...STORE_TABLES].sort())
    db.close()
  })

  it('is idempotent on reopen: no migration runs again and the data stays', () => {
    const file = tempDbPath()
    const first = openDatabase(file)
    new Repository(first).saveResult(sampleResult())
    const before = new Repository(first).rowCounts()
    const schema = first.prepare('SELECT sql FROM sqlite_schema ORDER BY name').all()
    first.close()

    const again = openDatabase(file)
    expect(migrate(again)).toBe(0)
    expect(again.prepare('SELECT sql FROM sqlite_schema ORDER BY name').all()).toEqual(schema)
    expect(new Repository(again).rowCounts()).toEqual(before)
    expect(before.documents).toBe(1)
    again.close()
  })

  it('rolls back a migration that fails half-way, version included', () => {
    const db = openDatabase(tempDbPath())
    const latest = MIGRATIONS.at(-1)!.version
    const broken = [...MIGRATIONS, { version: latest + 1, name: 'broken', sql: 'CREATE TABLE extra (a TEXT); SELECT * FROM no_such_table;' }]
    expect(() => migrate(db, broken)).toThrow(/no_such_table/)
    expect(schemaVersion(db)).toBe(latest)
    expect(tableNames(db)).not.toContain('extra')
    db.close()
  })

  it('refuses a database from a newer cnreport, naming the versions', () => {
    const file = tempDbPath()
    const db = openDatabase(file)
    db.pragma('user_version = 99')
    db.close()
    expect(() => openDatabase(file)).toThrow(StoreError)
    expect(() => openDatabase(file)).toThrow(new RegExp(`schema version 99 is newer.*\\(${MIGRATIONS.at(-1)!.version}\\)`))
  })

  it('names the file when it is not a database', () => {
    const file = join(tempDir(), 'notes.txt')
    writeFileSync(file, 'this is not sqlite, just some text that is long enough to have a header '.repeat(20))
    expect(() => openDatabase(file)).toThrow(StoreError)
    expect(() => openDatabase(file)).toThrow(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: .*not a database`))
  })

  it('names the file when its directory does not exist', () => {
    const file = join(tempDir(), 'missing', 'x.db')
    expect(() => openDatabase(file)).toThrow(/missing\/x\.db: cannot open database/)
  })
})
