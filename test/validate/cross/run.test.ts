import { writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { FindingSchema } from '../../../src/contract.js'
import { openDatabase } from '../../../src/store/db.js'
import { Reviews } from '../../../src/store/reviews.js'
import { defineCrossRule } from '../../../src/validate/cross/cross-rule.js'
import { CROSS_RULE_IDS } from '../../../src/validate/cross/index.js'
import { checkAcrossDocuments } from '../../../src/validate/cross/run.js'
import { runCrossChecks } from '../../../src/validate/cross/after-ingest.js'
import { listFindings } from '../../../src/store/finding-query.js'
import { fixture, findingsOf, ingestInto, peerReport, storedFindings, workspace } from './cross-setup.js'

const PRIOR = 'prior-year-mismatch'

async function twoYears() {
  const ws = workspace()
  const [last, current] = ws.write({ 'last.txt': fixture('prior-year-2022.txt'), 'this.txt': fixture('prior-year-2023.txt') })
  // Unrelated reports, so that one touched document is a small part of the store and the
  // runner checks only its groups (a batch touching most of the store is checked whole).
  const others = ws.write({ 'water.txt': fixture('duplicate-filing.txt'), 'finance.txt': peerReport('财政局', 96.5), 'education.txt': peerReport('教育局', 97) })
  return { ws, last: last!, current: current!, others }
}

describe('cross-document runner', () => {
  it('after an ingest, checks the groups the batch touched: last year arriving later finds this year’s mismatch', async () => {
    const { ws, last, current, others } = await twoYears()
    await ingestInto(ws, [current, ...others])
    expect(storedFindings(ws.db, PRIOR)).toEqual([])
    await ingestInto(ws, [last])
    const findings = storedFindings(ws.db, PRIOR)
    expect(findings.map((f) => f.path)).toEqual([current])
  })

  it('drops a finding once last year’s report is replaced by a corrected file (stale evidence is recomputed)', async () => {
    const { ws, last, current, others } = await twoYears()
    await ingestInto(ws, [last, current, ...others])
    expect(storedFindings(ws.db, PRIOR)).toHaveLength(1)
    writeFileSync(last, fixture('prior-year-2022.txt', ['实际支出数为11.30万元', '实际支出数为10.80万元'], ['86.92%', '83.08%']))
    await ingestInto(ws, [last])
    expect(storedFindings(ws.db, PRIOR)).toEqual([])
  })

  it('drops a finding whose other document is gone, even when its replacement belongs elsewhere', async () => {
    const { ws, last, current, others } = await twoYears()
    await ingestInto(ws, [last, current, ...others])
    expect(storedFindings(ws.db, PRIOR)).toHaveLength(1)
    // The file at last year's path now holds another department's report: the old document is
    // deleted and the new one touches no group of this year's report.
    writeFileSync(last, fixture('prior-year-2022.txt', ['和平县农业农村局2022', '和平县水务局2022']))
    await ingestInto(ws, [last])
    expect(storedFindings(ws.db, PRIOR)).toEqual([])
  })

  it('keeps fingerprints across --force re-ingest and a full check, so reviews stay attached', async () => {
    const { ws, last, current } = await twoYears()
    await ingestInto(ws, [last, current])
    const [before] = storedFindings(ws.db, PRIOR)
    const db = openDatabase(ws.db)
    new Reviews(db).set(before!.fingerprint, 'dismissed', { note: '口径调整' })
    db.close()
    await ingestInto(ws, [last, current], true)
    expect(storedFindings(ws.db, PRIOR).map((f) => f.fingerprint)).toEqual([before!.fingerprint])
    const again = openDatabase(ws.db)
    checkAcrossDocuments(again)
    const listed = listFindings(again, { rules: [PRIOR], statuses: ['dismissed'] })
    expect(listed.findings.map((f) => [f.fingerprint, f.review?.note])).toEqual([[before!.fingerprint, '口径调整']])
    again.close()
  })

  it('stores evidence the contract accepts, primary place in the finding’s own document', async () => {
    const { ws, last, current } = await twoYears()
    await ingestInto(ws, [last, current])
    const db = openDatabase(ws.db)
    for (const f of listFindings(db, { rules: [...CROSS_RULE_IDS] }).findings) {
      expect(FindingSchema.parse(f)).toBeTruthy()
      expect(f.evidence[0]!.documentId).toBeUndefined()
    }
    db.close()
  })

  it('replaces only the findings of the rules run; a rule turned off loses its findings; a failing rule keeps them', async () => {
    const { ws, last, current } = await twoYears()
    await ingestInto(ws, [last, current])
    const db = openDatabase(ws.db)
    const summary = checkAcrossDocuments(db, 'all', { only: ['peer-outlier'] })
    expect(summary.rules.map((r) => r.ruleId)).toEqual(['peer-outlier'])
    expect(findingsOf(db, PRIOR)).toHaveLength(1)

    const failing = defineCrossRule({
      id: PRIOR,
      description: 'fails',
      defaultSeverity: 'warning',
      options: z.object({}),
      groupsOf: () => ['all'],
      check() {
        throw new Error('boom')
      },
    })
    const failed = checkAcrossDocuments(db, 'all', { rules: [failing] })
    expect(failed.diagnostics.map((d) => d.message)).toEqual([`rule ${PRIOR} failed: boom`])
    expect(findingsOf(db, PRIOR)).toHaveLength(1)

    checkAcrossDocuments(db, 'all', { config: { profile: 'default', rules: { [PRIOR]: 'off' } } })
    expect(findingsOf(db, PRIOR)).toEqual([])
    checkAcrossDocuments(db, 'all', { config: { profile: 'strict', rules: {} } })
    expect(findingsOf(db, PRIOR).map((f) => f.severity)).toEqual(['error'])
    db.close()
  })

  it('reports invalid options as a diagnostic and leaves the rule’s findings alone', async () => {
    const { ws, last, current } = await twoYears()
    await ingestInto(ws, [last, current])
    const db = openDatabase(ws.db)
    const summary = checkAcrossDocuments(db, 'all', { config: { profile: 'default', rules: { 'peer-outlier': ['info', { minPeers: 'five' }] } } })
    expect(summary.diagnostics.map((d) => d.code)).toEqual(['rule-options-invalid'])
    expect(findingsOf(db, PRIOR)).toHaveLength(1)
    db.close()
  })

  it('numbers cross findings after a document’s own findings', async () => {
    const { ws, last, current } = await twoYears()
    // A malformed number gives this year's report a finding of its own.
    writeFileSync(current, fixture('prior-year-2023.txt', ['年末结转结余资金55.80万元', '年末结转结余资金55.80万元，另有暂存款1,031,48.00元']))
    await ingestInto(ws, [last, current])
    const db = openDatabase(ws.db)
    const rows = db
      .prepare('SELECT rule_id, seq FROM findings WHERE document_id = (SELECT document_id FROM document_paths WHERE path = ?) ORDER BY seq')
      .all(current) as Array<{ rule_id: string; seq: number }>
    db.close()
    expect(rows.at(-1)).toEqual({ rule_id: PRIOR, seq: rows.length - 1 })
    expect(rows.length).toBeGreaterThan(1)
  })

  it('checks a touched document’s groups only, and never throws from the ingest hook', async () => {
    const { ws, last, current, others } = await twoYears()
    await ingestInto(ws, [last, current, ...others])
    const db = openDatabase(ws.db)
    const summary = runCrossChecks(db, [current])
    expect(summary.scope).toBe('documents')
    // The department's group holds both years; the county's 2023 peers are the four 2023 reports.
    expect(summary.rules.map((r) => [r.ruleId, r.subjects])).toEqual([
      [PRIOR, 2],
      ['duplicate-filing-mismatch', 1],
      ['peer-outlier', 4],
    ])
    expect(findingsOf(db, PRIOR)).toHaveLength(1)
    db.exec('DROP VIEW findings_reviewed; DROP TABLE findings')
    const broken = runCrossChecks(db, [last])
    expect(broken.diagnostics.map((d) => d.code)).toEqual(['cross-check-failed'])
    db.close()
  })
})
