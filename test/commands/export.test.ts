import { spawn } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { main } from '../../src/cli-main.js'
import { csvLine } from '../../src/commands/export-format.js'
import { CHUNK_SIZE } from '../../src/commands/export-sink.js'
import { openDatabase } from '../../src/store/db.js'
import { EXPORT_VIEWS } from '../../src/store/views.js'
import { tempDbPath, tempDir } from '../store/temp-db.js'
import { capture, cli } from './review-setup.js'

const CORPUS = resolve('corpus')
const SEED_TXT = readdirSync(CORPUS).filter((n) => n.endsWith('.txt')).sort().map((n) => join(CORPUS, n))

/** RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const records: string[][] = []
  let field = ''
  let record: string[] = []
  let i = 0
  while (i < text.length) {
    const c = text[i]!
    if (c === '"' && field === '') {
      // A quoted field: runs to the quote not followed by another; "" stands for one quote.
      for (i++; ; ) {
        if (i >= text.length) throw new Error('unterminated quoted field')
        if (text[i] === '"' && text[i + 1] === '"') (field += '"'), (i += 2)
        else if (text[i] === '"') break
        else field += text[i++]
      }
      i++
      if (!/^(,|\r\n|$)/.test(text.slice(i, i + 2))) throw new Error(`junk after a quoted field at ${i}`)
      continue
    }
    if (c === ',') {
      record.push(field)
      field = ''
      i++
    } else if (text.startsWith('\r\n', i)) {
      record.push(field)
      records.push(record)
      record = []
      field = ''
      i += 2
    } else {
      if (c === '\n' || c === '\r' || c === '"') throw new Error(`bare ${JSON.stringify(c)} in an unquoted field at ${i}`)
      field += c
      i++
    }
  }
  if (field !== '' || record.length > 0) throw new Error('last record lacks its CRLF')
  return records
}

/** The header blocks of docs/schema.md: `<!-- csv-header: NAME -->` then a ```csv fence of one line. */
function documentedHeaders(): Map<string, string> {
  const doc = readFileSync('docs/schema.md', 'utf8')
  const headers = new Map<string, string>()
  for (const m of doc.matchAll(/<!-- csv-header: (\S+) -->\n```csv\n([^\n]*)\n```/g)) {
    expect(headers.has(m[1]!), `two headers for ${m[1]}`).toBe(false)
    headers.set(m[1]!, m[2]!)
  }
  return headers
}

/** The column names listed in the table of a view's section (### <sql view name> …). */
function documentedColumns(view: string): string[] {
  const doc = readFileSync('docs/schema.md', 'utf8')
  const start = doc.indexOf(`\n### ${view} `)
  expect(start, `docs/schema.md has a section for ${view}`).toBeGreaterThan(0)
  const section = doc.slice(start + 1, doc.indexOf('\n### ', start + 1))
  return [...section.matchAll(/^\| `([a-z_0-9]+)` \|/gm)].map((m) => m[1]!)
}

const asText = (v: unknown) => (v === null ? '' : String(v))

describe('cnreport export', () => {
  let db: string
  beforeAll(async () => {
    db = tempDbPath()
    const run = await cli('ingest', ...SEED_TXT, '--db', db)
    expect(run.code).toBe(0)
  }, 120_000)

  it('prints exactly the CSV header docs/schema.md documents, for every view', async () => {
    const headers = documentedHeaders()
    expect([...headers.keys()].sort()).toEqual(EXPORT_VIEWS.map((v) => v.name).sort())
    for (const v of EXPORT_VIEWS) {
      const run = await cli('export', '--db', db, '--view', v.name, '--format', 'csv')
      expect(run.code).toBe(0)
      const firstLine = run.stdout.slice(0, run.stdout.indexOf('\r\n'))
      expect(firstLine, `header of ${v.name}`).toBe(headers.get(v.name))
      // The column table of the view's section lists the same columns in the same order.
      expect(documentedColumns(v.view), `columns documented for ${v.view}`).toEqual(firstLine.split(','))
    }
  })

  it('writes RFC 4180 CSV: a header, then every row of the view as stored, in reading order', async () => {
    const sqlite = openDatabase(db)
    for (const v of EXPORT_VIEWS) {
      const run = await cli('export', '--db', db, '--view', v.view)
      expect(run.code).toBe(0)
      expect(run.stderr).toBe('')
      const [header, ...records] = parseCsv(run.stdout)
      const rows = sqlite.prepare(`SELECT * FROM ${v.view} ORDER BY ${v.orderBy}`).all() as Array<Record<string, unknown>>
      expect(rows.length, v.view).toBeGreaterThan(4)
      expect(records).toEqual(rows.map((r) => header!.map((c) => asText(r[c]))))
    }
    sqlite.close()
    // A malformed number with commas is a quoted field.
    const figures = await cli('export', '--db', db, '--view', 'figures')
    expect(figures.stdout).toContain(',"1,031,48.00元",')
    expect(csvLine(['a,b', 'say "hi"', '两行\n文字', null, 3.5, 33950600])).toBe('"a,b","say ""hi""","两行\n文字",,3.5,33950600\r\n')
  })

  it('writes JSON Lines: one object per row, keys in column order, NULL as null', async () => {
    const run = await cli('export', '--db', db, '--view', 'report_summary', '--format', 'jsonl')
    expect(run.code).toBe(0)
    const lines = run.stdout.split('\n')
    expect(lines.pop()).toBe('')
    const sqlite = openDatabase(db)
    const rows = sqlite.prepare('SELECT * FROM report_summary ORDER BY path, id').all() as Array<Record<string, unknown>>
    const header = (await cli('export', '--db', db)).stdout.split('\r\n')[0]!.split(',')
    expect(lines.map((l) => JSON.parse(l))).toEqual(rows)
    for (const l of lines) expect(Object.keys(JSON.parse(l))).toEqual(header)
    expect(lines.some((l) => l.includes('"budget_initial":null'))).toBe(true)
    sqlite.close()
  })

  it('--bom starts the CSV with U+FEFF; --out writes a file (replacing it once complete) and says how many rows', async () => {
    const withBom = await cli('export', '--db', db, '--bom')
    const plain = await cli('export', '--db', db)
    expect(withBom.stdout).toBe('\uFEFF' + plain.stdout)

    const dir = tempDir()
    const out = join(dir, 'figures.csv')
    writeFileSync(out, 'old contents')
    const run = await cli('export', '--db', db, '--view', 'figures', '--out', out)
    expect(run.code).toBe(0)
    expect(run.stdout).toBe('')
    const stdout = (await cli('export', '--db', db, '--view', 'figures')).stdout
    expect(readFileSync(out, 'utf8')).toBe(stdout)
    const rows = parseCsv(stdout).length - 1
    expect(rows).toBeGreaterThan(500)
    expect(run.stderr).toBe(`cnreport export: wrote ${rows} rows of figures to ${out}\n`)
    expect(readdirSync(dir)).toEqual(['figures.csv']) // no temporary file left behind

    const nowhere = join(dir, 'missing-folder', 'x.csv')
    const failed = await cli('export', '--db', db, '--out', nowhere)
    expect(failed.code).toBe(1)
    expect(failed.stderr).toMatch(new RegExp(`^cnreport export: ${nowhere.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: cannot write: ENOENT`))
    expect(readdirSync(dir)).toEqual(['figures.csv'])
  })

  it('leaves dismissed findings out of the severity counts of report_summary', async () => {
    const summary = async () => (await cli('export', '--db', db, '--format', 'jsonl')).stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, number | string>)
    const before = await summary()
    const finding = JSON.parse((await cli('export', '--db', db, '--view', 'findings', '--format', 'jsonl')).stdout.split('\n')[0]!) as Record<string, string>
    const target = before.find((r) => r.id === finding.document_id)!
    expect(target[`${finding.severity}s`]).toBeGreaterThan(0)
    expect((await cli('review', finding.fingerprint!, '--status', 'dismissed', '--db', db)).code).toBe(0)
    const after = (await summary()).find((r) => r.id === target.id)!
    const key = `${finding.severity}s` as 'errors' | 'warnings' | 'infos'
    expect(after[key]).toBe((target[key] as number) - 1)
    expect([after.open_findings, after.dismissed_findings]).toEqual([(target.open_findings as number) - 1, (target.dismissed_findings as number) + 1])
    const status = JSON.parse((await cli('export', '--db', db, '--view', 'findings', '--format', 'jsonl')).stdout.split('\n')[0]!).status
    expect(status).toBe('dismissed')
    await cli('review', finding.fingerprint!, '--status', 'open', '--db', db)
  })

  it('explains itself: --help lists every view; a missing database, unknown view or format is a clear error', async () => {
    const help = capture()
    expect(await main(['export', '--help'], help)).toBe(0)
    for (const v of EXPORT_VIEWS) expect(help.stdout).toMatch(new RegExp(`\\n  ${v.name} +\\(SQL view ${v.view}\\)\\n`))
    expect(help.stdout).toContain('docs/schema.md')

    const missing = join(tempDir(), 'none.db')
    const noDb = await cli('export', '--db', missing)
    expect(noDb.code).toBe(1)
    expect(noDb.stderr).toBe(`cnreport export: ${missing}: no such database; create it with 'cnreport ingest <paths…> --db ${missing}'\n`)
    expect(existsSync(missing)).toBe(false)

    const view = await cli('export', '--db', db, '--view', 'documents')
    expect(view.code).toBe(2)
    expect(view.stderr).toContain("unknown view 'documents'; the views are report_summary, findings, evidence, figures")
    expect((await cli('export', '--db', db, '--format', 'xlsx')).stderr).toContain("--format must be one of csv, jsonl, not 'xlsx'")
    expect((await cli('export', '--db', db, '--format', 'jsonl', '--bom')).code).toBe(2)
    expect((await cli('export', 'summary.csv', '--db', db)).code).toBe(2)
    const overDb = await cli('export', '--db', db, '--out', db)
    expect([overDb.code, overDb.stderr]).toEqual([2, expect.stringContaining('is the database; name another file')])
    expect(readFileSync(db).subarray(0, 15).toString()).toBe('SQLite format 3')
  })
})

describe('cnreport export of a large table', () => {
  /** A database holding one document with `n` figures, written directly (no extraction). */
  function bigDatabase(n: number): string {
    const file = tempDbPath()
    const db = openDatabase(file)
    const id = 'b'.repeat(64)
    db.prepare(`INSERT INTO documents (id, path, format, department, fiscal_year, text, char_count, line_count, ingested_at, tool_version)
                VALUES (?, '/big.txt', 'txt', '某局', 2023, '', 0, 1, 'now', 'test')`).run(id)
    const insert = db.prepare(`INSERT INTO figures (document_id, id, kind, raw, value, decimals, unit, yuan, approx, label, line, start, "end")
                               VALUES (?, ?, 'money', ?, ?, 2, '万元', ?, 0, '某项经费支出', ?, ?, ?)`)
    db.transaction(() => {
      for (let i = 0; i < n; i++) insert.run(id, `f${i}`, `${i}.25万元`, i + 0.25, i * 10000 + 2500, i + 1, i * 10, i * 10 + 8)
    })()
    db.close()
    return file
  }

  it('streams: output leaves in chunks of about CHUNK_SIZE, never all at once', async () => {
    const n = 20_000
    const db = bigDatabase(n)
    const io = capture()
    const chunks: number[] = []
    const out = io.out
    io.out = (text) => {
      chunks.push(text.length)
      out(text)
    }
    expect(await main(['export', '--db', db, '--view', 'figures'], io)).toBe(0)
    expect(io.stdout.split('\r\n')).toHaveLength(n + 2)
    expect(chunks.length).toBeGreaterThan(io.stdout.length / (2 * CHUNK_SIZE))
    for (const c of chunks.slice(0, -1)) expect(c).toBeGreaterThanOrEqual(CHUNK_SIZE)
    for (const c of chunks) expect(c).toBeLessThan(CHUNK_SIZE + 1000)
  })

  it('stops quietly with exit code 0 when the reader closes the pipe (cnreport export | head)', async () => {
    const db = bigDatabase(20_000)
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'export', '--db', db, '--view', 'figures'], { stdio: ['ignore', 'pipe', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    let first = ''
    await new Promise<void>((done) =>
      child.stdout.once('data', (d: Buffer) => {
        first = d.toString()
        child.stdout.destroy()
        done()
      }),
    )
    const code = await new Promise<number | null>((done) => child.on('close', (c) => done(c)))
    expect(first.startsWith('document_id,path,department')).toBe(true)
    expect(stderr.replace(/^npm warn.*\n/gm, '')).toBe('')
    expect(code).toBe(0)
  }, 60_000)
})
