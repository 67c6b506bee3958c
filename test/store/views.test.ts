import Database from 'better-sqlite3'
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { FIELD_IDS } from '../../src/normalize/field-ids.js'
import { ingest } from '../../src/pipeline.js'
import { migrate, openDatabase, schemaVersion, type Db } from '../../src/store/db.js'
import { fieldColumn, SUMMARY_FIELDS_V4 } from '../../src/store/migrations/004-views.js'
import { MIGRATIONS } from '../../src/store/migrations/index.js'
import { Repository } from '../../src/store/repo.js'
import { Reviews } from '../../src/store/reviews.js'
import { EXPORT_VIEWS, findExportView, readView } from '../../src/store/views.js'
import { SAMPLE_TEXT, sampleResult } from './sample-result.js'
import { tempDbPath } from './temp-db.js'

const CORPUS = resolve('corpus')
const SEED_TXT = readdirSync(CORPUS).filter((n) => n.endsWith('.txt')).sort()

type Row = Record<string, unknown>

const columnsOf = (db: Db, view: string) => (db.prepare(`PRAGMA table_info("${view}")`).all() as Array<{ name: string }>).map((c) => c.name)

describe('report_summary columns', () => {
  it('has one record column per canonical field, in FIELD_IDS order (a new field needs a new migration)', () => {
    const db = openDatabase(':memory:')
    const columns = columnsOf(db, 'report_summary')
    const record = columns.filter((c) => FIELD_IDS.some((f) => fieldColumn(f) === c))
    // Fails when FIELD_IDS gains a field: add migration 5 recreating report_summary, and
    // update the CSV header in docs/schema.md.
    expect(record).toEqual(FIELD_IDS.map(fieldColumn))
    expect(SUMMARY_FIELDS_V4).toEqual(FIELD_IDS)
    expect(columns.slice(0, 3)).toEqual(['id', 'path', 'format'])
    expect(columns.slice(-6)).toEqual(['errors', 'warnings', 'infos', 'open_findings', 'confirmed_findings', 'dismissed_findings'])
    db.close()
  })

  it('upgrades a version-3 database in place; its documents appear in the views, primary statements only', () => {
    const old = new Database(tempDbPath())
    migrate(old, MIGRATIONS.filter((m) => m.version <= 3))
    // The sample states budget.total twice: 3395.06万元 (primary, f1) and 582.77 (alternative, f3).
    new Repository(old, { toolVersion: 'cnreport test' }).saveResult(sampleResult())
    expect(migrate(old)).toBe(MIGRATIONS.length - 3)
    expect(schemaVersion(old)).toBe(MIGRATIONS.at(-1)!.version)
    expect(old.prepare('SELECT department, county, budget_total, budget_execution_rate, income_total, figure_count, section_count, table_count, warnings, open_findings FROM report_summary').all()).toEqual([
      { department: '某单位', county: '某县', budget_total: 33950600, budget_execution_rate: 98.5, income_total: null, figure_count: 3, section_count: 2, table_count: 1, warnings: 1, open_findings: 1 },
    ])
    expect(old.prepare('SELECT figure_id, record_fields FROM figure_facts ORDER BY figure_id').all()).toEqual([
      { figure_id: 'f1', record_fields: 'budget.total' },
      { figure_id: 'f2', record_fields: 'budget.execution_rate' },
      { figure_id: 'f3', record_fields: null },
    ])
    expect(old.prepare('SELECT item, role, text, figure_id FROM finding_evidence_items ORDER BY item').all()).toEqual([
      { item: 0, role: 'stated', text: '98.5%', figure_id: 'f2' },
      { item: 1, role: null, text: '3395.06万元', figure_id: null },
    ])
    old.close()
  })

  it('finding_evidence_items: an item in another document names that document, its path and its figure', () => {
    const db = openDatabase(tempDbPath())
    const repo = new Repository(db, { toolVersion: 'cnreport test' })
    const prior = sampleResult({ path: '/reports/2022.txt', text: SAMPLE_TEXT.replace('2023', '2022') })
    repo.saveResult(prior)
    const current = sampleResult({ path: '/reports/2023.txt' })
    const [stated, other] = current.findings[0]!.evidence
    current.findings[0]!.evidence = [stated!, { ...other!, figureId: 'f1', documentId: prior.document.id, role: 'prior' }, { ...other!, figureId: 't1:r1c1:blank' }]
    repo.saveResult(current)
    const rows = db.prepare('SELECT item, item_document_id, item_path, role, figure_id FROM finding_evidence_items WHERE document_id = ? ORDER BY item').all(current.document.id)
    expect(rows).toEqual([
      { item: 0, item_document_id: current.document.id, item_path: '/reports/2023.txt', role: 'stated', figure_id: 'f2' },
      { item: 1, item_document_id: prior.document.id, item_path: '/reports/2022.txt', role: 'prior', figure_id: 'f1' },
      { item: 2, item_document_id: current.document.id, item_path: '/reports/2023.txt', role: null, figure_id: null },
    ])
    db.close()
  })
})

describe('views over the seed corpus', () => {
  let db: Db
  beforeAll(async () => {
    db = openDatabase(tempDbPath())
    const summary = await ingest(
      SEED_TXT.map((n) => join(CORPUS, n)),
      { db },
    )
    expect(summary.failed).toEqual([])
  }, 120_000)

  const all = (sql: string, ...params: unknown[]) => db.prepare(sql).all(...params) as Row[]

  it('report_summary: one row per document, with its metadata and counts of what was found', () => {
    const docs = all('SELECT id, path, department, fiscal_year, region_code, self_score FROM documents ORDER BY id')
    expect(docs).toHaveLength(SEED_TXT.length)
    const summary = all('SELECT * FROM report_summary ORDER BY id')
    expect(summary.map((r) => r.id)).toEqual(docs.map((d) => d.id))
    for (const [i, d] of docs.entries()) {
      const s = summary[i]!
      expect({ id: s.id, path: s.path, department: s.department, fiscal_year: s.fiscal_year, region_code: s.region_code, self_score: s.self_score }).toEqual(d)
      const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table} WHERE document_id = ?`).get(d.id) as { n: number }).n
      expect([s.section_count, s.table_count, s.figure_count]).toEqual([count('sections'), count('tables'), count('figures')])
      expect(s.figure_count).toBeGreaterThan(20)
    }
  })

  it('report_summary: record columns hold the primary statement of each field, NULL where none', () => {
    let filled = 0
    for (const s of all('SELECT * FROM report_summary')) {
      const primary = new Map(
        (all('SELECT field, value FROM record_fields WHERE document_id = ? AND is_primary = 1', s.id) as Array<{ field: string; value: number }>).map((r) => [r.field, r.value]),
      )
      for (const f of FIELD_IDS) expect([f, s[fieldColumn(f)]]).toEqual([f, primary.get(f) ?? null])
      filled += primary.size
    }
    expect(filled).toBeGreaterThan(50)
    // Seed 000 against its hand-made gold record: money in 元, the department as named.
    const gold = JSON.parse(readFileSync('/work/shared/gold/000.json', 'utf8')) as { department: string; record: Record<string, { value: number } | null> }
    const seed = all('SELECT * FROM report_summary WHERE path = ?', join(CORPUS, SEED_TXT[0]!))[0]!
    expect(seed.department).toBe(gold.department)
    expect(seed.income_total).toBe(gold.record['income.total']!.value)
    expect(seed.expenditure_basic).toBe(gold.record['expenditure.basic']!.value)
  })

  it('finding_evidence: one row per finding with its document, review status and primary evidence', () => {
    const findings = all('SELECT document_id, seq, fingerprint, rule_id, severity, message, evidence FROM findings ORDER BY document_id, seq')
    expect(findings.length).toBeGreaterThan(3)
    const rows = all('SELECT * FROM finding_evidence ORDER BY document_id, seq')
    expect(rows).toHaveLength(findings.length)
    for (const [i, f] of findings.entries()) {
      const r = rows[i]!
      const primary = (JSON.parse(f.evidence as string) as Array<{ line: number; start: number; end: number; text: string }>)[0]!
      const doc = all('SELECT path, department, fiscal_year FROM documents WHERE id = ?', f.document_id)[0]!
      expect(r).toMatchObject({ ...doc, document_id: f.document_id, seq: f.seq, fingerprint: f.fingerprint, rule_id: f.rule_id, severity: f.severity, message: f.message })
      expect(r).toMatchObject({ status: 'open', line: primary.line, start: primary.start, end: primary.end, evidence_text: primary.text })
      expect(r.evidence_count).toBe(JSON.parse(f.evidence as string).length)
    }
  })

  it('finding_evidence_items: one row per evidence item, in order; figure_id only for stored figures', () => {
    const findings = all('SELECT document_id, seq, evidence FROM findings')
    const items = findings.flatMap((f) => (JSON.parse(f.evidence as string) as Row[]).map((e, item) => ({ document_id: f.document_id as string, seq: f.seq, item, e })))
    const rows = all('SELECT * FROM finding_evidence_items ORDER BY document_id, seq, item')
    expect(rows).toHaveLength(items.length)
    const byKey = new Map(rows.map((r) => [`${r.document_id}/${r.seq}/${r.item}`, r]))
    const isFigure = (doc: string, id: unknown) => db.prepare('SELECT 1 FROM figures WHERE document_id = ? AND id = ?').get(doc, id) !== undefined
    let figures = 0
    for (const { document_id, seq, item, e } of items) {
      const r = byKey.get(`${document_id}/${seq}/${item}`)!
      const doc = (e.documentId as string | undefined) ?? document_id
      const figureId = e.figureId !== undefined && isFigure(doc, e.figureId) ? e.figureId : null
      if (figureId !== null) figures++
      expect(r).toMatchObject({ text: e.text, line: e.line, start: e.start, end: e.end, role: e.role ?? null, item_document_id: doc, figure_id: figureId })
    }
    expect(figures).toBeGreaterThan(0)
  })

  it("figure_facts: one row per figure with its document's facts and the fields it states", () => {
    expect(all('SELECT count(*) AS n FROM figure_facts')).toEqual(all('SELECT count(*) AS n FROM figures'))
    const seed = all('SELECT * FROM report_summary WHERE income_total IS NOT NULL LIMIT 1')[0]!
    const fact = all(
      `SELECT g.* FROM figure_facts g JOIN record_fields rf ON rf.document_id = g.document_id AND rf.figure_id = g.figure_id
       WHERE rf.document_id = ? AND rf.field = 'income.total' AND rf.is_primary = 1`,
      seed.id,
    )[0]!
    expect(fact).toMatchObject({ path: seed.path, department: seed.department, fiscal_year: seed.fiscal_year, county: seed.county, kind: 'money', yuan: seed.income_total })
    expect((fact.record_fields as string).split(',')).toContain('income.total')
    const sectioned = all('SELECT g.section_title, s.title FROM figure_facts g JOIN sections s ON s.document_id = g.document_id AND s.id = g.section_id')
    expect(sectioned.length).toBeGreaterThan(0)
    for (const r of sectioned) expect(r.section_title).toBe(r.title)
    expect(all('SELECT count(*) AS n FROM figure_facts WHERE record_fields IS NOT NULL')).toEqual(
      all('SELECT count(*) AS n FROM (SELECT DISTINCT document_id, figure_id FROM record_fields WHERE is_primary = 1)'),
    )
  })

  it('counts findings by severity without the dismissed ones, and by review status', () => {
    const doc = all('SELECT document_id FROM findings GROUP BY document_id HAVING count(*) >= 2 ORDER BY document_id LIMIT 1')[0]!.document_id as string
    const counts = () =>
      all('SELECT errors, warnings, infos, open_findings, confirmed_findings, dismissed_findings FROM report_summary WHERE id = ?', doc)[0]!
    const bySeverity = (s: string) => (all('SELECT count(*) AS n FROM findings WHERE document_id = ? AND severity = ?', doc, s)[0]!.n as number)
    const total = bySeverity('error') + bySeverity('warning') + bySeverity('info')
    expect(counts()).toEqual({
      errors: bySeverity('error'), warnings: bySeverity('warning'), infos: bySeverity('info'),
      open_findings: total, confirmed_findings: 0, dismissed_findings: 0,
    })
    const [first, second] = all('SELECT fingerprint, severity FROM findings WHERE document_id = ? ORDER BY seq LIMIT 2', doc) as Array<{ fingerprint: string; severity: string }>
    const reviews = new Reviews(db)
    reviews.set(first!.fingerprint, 'dismissed', { note: 'not a mistake' })
    reviews.set(second!.fingerprint, 'confirmed')
    const after = counts()
    const key = (s: string) => (s === 'error' ? 'errors' : s === 'warning' ? 'warnings' : 'infos')
    const expected: Row = { errors: bySeverity('error'), warnings: bySeverity('warning'), infos: bySeverity('info') }
    expected[key(first!.severity)] = (expected[key(first!.severity)] as number) - 1
    expect(after).toEqual({ ...expected, open_findings: total - 2, confirmed_findings: 1, dismissed_findings: 1 })
    expect(all('SELECT fingerprint, status, review_note FROM finding_evidence WHERE document_id = ? AND status <> ?', doc, 'open')).toEqual([
      { fingerprint: first!.fingerprint, status: 'dismissed', review_note: 'not a mistake' },
      { fingerprint: second!.fingerprint, status: 'confirmed', review_note: null },
    ])
    expect(all('SELECT DISTINCT status FROM finding_evidence_items WHERE fingerprint = ?', first!.fingerprint)).toEqual([{ status: 'dismissed' }])
    reviews.clear(first!.fingerprint)
    reviews.clear(second!.fingerprint)
    expect(counts()).toMatchObject({ open_findings: total, dismissed_findings: 0 })
  })

  it('readView: every export view, its columns as the SQL view has them, rows in reading order', () => {
    for (const v of EXPORT_VIEWS) {
      expect(findExportView(v.name)).toBe(v)
      expect(findExportView(v.view)).toBe(v)
      const cursor = readView(db, v)
      expect(cursor.columns).toEqual(columnsOf(db, v.view))
      const rows = [...cursor.rows]
      expect(rows).toHaveLength((db.prepare(`SELECT count(*) AS n FROM ${v.view}`).get() as { n: number }).n)
      expect(rows[0]).toHaveLength(cursor.columns.length)
      const paths = rows.map((r) => r[cursor.columns.indexOf('path')] as string)
      expect(paths).toEqual([...paths].sort())
    }
    expect(findExportView('documents')).toBeUndefined()
  })
})
