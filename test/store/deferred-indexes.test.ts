/**
 * Indexes dropped for a bulk load come back exactly as they were — after the load, and
 * after a load that was killed with them dropped — and data written meanwhile is indexed.
 */
import { describe, expect, it } from 'vitest'
import { openDatabase, type Db } from '../../src/store/db.js'
import { deferIndexes, deferrableIndexes, pendingIndexes, rebuildIndexes } from '../../src/store/deferred-indexes.js'
import { Repository } from '../../src/store/repo.js'
import { sampleResult } from './sample-result.js'
import { tempDbPath } from './temp-db.js'

/** Every index the schema has, with its SQL. */
function indexes(db: Db): Array<{ name: string; tbl_name: string; sql: string | null }> {
  return db.prepare("SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name").all() as Array<{ name: string; tbl_name: string; sql: string | null }>
}

function firstColumn(db: Db, index: string): string | null {
  return (db.pragma(`index_info(${index})`) as Array<{ seqno: number; name: string | null }>).find((c) => c.seqno === 0)?.name ?? null
}

describe('deferrable indexes', () => {
  it('are the explicit indexes of per-document tables not led by document_id', () => {
    const db = openDatabase(':memory:')
    const deferrable = deferrableIndexes(db).map((i) => i.name)
    expect(deferrable).toContain('figures_label')
    expect(deferrable).toContain('findings_fingerprint')
    for (const name of deferrable) expect(firstColumn(db, name), name).not.toBe('document_id')
    // Kept: indexes led by document_id (foreign-key checks on deletion use them), implicit
    // primary-key indexes, and indexes of tables written once per document or never by ingest.
    const kept = indexes(db).filter((i) => !deferrable.includes(i.name))
    expect(kept.map((i) => i.name)).toEqual(expect.arrayContaining(['figures_section', 'figures_table', 'documents_department', 'reviews_status', 'sqlite_autoindex_documents_1']))
    for (const i of kept.filter((i) => i.sql !== null && !['documents', 'document_paths', 'reviews', 'failures', 'deferred_indexes'].includes(i.tbl_name)))
      expect(firstColumn(db, i.name), i.name).toBe('document_id')
    db.close()
  })
})

describe('deferring and rebuilding', () => {
  it('drops the indexes, parks their SQL, and rebuilds the very same ones', () => {
    const db = openDatabase(':memory:')
    const before = indexes(db)
    const dropped = deferIndexes(db)
    expect(dropped.length).toBeGreaterThan(0)
    expect(pendingIndexes(db)).toEqual([...dropped].sort())
    const during = indexes(db).map((i) => i.name)
    for (const name of dropped) expect(during).not.toContain(name)

    expect(rebuildIndexes(db).sort()).toEqual([...dropped].sort())
    expect(indexes(db)).toEqual(before)
    expect(pendingIndexes(db)).toEqual([])
    db.close()
  })

  it('indexes what was written while the indexes were dropped', () => {
    const db = openDatabase(':memory:')
    deferIndexes(db)
    const repo = new Repository(db)
    for (const digit of ['1', '2', '3']) repo.saveResult(sampleResult({ id: digit.repeat(64), path: `/reports/${digit}.txt` }))
    rebuildIndexes(db)
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    const label = db.prepare('SELECT label FROM figures WHERE label IS NOT NULL LIMIT 1').pluck().get() as string
    const plan = db.prepare('EXPLAIN QUERY PLAN SELECT document_id FROM figures WHERE label = ?').all(label) as Array<{ detail: string }>
    expect(plan.map((p) => p.detail).join(' ')).toContain('figures_label')
    expect(db.prepare('SELECT count(DISTINCT document_id) FROM figures WHERE label = ?').pluck().get(label)).toBe(3)
    db.close()
  })

  it('restores what a killed load left dropped, from another connection', () => {
    const path = tempDbPath()
    const fresh = indexes(openDatabase(':memory:'))
    const first = openDatabase(path)
    const dropped = deferIndexes(first)
    first.close() // what SIGKILL leaves: the DROPs and the parked SQL are committed together

    const next = openDatabase(path)
    expect(pendingIndexes(next)).toEqual([...dropped].sort())
    // A second load that defers again keeps the SQL parked first.
    expect(deferIndexes(next)).toEqual([])
    expect(rebuildIndexes(next).sort()).toEqual([...dropped].sort())
    expect(indexes(next)).toEqual(fresh)
    next.close()
  })

  it('only forgets an index that exists again by the time of the rebuild', () => {
    const db = openDatabase(':memory:')
    const sql = new Map(deferrableIndexes(db).map((i) => [i.name, i.sql]))
    deferIndexes(db)
    db.exec(sql.get('figures_label')!)
    expect(rebuildIndexes(db)).not.toContain('figures_label')
    expect(pendingIndexes(db)).toEqual([])
    expect(indexes(db).filter((i) => i.name === 'figures_label')).toHaveLength(1)
    db.close()
  })
})
