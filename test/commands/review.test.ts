import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { FINGERPRINT_LENGTH } from '../../src/validate/fingerprint.js'
import { openDatabase } from '../../src/store/db.js'
import { Reviews } from '../../src/store/reviews.js'
import { tempDbPath } from '../store/temp-db.js'
import { cli, edit, findingsJson, ingestInto, workspace } from './review-setup.js'

/** A workspace with ONE ingested; its single finding's fingerprint. */
async function oneIngested() {
  const ws = workspace()
  await ingestInto(ws.db, ws.one)
  const { findings } = await findingsJson(ws.db)
  expect(findings).toHaveLength(1)
  return { ...ws, fp: findings[0]!.fingerprint }
}

describe('cnreport review', () => {
  it('dismisses by a unique prefix, prints what it did, and stores note and reviewer', async () => {
    const { db, one, fp } = await oneIngested()
    expect(fp).toHaveLength(FINGERPRINT_LENGTH)
    const run = await cli('review', fp.slice(0, 6), '--status', 'dismissed', '--note', '千分位笔误, 已核实', '--reviewer', '李四', '--db', db)
    expect(run.code).toBe(0)
    expect(run.stderr).toBe('')
    // The path is shown relative to the current directory when inside it; the temp dir is not.
    expect(run.stdout).toBe(`dismissed ${fp}  malformed-number  ${one}:5  数字“1,031,48.00元”书写格式有误，按 103148元 读取\n  note: 千分位笔误, 已核实\n  reviewer: 李四\n`)
    const { findings, hiddenDismissed } = await findingsJson(db, '--status', 'all')
    expect(hiddenDismissed).toBe(0)
    expect(findings[0]).toMatchObject({ status: 'dismissed', review: { status: 'dismissed', note: '千分位笔误, 已核实', reviewer: '李四' } })
  })

  it('replaces a review, saying what it was, and reopens with --status open', async () => {
    const { db, fp } = await oneIngested()
    await cli('review', fp, '--status', 'dismissed', '--db', db)
    const again = await cli('review', fp, '--status', 'confirmed', '--db', db)
    expect(again.stdout).toMatch(new RegExp(`^confirmed ${fp} .*\\(was dismissed\\)\\n$`))
    const reopen = await cli('review', fp.slice(0, 8), '--status', 'open', '--db', db)
    expect(reopen.code).toBe(0)
    expect(reopen.stdout).toMatch(new RegExp(`^reopened ${fp} .*\\(was confirmed\\)\\n$`))
    expect((await findingsJson(db)).findings[0]).toMatchObject({ status: 'open', review: null })
    const noop = await cli('review', fp, '--status', 'open', '--db', db)
    expect(noop.stdout).toMatch(/is open already; nothing changed\n$/)
  })

  it('keeps the review across re-ingest of the same file, --force, and a changed file whose finding keeps its identity', async () => {
    const { db, one, fp } = await oneIngested()
    expect((await cli('review', fp, '--status', 'dismissed', '--db', db)).code).toBe(0)
    const before = (await findingsJson(db, '--status', 'all')).findings[0]!

    await ingestInto(db, one) // unchanged
    await ingestInto(db, one, '--force') // re-extracted, rows replaced
    let after = await findingsJson(db)
    expect(after).toMatchObject({ count: 0, hiddenDismissed: 1 })

    edit(one, '开展业务培训12次', '开展业务培训13次') // another number changes
    await ingestInto(db, one)
    after = await findingsJson(db, '--status', 'all')
    expect(after.findings).toHaveLength(1)
    expect(after.findings[0]!.document.id).not.toBe(before.document.id) // a new document replaced the old one
    expect(after.findings[0]).toMatchObject({ fingerprint: fp, status: 'dismissed' })
  })

  it('keeps the review while the finding is gone, and applies it again when the finding comes back', async () => {
    const { db, one, fp } = await oneIngested()
    await cli('review', fp, '--status', 'confirmed', '--db', db)
    edit(one, '1,031,48.00元', '1,031.48元') // the author fixed the number
    await ingestInto(db, one)
    expect(await findingsJson(db, '--status', 'all')).toMatchObject({ count: 0 })
    const orphan = await cli('review', fp.slice(0, 5), '--status', 'confirmed', '--db', db)
    expect(orphan.code).toBe(0) // still found by prefix: the review is there
    expect(orphan.stderr).toMatch(/warning: no stored finding has fingerprint/)
    edit(one, '1,031.48元', '1,031,48.00元') // and broke it again
    await ingestInto(db, one)
    expect((await findingsJson(db)).findings).toMatchObject([{ fingerprint: fp, status: 'confirmed' }])
  })

  it('lists the candidates of an ambiguous prefix and refuses an unknown one (exit 1)', async () => {
    const { db, fp } = await oneIngested()
    const store = openDatabase(db)
    const reviews = new Reviews(store)
    const twin = fp.slice(0, 6) + (fp[6] === '0' ? '1' : '0').repeat(FINGERPRINT_LENGTH - 6)
    reviews.set(twin, 'dismissed', { note: 'elsewhere' })
    store.close()
    const ambiguous = await cli('review', fp.slice(0, 6), '--status', 'confirmed', '--db', db)
    expect(ambiguous.code).toBe(1)
    expect(ambiguous.stderr).toMatch(new RegExp(`^cnreport review: '${fp.slice(0, 6)}' is ambiguous: 2 fingerprints start with it; give more characters:\\n`))
    expect(ambiguous.stderr).toContain(`  ${twin}  [dismissed]\n`)
    expect(ambiguous.stderr).toMatch(new RegExp(`  ${fp}  malformed-number  .*one-finding\\.txt:5  数字`))
    const unknown = await cli('review', 'ffff0000', '--status', 'confirmed', '--db', db)
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toBe(`cnreport review: no stored finding or review has a fingerprint starting with 'ffff0000'; 'cnreport findings --status all' lists them\n`)
  })

  it('reviews a complete fingerprint that is not stored, with a warning', async () => {
    const { db } = await oneIngested()
    const absent = 'e'.repeat(FINGERPRINT_LENGTH)
    const run = await cli('review', absent.toUpperCase(), '--status', 'dismissed', '--db', db)
    expect(run.code).toBe(0)
    expect(run.stdout).toBe(`dismissed ${absent}\n`)
    expect(run.stderr).toMatch(/^cnreport review: warning: no stored finding has fingerprint e+; the review is kept and applies when one is stored/)
    const store = openDatabase(db)
    expect(new Reviews(store).get(absent)?.status).toBe('dismissed')
    store.close()
    expect((await cli('review', 'e'.repeat(FINGERPRINT_LENGTH - 1) + 'f', '--status', 'open', '--db', db)).code).toBe(1)
  })

  it('exits 1 for a missing database without creating it', async () => {
    const db = tempDbPath()
    const run = await cli('review', 'abcd', '--status', 'dismissed', '--db', db)
    expect(run.code).toBe(1)
    expect(run.stderr).toBe(`cnreport review: ${db}: no such database; create it with 'cnreport ingest <paths…> --db ${db}'\n`)
    expect(existsSync(db)).toBe(false)
  })

  it('exits 2 on usage errors, naming the problem', async () => {
    const { db, fp } = await oneIngested()
    const cases: Array<[string[], RegExp]> = [
      [['--status', 'dismissed'], /exactly one fingerprint/],
      [[fp, fp, '--status', 'dismissed'], /exactly one fingerprint/],
      [['xyz!', '--status', 'dismissed'], /not a fingerprint: fingerprints are hexadecimal/],
      [[fp.slice(0, 3), '--status', 'dismissed'], /at least 4 characters/],
      [[fp], /--status is required/],
      [[fp, '--status', 'ignored'], /--status must be one of confirmed, dismissed, open, not 'ignored'/],
      [[fp, '--status', 'open', '--note', 'x'], /--note and --reviewer are kept only with/],
    ]
    for (const [args, message] of cases) {
      const run = await cli('review', ...args, '--db', db)
      expect(run.code).toBe(2)
      expect(run.stderr).toMatch(message)
      expect(run.stderr).toMatch(/Run 'cnreport review --help' for usage\.\n$/)
    }
  })

  it('--help explains prefixes, statuses and that reviews outlive documents', async () => {
    const run = await cli('review', '--help')
    for (const words of ['unique prefix', 'confirmed', 'dismissed', 'open', 'never deleted with a\ndocument', 'Exit codes: 0'])
      expect(run.stdout).toContain(words)
  })
})
