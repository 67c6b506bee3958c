/**
 * A bulk ingest drops the scattered indexes once it has stored enough documents and
 * rebuilds them at its end: same rows, same schema, and a run killed with them dropped is
 * mended by the next ingest.
 */
import { readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { analyzeFile } from '../src/analyze.js'
import { ingest, type Analyze } from '../src/pipeline.js'
import { IndexDeferral } from '../src/pipeline-indexes.js'
import { openDatabase, type Db } from '../src/store/db.js'
import { deferIndexes, deferrableIndexes, pendingIndexes } from '../src/store/deferred-indexes.js'
import { Repository } from '../src/store/repo.js'
import { sampleResult } from './store/sample-result.js'

const CORPUS = resolve('corpus')
const TXT = readdirSync(CORPUS).filter((n) => n.endsWith('.txt')).sort().map((n) => join(CORPUS, n))
const analyze: Analyze = (_bytes, path) => analyzeFile(path)

function schema(db: Db): unknown[] {
  return db.prepare("SELECT type, name, sql FROM sqlite_master ORDER BY type, name").all()
}

/** Every stored row that a bulk load could change, in a stable order. */
function contents(db: Db) {
  return {
    counts: new Repository(db).rowCounts(),
    figures: db.prepare('SELECT document_id, id, label, unit, yuan FROM figures ORDER BY document_id, id').all(),
    findings: db.prepare('SELECT document_id, seq, fingerprint, rule_id FROM findings ORDER BY document_id, seq').all(),
  }
}

describe('indexes dropped for a bulk load', () => {
  it('are rebuilt at the end, leaving the same rows and schema as a run that kept them', async () => {
    const kept = openDatabase(':memory:')
    const keptSummary = await ingest(TXT, { db: kept, analyze, indexDeferral: false })
    expect(keptSummary.indexes).toBeNull()

    const bulk = openDatabase(':memory:')
    const deferrable = deferrableIndexes(bulk).map((i) => i.name)
    const summary = await ingest(TXT, { db: bulk, analyze, indexDeferral: { minStored: 2, share: 0 } })
    expect(summary).toMatchObject({ stored: TXT.length, failed: [] })
    expect(summary.indexes?.rebuilt.sort()).toEqual(deferrable)
    expect(summary.indexes?.error).toBeUndefined()
    expect(pendingIndexes(bulk)).toEqual([])
    expect(schema(bulk)).toEqual(schema(kept))
    expect(contents(bulk)).toEqual(contents(kept))
    expect(bulk.pragma('integrity_check', { simple: true })).toBe('ok')
  })

  it('are rebuilt by the next ingest after a run killed with them dropped, even one too small to drop them', async () => {
    const db = openDatabase(':memory:')
    const fresh = schema(db)
    const dropped = deferIndexes(db) // as a killed bulk load leaves the database
    const summary = await ingest(TXT.slice(0, 1), { db, analyze })
    expect(summary.indexes?.rebuilt.sort()).toEqual(dropped.sort())
    expect(schema(db)).toEqual(fresh)
  })
})

describe('when a run counts as a bulk load', () => {
  function storeWith(documents: number): Db {
    const db = openDatabase(':memory:')
    const repo = new Repository(db)
    for (let i = 0; i < documents; i++) repo.saveResult(sampleResult({ id: i.toString(16).padStart(64, '0'), path: `/old/${i}.txt` }))
    return db
  }
  const storing = (deferral: IndexDeferral, n: number) => {
    for (let i = 0; i < n; i++) deferral.stored()
  }

  it('after minStored documents of its own', () => {
    const db = storeWith(0)
    const deferral = new IndexDeferral(db, { minStored: 3 })
    storing(deferral, 2)
    expect(pendingIndexes(db)).toEqual([])
    storing(deferral, 1)
    const all = deferrableIndexes(openDatabase(':memory:')).map((i) => i.name)
    expect(pendingIndexes(db)).toEqual(all)
    expect(deferral.finish()?.rebuilt.sort()).toEqual(all)
    expect(deferrableIndexes(db).map((i) => i.name)).toEqual(all)
  })

  it('and not before it has added the given share of what the store held', () => {
    const db = storeWith(8)
    const deferral = new IndexDeferral(db, { minStored: 1, share: 0.5 })
    storing(deferral, 3)
    expect(pendingIndexes(db)).toEqual([])
    storing(deferral, 1)
    expect(pendingIndexes(db)).not.toEqual([])
    expect(deferral.finish()).toMatchObject({ rebuilt: expect.arrayContaining(['figures_label']) })
    expect(pendingIndexes(db)).toEqual([])
  })

  it('finish() reports nothing when nothing was dropped', () => {
    const deferral = new IndexDeferral(storeWith(0), { minStored: 10 })
    storing(deferral, 9)
    expect(deferral.finish()).toBeNull()
  })
})
