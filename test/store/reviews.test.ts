import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import type { ExtractResult, Finding } from '../../src/contract.js'
import { migrate, openDatabase, schemaVersion, type Db } from '../../src/store/db.js'
import { MIGRATIONS } from '../../src/store/migrations/index.js'
import { Repository } from '../../src/store/repo.js'
import { Reviews } from '../../src/store/reviews.js'
import { sampleResult } from './sample-result.js'
import { tempDbPath } from './temp-db.js'

function fresh(): { db: Db; repo: Repository; reviews: Reviews } {
  const db = openDatabase(tempDbPath())
  let tick = 0
  const now = () => `2024-01-01T00:00:0${tick++}.000Z`
  return { db, repo: new Repository(db, { toolVersion: 'cnreport test' }), reviews: new Reviews(db, { now }) }
}

/** The sample result with its findings replaced by one per fingerprint. */
function withFindings(fingerprints: string[], overrides: { text?: string; path?: string } = {}): ExtractResult {
  const r = sampleResult(overrides)
  const base = r.findings[0]!
  return { ...r, findings: fingerprints.map((fingerprint): Finding => ({ ...base, fingerprint })) }
}

const FP = 'aaaa1111bbbb2222cccc'

describe('migration 003 (reviews)', () => {
  it('creates the reviews table and the findings_reviewed view', () => {
    const { db } = fresh()
    const objects = db.prepare(`SELECT type, name FROM sqlite_schema WHERE name IN ('reviews', 'findings_reviewed') ORDER BY name`).all()
    expect(objects).toEqual([
      { type: 'view', name: 'findings_reviewed' },
      { type: 'table', name: 'reviews' },
    ])
  })

  it('upgrades a version-2 database in place, keeping its findings', () => {
    const v2 = new Database(tempDbPath())
    migrate(v2, MIGRATIONS.filter((m) => m.version <= 2))
    expect(schemaVersion(v2)).toBe(2)
    new Repository(v2).saveResult(withFindings([FP]))
    expect(migrate(v2)).toBe(MIGRATIONS.length - 2)
    const row = v2.prepare('SELECT fingerprint, review_status FROM findings_reviewed').get()
    expect(row).toEqual({ fingerprint: FP, review_status: null })
    v2.close()
  })

  it('refuses a status other than confirmed or dismissed', () => {
    const { db } = fresh()
    expect(() => db.prepare(`INSERT INTO reviews (fingerprint, status, reviewed_at) VALUES ('x', 'open', 'now')`).run()).toThrow(/CHECK/)
  })
})

describe('Reviews', () => {
  it('stores, replaces and clears a review, returning what it replaced', () => {
    const { reviews } = fresh()
    expect(reviews.get(FP)).toBeUndefined()
    const first = reviews.set(FP, 'dismissed', { note: '已核实', reviewer: '张三' })
    expect(first).toEqual({ review: { fingerprint: FP, status: 'dismissed', note: '已核实', reviewedAt: '2024-01-01T00:00:00.000Z', reviewer: '张三' } })
    const second = reviews.set(FP, 'confirmed')
    expect(second.previous?.status).toBe('dismissed')
    expect(second.review).toEqual({ fingerprint: FP, status: 'confirmed', note: null, reviewedAt: expect.stringMatching(/^2024/), reviewer: null })
    expect(reviews.clear(FP)?.status).toBe('confirmed')
    expect(reviews.clear(FP)).toBeUndefined()
    expect(reviews.get(FP)).toBeUndefined()
  })

  it('keeps reviews when documents are replaced or deleted', () => {
    const { db, repo, reviews } = fresh()
    repo.saveResult(withFindings([FP]), '/reports/a.txt')
    reviews.set(FP, 'dismissed')
    // The file changes: a new document replaces the old one at the same path.
    repo.saveResult(withFindings([FP], { text: sampleResult().text + '\n补充说明。' }), '/reports/a.txt')
    expect(db.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(1)
    expect(db.prepare('SELECT review_status FROM findings_reviewed').pluck().all()).toEqual(['dismissed'])
    db.prepare('DELETE FROM documents').run()
    expect(reviews.get(FP)?.status).toBe('dismissed')
    expect(reviews.storedFindings(FP)).toBe(0)
  })

  it('findings_reviewed joins each finding with its document and review (NULL = open)', () => {
    const { db, repo, reviews } = fresh()
    repo.saveResult(withFindings([FP, 'dddd']))
    reviews.set(FP, 'confirmed', { note: 'n' })
    const rows = db.prepare('SELECT fingerprint, path, department, fiscal_year, line, review_status, review_note FROM findings_reviewed ORDER BY fingerprint').all()
    expect(rows).toEqual([
      { fingerprint: FP, path: '/reports/sample.txt', department: '某单位', fiscal_year: 2023, line: 4, review_status: 'confirmed', review_note: 'n' },
      { fingerprint: 'dddd', path: '/reports/sample.txt', department: '某单位', fiscal_year: 2023, line: 4, review_status: null, review_note: null },
    ])
  })

  it('resolves a unique prefix, an exact fingerprint, and says when a prefix is ambiguous or unknown', () => {
    const { repo, reviews } = fresh()
    repo.saveResult(withFindings(['abcd0123', 'abcd4567', 'ef012345']))
    reviews.set('ab99orphan0', 'dismissed') // a review whose finding is not stored
    expect(reviews.resolve('ef01')).toMatchObject({ kind: 'found', candidate: { fingerprint: 'ef012345', findings: 1, ruleId: 'ratio-mismatch', line: 4 } })
    expect(reviews.resolve('abcd0123')).toMatchObject({ kind: 'found', candidate: { fingerprint: 'abcd0123' } })
    const ambiguous = reviews.resolve('ab')
    expect(ambiguous.kind).toBe('ambiguous')
    expect(ambiguous.kind === 'ambiguous' && ambiguous.candidates.map((c) => [c.fingerprint, c.findings, c.status])).toEqual([
      ['ab99orphan0', 0, 'dismissed'],
      ['abcd0123', 1, null],
      ['abcd4567', 1, null],
    ])
    expect(reviews.resolve('ab99')).toMatchObject({ kind: 'found', candidate: { fingerprint: 'ab99orphan0', findings: 0, ruleId: null, path: null } })
    expect(reviews.resolve('0000')).toEqual({ kind: 'unknown' })
  })

  it('counts a fingerprint found in several documents once, with all its findings', () => {
    const { repo, reviews } = fresh()
    repo.saveResult(withFindings([FP]), '/reports/a.txt')
    repo.saveResult(withFindings([FP], { text: sampleResult().text + '\n另一份。', path: '/reports/b.docx' }), '/reports/b.docx')
    expect(reviews.resolve('aaaa')).toMatchObject({ kind: 'found', candidate: { fingerprint: FP, findings: 2, path: '/reports/b.docx' } }) // first by path
  })
})
