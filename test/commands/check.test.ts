import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/store/db.js'
import { deferIndexes, pendingIndexes } from '../../src/store/deferred-indexes.js'
import { cli, findingsJson } from './review-setup.js'
import { fixture, peerReport, workspace } from '../validate/cross/cross-setup.js'

/** Two years of one department (one prior-year mismatch) and six departments of the county in 2023 (one outlier). */
async function populated() {
  const ws = workspace()
  const paths = ws.write({
    'last.txt': fixture('prior-year-2022.txt'),
    'this.txt': fixture('prior-year-2023.txt'),
    'finance.txt': peerReport('财政局', 96.5),
    'education.txt': peerReport('教育局', 97.2),
    'health.txt': peerReport('卫生健康局', 98),
    'water.txt': peerReport('水务局', 95.8),
    'forestry.txt': peerReport('林业局', 99.1),
    'civil.txt': peerReport('民政局', 42),
  })
  const run = await cli('ingest', ...paths, '--db', ws.db)
  expect(run.code).toBe(0)
  return ws
}

describe('cnreport check', () => {
  it('stores what ingest found already; check recomputes the same findings and says what it did', async () => {
    const ws = await populated()
    const before = await findingsJson(ws.db, '--rule', 'prior-year-mismatch,peer-outlier')
    expect(before.findings.map((f) => [f.ruleId, f.document.path.split('/').pop()])).toEqual([
      ['peer-outlier', 'civil.txt'],
      ['prior-year-mismatch', 'this.txt'],
    ])
    const run = await cli('check', '--db', ws.db)
    expect(run.code).toBe(0)
    expect(run.stderr).toBe('')
    const lines = run.stdout.split('\n')
    expect(lines[0]).toMatch(new RegExp(`^checked 8 documents in ${ws.db.replace(/[.\\/]/g, '\\$&')} in \\d+\\.\\d\\d s: 2 findings$`))
    expect(lines[1]).toMatch(/^ {2}prior-year-mismatch +1 {2}\(8 documents checked, \d+ ms\)$/)
    expect(lines[2]).toMatch(/^ {2}duplicate-filing-mismatch +0 /)
    expect(lines[3]).toMatch(/^ {2}peer-outlier +1 /)
    const after = await findingsJson(ws.db, '--rule', 'prior-year-mismatch,peer-outlier')
    expect(after.findings.map((f) => f.fingerprint)).toEqual(before.findings.map((f) => f.fingerprint))
  })

  it('findings can be reviewed, and stay reviewed through check', async () => {
    const ws = await populated()
    const [outlier] = (await findingsJson(ws.db, '--rule', 'peer-outlier')).findings
    const review = await cli('review', outlier!.fingerprint.slice(0, 12), '--status', 'dismissed', '--note', '新设部门，年底拨款', '--db', ws.db)
    expect(review.code).toBe(0)
    await cli('check', '--db', ws.db)
    const listed = await findingsJson(ws.db, '--rule', 'peer-outlier', '--status', 'all')
    expect(listed.findings.map((f) => [f.status, f.review?.note])).toEqual([['dismissed', '新设部门，年底拨款']])
    expect((await findingsJson(ws.db, '--rule', 'peer-outlier')).hiddenDismissed).toBe(1)
  })

  it('--rule recomputes one rule; --config configures the cross rules; --json prints the summary', async () => {
    const ws = await populated()
    const config = join(ws.dir, 'quiet.json')
    writeFileSync(config, JSON.stringify({ rules: { 'peer-outlier': 'off', 'prior-year-mismatch': 'info' } }))
    const run = await cli('check', '--db', ws.db, '--rule', 'peer-outlier', '--config', config, '--json')
    expect(run.code).toBe(0)
    const summary = JSON.parse(run.stdout)
    expect(summary).toMatchObject({ database: ws.db, documents: 8, scope: 'all', findings: 0, diagnostics: [] })
    expect(summary.rules.map((r: { ruleId: string }) => r.ruleId)).toEqual(['peer-outlier'])
    expect((await findingsJson(ws.db, '--rule', 'peer-outlier')).count).toBe(0)
    // prior-year-mismatch was not recomputed: still the warning ingest stored.
    expect((await findingsJson(ws.db, '--rule', 'prior-year-mismatch')).findings.map((f) => f.severity)).toEqual(['warning'])
    await cli('check', '--db', ws.db, '--config', config)
    expect((await findingsJson(ws.db, '--rule', 'prior-year-mismatch')).findings.map((f) => f.severity)).toEqual(['info'])
  })

  it('refuses a missing database (1), an unknown rule, a bad profile or configuration (2)', async () => {
    const ws = workspace()
    const missing = await cli('check', '--db', join(ws.dir, 'none.db'))
    expect(missing.code).toBe(1)
    expect(missing.stderr).toMatch(/no such database/)
    const unknown = await cli('check', '--rule', 'sum-mismatch', '--db', ws.db)
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toMatch(/--rule 'sum-mismatch' is not a cross-document rule \(known: prior-year-mismatch, duplicate-filing-mismatch, peer-outlier\)/)
    expect((await cli('check', '--profile', 'loud', '--db', ws.db)).code).toBe(2)
    const bad = join(ws.dir, 'bad.json')
    writeFileSync(bad, JSON.stringify({ rules: { 'peer-outliers': 'off' } }))
    const config = await cli('check', '--config', bad, '--db', ws.db)
    expect(config.code).toBe(2)
    expect(config.stderr).toMatch(/unknown rule id 'peer-outliers'/)
  })
  it('first rebuilds the indexes an interrupted bulk ingest left dropped, and says so', async () => {
    const ws = await populated()
    const db = openDatabase(ws.db)
    const dropped = deferIndexes(db)
    db.close()
    const run = await cli('check', '--db', ws.db)
    expect(run.code).toBe(0)
    expect(run.stderr).toBe(`cnreport check: rebuilt ${dropped.length} indexes an interrupted ingest had dropped\n`)
    const after = openDatabase(ws.db)
    expect(pendingIndexes(after)).toEqual([])
    expect(after.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'figures_label'").pluck().get()).toBe(1)
    after.close()
  })
})
