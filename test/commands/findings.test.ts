import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FindingSchema } from '../../src/contract.js'
import { CSV_COLUMNS } from '../../src/commands/findings-format.js'
import { openDatabase } from '../../src/store/db.js'
import { tempDbPath } from '../store/temp-db.js'
import { cli, findingsJson, ingestInto, workspace } from './review-setup.js'

/**
 * ONE stored at default severity (1 warning), THREE under --profile strict (3 errors), and a
 * copy of ONE from another department with malformed-number configured as info (1 info).
 */
async function populated() {
  const ws = workspace()
  const info = join(ws.dir, 'info-copy.txt')
  writeFileSync(info, readFileSync(ws.one, 'utf8').replaceAll('某某局', '某某服务中心'))
  const config = join(ws.dir, 'quiet.json')
  writeFileSync(config, JSON.stringify({ rules: { 'malformed-number': 'info' } }))
  await ingestInto(ws.db, ws.one)
  await ingestInto(ws.db, ws.three, '--profile', 'strict')
  await ingestInto(ws.db, info, '--config', config)
  const { findings } = await findingsJson(ws.db)
  return { ...ws, info, findings }
}

describe('cnreport findings', () => {
  it('prints a table: severity, status, rule, document, line, message, short fingerprint, then totals', async () => {
    const { db, findings } = await populated()
    const run = await cli('findings', '--db', db)
    expect(run.code).toBe(0)
    expect(run.stderr).toBe('')
    const lines = run.stdout.split('\n')
    expect(lines[0]).toMatch(/^severity +status +rule +document +line +message +fingerprint$/)
    expect(lines).toHaveLength(1 + 5 + 1 + 1 + 1) // header, rows, blank, totals, final newline
    const ones = lines.find((l) => l.includes('1,031,48.00元') && l.startsWith('warning'))!
    expect(ones).toMatch(/^warning +open +malformed-number +…?\S*one-finding\.txt +5 +数字“1,031,48\.00元”书写格式有误，按 103148元 读取 +[0-9a-f]{12}$/)
    expect(ones.endsWith(findings.find((f) => f.severity === 'warning')!.fingerprint.slice(0, 12))).toBe(true)
    expect(lines[7]).toBe('5 findings in 3 documents: 3 error, 1 warning, 1 info')
  })

  it('hides dismissed findings by default and says how many; --status all and dismissed show them', async () => {
    const { db, findings } = await populated()
    for (const f of findings.filter((f) => f.severity === 'error').slice(0, 2)) await cli('review', f.fingerprint, '--status', 'dismissed', '--db', db)
    const table = await cli('findings', '--db', db)
    expect(table.stdout).toMatch(/\n3 findings in 3 documents: 1 error, 1 warning, 1 info\n2 dismissed findings hidden; --status all shows them\n$/)
    expect(await findingsJson(db)).toMatchObject({ count: 3, hiddenDismissed: 2 })
    expect(await findingsJson(db, '--status', 'all')).toMatchObject({ count: 5, hiddenDismissed: 0 })
    const dismissed = await findingsJson(db, '--status', 'dismissed')
    expect(dismissed.findings.map((f) => f.status)).toEqual(['dismissed', 'dismissed'])
    expect(await findingsJson(db, '--status', 'open,confirmed', '--severity', 'info')).toMatchObject({ count: 1, hiddenDismissed: 0 })
    const json = await cli('findings', '--db', db, '--format', 'json')
    expect(json.stderr).toBe('cnreport findings: 2 dismissed findings hidden; --status all shows them\n')
  })

  it('filters by severity, rule and document (path, folder, file name or sha256 prefix)', async () => {
    const { db, dir, three, findings } = await populated()
    const lines = async (...args: string[]) => (await findingsJson(db, ...args)).findings.map((f) => `${f.severity}:${f.line}`)
    expect(await lines('--severity', 'error')).toEqual(['error:4', 'error:5', 'error:5'])
    expect(await lines('--severity', 'warning', '--severity', 'info')).toHaveLength(2)
    expect(await lines('--severity', 'warning,info')).toHaveLength(2)
    expect(await lines('--rule', 'malformed-number')).toHaveLength(5)
    expect(await lines('--rule', 'sum-mismatch')).toEqual([])
    expect(await lines('--document', three)).toEqual(['error:4', 'error:5', 'error:5'])
    expect(await lines('--document', 'three-findings.txt')).toHaveLength(3)
    expect(await lines('--document', dir)).toHaveLength(5)
    const threeId = findings.find((f) => f.severity === 'error')!.document.id
    expect(await lines('--document', threeId.slice(0, 8), '--severity', 'error')).toHaveLength(3)
    expect(await lines('--document', threeId.slice(0, 8), '--severity', 'info')).toEqual([])
    const none = await cli('findings', '--db', db, '--document', 'nowhere.txt')
    expect(none.code).toBe(0)
    expect(none.stdout).toBe('no findings\n')
    expect(none.stderr).toBe(`cnreport findings: warning: --document 'nowhere.txt' matches no stored document\n`)
    expect((await cli('findings', '--db', db, '--rule', 'sum-mismach')).stderr).toMatch(/warning: --rule 'sum-mismach' is not a rule id \(known: .*malformed-number/)
  })

  it('writes RFC 4180 CSV: header row, CRLF, quoted fields with commas, quotes and line breaks', async () => {
    const { db, findings } = await populated()
    const target = findings.find((f) => f.severity === 'warning')!
    await cli('review', target.fingerprint, '--status', 'confirmed', '--note', '核对 "原始凭证"\n第二行', '--db', db)
    const run = await cli('findings', '--db', db, '--format', 'csv')
    expect(run.code).toBe(0)
    const rows = run.stdout.split('\r\n')
    expect(rows[0]).toBe(CSV_COLUMNS.join(','))
    expect(rows[0]).toBe('severity,status,rule,document,document_id,department,fiscal_year,line,message,stated,computed_lo,computed_hi,evidence,fingerprint,review_note,reviewed_at,reviewer')
    expect(rows.at(-1)).toBe('') // ends with CRLF
    const row = rows.find((r) => r.includes(target.fingerprint))!
    expect(row).toContain(`warning,confirmed,malformed-number,${target.document.path},${target.document.id},某某局,2023,5,"数字“1,031,48.00元”书写格式有误，按 103148元 读取",103148,,,"5:1,031,48.00元",${target.fingerprint},"核对 ""原始凭证""\n第二行",`)
    expect(run.stdout.match(/\r\n/g)).toHaveLength(6) // header + 5 findings; the note's \n is inside quotes
  })

  it('prints JSON with full findings (contract shape), document and review', async () => {
    const { db } = await populated()
    const out = await findingsJson(db, '--status', 'all')
    expect(out).toMatchObject({ database: db, count: 5, hiddenDismissed: 0 })
    for (const f of out.findings) {
      expect(FindingSchema.parse(f)).toBeTruthy()
      expect(f.evidence[0]!.line).toBe(f.line)
      expect(Object.keys(f.document)).toEqual(['id', 'path', 'department', 'fiscalYear'])
      expect(f.review).toBeNull()
      expect(f.status).toBe('open')
    }
    expect(out.findings.map((f) => f.document.department)).toEqual(expect.arrayContaining(['某某局', '某某县教育局', '某某服务中心']))
  })

  it('exits 0 with "no findings" on an empty database, 1 on a missing one (not creating it)', async () => {
    const empty = tempDbPath()
    openDatabase(empty).close()
    expect(await cli('findings', '--db', empty)).toMatchObject({ code: 0, stdout: 'no findings\n', stderr: '' })
    expect((await cli('findings', '--db', empty, '--format', 'csv')).stdout).toBe(CSV_COLUMNS.join(',') + '\r\n')
    const missing = tempDbPath()
    const run = await cli('findings', '--db', missing)
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/^cnreport findings: .*test\.db: no such database; create it with 'cnreport ingest/)
    expect(existsSync(missing)).toBe(false)
  })

  it('exits 2 on usage errors', async () => {
    const db = tempDbPath()
    openDatabase(db).close()
    for (const [args, message] of [
      [['--format', 'xml'], /--format must be one of table, csv, json, not 'xml'/],
      [['--severity', 'fatal'], /--severity must be one of error, warning, info, not 'fatal'/],
      [['--status', 'closed'], /--status must be one of open, confirmed, dismissed, all/],
      [['stray'], /unexpected argument 'stray'/],
      [['--db', ''], /--db needs a file name/],
    ] as Array<[string[], RegExp]>) {
      const run = await cli('findings', '--db', db, ...args)
      expect(run.code).toBe(2)
      expect(run.stderr).toMatch(message)
    }
  })
})
