import { describe, expect, it } from 'vitest'
import { type ExtractResult, type Finding, FindingSchema } from '../../src/contract.js'
import { openDatabase, type Db } from '../../src/store/db.js'
import { listFindings, matchDocuments } from '../../src/store/finding-query.js'
import { Repository } from '../../src/store/repo.js'
import { Reviews } from '../../src/store/reviews.js'
import { sampleResult } from './sample-result.js'
import { tempDbPath } from './temp-db.js'

type Spec = Pick<Finding, 'fingerprint' | 'ruleId' | 'severity'> & Partial<Finding>

/** A sample document at `path` whose findings are built from `specs` (evidence from the sample). */
function doc(path: string, specs: Spec[]): ExtractResult {
  const r = sampleResult({ text: sampleResult().text + `\n${path}`, path })
  const base = r.findings[0]!
  return { ...r, findings: specs.map((s) => ({ ...base, ...s })) }
}

/** Two documents, four findings: a.txt (error sum, warning ratio), b.txt (info sum, warning ratio). */
function populated(): { db: Db; reviews: Reviews; ids: string[] } {
  const db = openDatabase(tempDbPath())
  const repo = new Repository(db)
  const a = doc('/r/x/a.txt', [
    { fingerprint: 'a1', ruleId: 'sum-mismatch', severity: 'error', computed: 17.5 },
    { fingerprint: 'a2', ruleId: 'ratio-mismatch', severity: 'warning' },
  ])
  const b = doc('/r/y/b.txt', [
    { fingerprint: 'b1', ruleId: 'sum-mismatch', severity: 'info' },
    { fingerprint: 'b2', ruleId: 'ratio-mismatch', severity: 'warning', stated: undefined, computed: undefined },
  ])
  repo.saveResult(a, '/r/x/a.txt')
  repo.saveResult(b, '/r/y/b.txt')
  return { db, reviews: new Reviews(db), ids: [a.document.id, b.document.id] }
}

const fps = (db: Db, filter: Parameters<typeof listFindings>[1] = {}) => listFindings(db, filter).findings.map((f) => f.fingerprint)

describe('listFindings', () => {
  it('lists every finding in path order (then place, then rule id), in the contract shape plus status, document and review', () => {
    const { db, reviews, ids } = populated()
    reviews.set('a2', 'confirmed', { note: '属实' })
    const { findings, hiddenDismissed } = listFindings(db)
    expect(findings.map((f) => f.fingerprint)).toEqual(['a2', 'a1', 'b2', 'b1'])
    expect(hiddenDismissed).toBe(0)
    for (const f of findings) expect(FindingSchema.safeParse(f).success).toBe(true)
    expect(findings[1]).toMatchObject({ computed: 17.5, stated: 98.5, status: 'open', line: 4, review: null })
    expect(findings[1]!.document).toEqual({ id: ids[0], path: '/r/x/a.txt', department: '某单位', fiscalYear: 2023 })
    expect(findings[0]).toMatchObject({ computed: [17.16, 17.17], status: 'confirmed', review: { status: 'confirmed', note: '属实', reviewer: null } })
    expect(findings[2]).not.toHaveProperty('stated')
    expect(findings[2]).not.toHaveProperty('computed')
  })

  it('hides dismissed findings by default and counts them under the other filters', () => {
    const { db, reviews } = populated()
    reviews.set('a1', 'dismissed')
    reviews.set('b2', 'dismissed')
    expect(listFindings(db)).toMatchObject({ hiddenDismissed: 2 })
    expect(fps(db)).toEqual(['a2', 'b1'])
    expect(listFindings(db, { rules: ['sum-mismatch'] })).toMatchObject({ hiddenDismissed: 1 })
    expect(listFindings(db, { statuses: ['open', 'confirmed', 'dismissed'] })).toMatchObject({ hiddenDismissed: 0 })
    expect(fps(db, { statuses: ['dismissed'] })).toEqual(['a1', 'b2'])
    expect(fps(db, { statuses: ['confirmed'] })).toEqual([])
  })

  it('filters by severity, rule and document, together', () => {
    const { db, ids } = populated()
    expect(fps(db, { severities: ['warning'] })).toEqual(['a2', 'b2'])
    expect(fps(db, { severities: ['error', 'info'] })).toEqual(['a1', 'b1'])
    expect(fps(db, { rules: ['ratio-mismatch'] })).toEqual(['a2', 'b2'])
    expect(fps(db, { documentIds: [ids[1]!] })).toEqual(['b2', 'b1'])
    expect(fps(db, { documentIds: [] })).toEqual([])
    expect(fps(db, { documentIds: [ids[1]!], rules: ['sum-mismatch'], severities: ['info'] })).toEqual(['b1'])
  })
})

describe('matchDocuments', () => {
  it('matches sha256 prefixes, paths, folders and file names; reports what matched nothing', () => {
    const { db, ids } = populated()
    const [a, b] = ids as [string, string]
    expect(matchDocuments(db, [a.slice(0, 6).toUpperCase()])).toEqual({ ids: [a], unmatched: [] })
    expect(matchDocuments(db, ['/r/x/a.txt'])).toEqual({ ids: [a], unmatched: [] })
    expect(matchDocuments(db, ['x/a.txt'], '/r')).toEqual({ ids: [a], unmatched: [] })
    expect(matchDocuments(db, ['/r']).ids.sort()).toEqual([a, b].sort())
    expect(matchDocuments(db, ['/r/'])).toMatchObject({ unmatched: [] })
    expect(matchDocuments(db, ['b.txt'], '/elsewhere')).toEqual({ ids: [b], unmatched: [] })
    expect(matchDocuments(db, ['/r/x/a', 'c.txt', 'abc'])).toEqual({ ids: [], unmatched: ['/r/x/a', 'c.txt', 'abc'] })
  })

  it('finds a document by any path it was found at, not only the first', () => {
    const db = openDatabase(tempDbPath())
    const repo = new Repository(db)
    const r = doc('/r/a.txt', [])
    repo.saveResult(r, '/r/a.txt')
    repo.linkPath('/copies/a.txt', r.document.id)
    expect(matchDocuments(db, ['/copies'])).toEqual({ ids: [r.document.id], unmatched: [] })
    expect(matchDocuments(db, ['/r/a.txt'])).toEqual({ ids: [r.document.id], unmatched: [] })
  })
})
