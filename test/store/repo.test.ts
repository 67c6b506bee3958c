import { describe, expect, it } from 'vitest'
import type { ExtractResult } from '../../src/contract.js'
import { openDatabase, type Db } from '../../src/store/db.js'
import { Repository, STORE_TABLES } from '../../src/store/repo.js'
import { sampleResult } from './sample-result.js'
import { tempDbPath } from './temp-db.js'

function fresh(): { db: Db; repo: Repository } {
  const db = openDatabase(tempDbPath())
  return { db, repo: new Repository(db, { toolVersion: 'cnreport test' }) }
}

const zeroCounts = Object.fromEntries(STORE_TABLES.map((t) => [t, 0]))

/** Rows a stored sample must produce, counted from the result itself. */
function expectedCounts(r: ExtractResult) {
  const recordRows = Object.values(r.record).reduce((n, f) => n + 1 + (f?.alternatives?.length ?? 0), 0)
  return {
    documents: 1,
    document_paths: 1,
    pages: r.pages?.length ?? 0,
    sections: r.sections.length,
    tables: r.tables?.length ?? 0,
    table_cells: (r.tables ?? []).reduce((n, t) => n + t.rows.flat().length, 0),
    figures: r.figures.length,
    diagnostics: r.diagnostics.length,
    record_fields: recordRows,
    findings: r.findings.length,
    indicators: r.indicators?.length ?? 0,
    scores: r.scores?.length ?? 0,
    score_totals: r.scoreTotals?.length ?? 0,
    failures: 0,
    reviews: 0,
    deferred_indexes: 0,
  }
}

describe('Repository.saveResult', () => {
  it('writes one row per item of the result, in every table', () => {
    const { repo } = fresh()
    const r = sampleResult()
    repo.saveResult(r)
    expect(repo.rowCounts()).toEqual(expectedCounts(r))
    expect(repo.hasDocument(r.document.id)).toBe(true)
    expect(repo.documentAt('/reports/sample.txt')).toBe(r.document.id)
  })

  it('round-trips document facts and the full text', () => {
    const { db, repo } = fresh()
    const r = sampleResult()
    repo.saveResult(r)
    const row = db.prepare('SELECT * FROM documents').get() as Record<string, unknown>
    expect(row).toMatchObject({
      id: r.document.id, path: '/reports/sample.txt', format: 'txt', department: '某单位', province: '某省', city: null,
      county: '某县', region_code: '430000', fiscal_year: 2023, kind: '部门整体支出绩效自评报告', self_score: 96.5,
      text: r.text, char_count: r.text.length, line_count: 7, tool_version: 'cnreport test',
    })
    expect(Date.parse(row.ingested_at as string)).not.toBeNaN()
  })

  it('round-trips every figure column, label NULL where the result had null', () => {
    const { db, repo } = fresh()
    const r = sampleResult()
    repo.saveResult(r)
    const rows = db.prepare('SELECT * FROM figures ORDER BY id').all() as Record<string, unknown>[]
    expect(rows.map((f) => f.label)).toEqual(['全年预算数', null, '合计'])
    for (const [i, f] of r.figures.entries()) {
      expect(rows[i]).toEqual({
        document_id: r.document.id, id: f.id, kind: f.kind, raw: f.raw, value: f.value, decimals: f.decimals, unit: f.unit,
        yuan: f.yuan ?? null, approx: f.approx ? 1 : 0, comparator: f.comparator ?? null, label: f.label, line: f.line,
        start: f.start, end: f.end, section_id: f.sectionId, page: f.page ?? null, table_id: f.cell?.tableId ?? null,
        row: f.cell?.row ?? null, col: f.cell?.col ?? null, unit_inferred: f.unitInferred ? 1 : 0, malformed: f.malformed ? 1 : 0,
      })
      // The stored offsets still slice the stored text to the raw figure.
      expect(r.text.slice(rows[i]!.start as number, rows[i]!.end as number)).toBe(rows[i]!.raw)
    }
  })

  it('stores record alternatives as extra rows and findings with their interval and evidence', () => {
    const { db, repo } = fresh()
    const r = sampleResult()
    repo.saveResult(r)
    expect(db.prepare('SELECT field, seq, is_primary, value, unit, figure_id, line FROM record_fields ORDER BY field, seq').all()).toEqual([
      { field: 'budget.execution_rate', seq: 0, is_primary: 1, value: 98.5, unit: '%', figure_id: 'f2', line: 4 },
      { field: 'budget.total', seq: 0, is_primary: 1, value: 33950600, unit: '元', figure_id: 'f1', line: 4 },
      { field: 'budget.total', seq: 1, is_primary: 0, value: 5827700, unit: '元', figure_id: 'f3', line: 7 },
    ])
    const finding = db.prepare('SELECT * FROM findings').get() as Record<string, unknown>
    expect(finding).toMatchObject({ rule_id: 'ratio-mismatch', severity: 'warning', stated: 98.5, computed_lo: 17.16, computed_hi: 17.17, fingerprint: 'ratio-mismatch:f2:f1' })
    expect(JSON.parse(finding.evidence as string)).toEqual(r.findings[0]!.evidence)
    expect(db.prepare('SELECT row, col, text, row_span, col_span FROM table_cells WHERE row = 1 ORDER BY col').all()).toEqual([
      { row: 1, col: 0, text: '合计', row_span: 2, col_span: 1 },
      { row: 1, col: 1, text: '582.77', row_span: 1, col_span: 1 },
    ])
    expect(db.prepare('SELECT seq, level, code, start, "end" FROM diagnostics ORDER BY seq').all()).toEqual([
      { seq: 0, level: 'info', code: 'txt-decoded-utf8', start: null, end: null },
      { seq: 1, level: 'warning', code: null, start: 0, end: 2 },
    ])
    expect(db.prepare('SELECT id, parent_id, heading_start FROM sections ORDER BY id').all()).toEqual([
      { id: 's1', parent_id: null, heading_start: r.sections[0]!.heading!.start },
      { id: 's2', parent_id: 's1', heading_start: null },
    ])
  })

  it('writes nothing when a row violates a constraint half-way (duplicate figure id)', () => {
    const { repo } = fresh()
    const bad = sampleResult()
    bad.figures.push({ ...bad.figures[0]! })
    expect(() => repo.saveResult(bad)).toThrow(/UNIQUE constraint failed: figures/)
    expect(repo.rowCounts()).toEqual(zeroCounts)
  })

  it('refuses at commit a figure pointing at a section that does not exist', () => {
    const { repo } = fresh()
    const bad = sampleResult()
    bad.figures[0]!.sectionId = 's99'
    expect(() => repo.saveResult(bad)).toThrow(/FOREIGN KEY constraint failed/)
    expect(repo.rowCounts()).toEqual(zeroCounts)
  })

  it('keeps the previous version of a path intact when saving the new one fails', () => {
    const { repo } = fresh()
    const old = sampleResult()
    repo.saveResult(old, '/r/a.txt')
    const bad = sampleResult({ text: 'changed\n' + old.text })
    bad.figures = []
    bad.record = { 'budget.total': { value: 1, unit: '元', figureId: 'f404', line: 1 } }
    bad.findings = []
    expect(() => repo.saveResult(bad, '/r/a.txt')).toThrow(/FOREIGN KEY/)
    expect(repo.documentAt('/r/a.txt')).toBe(old.document.id)
    expect(repo.rowCounts()).toEqual(expectedCounts(old))
  })

  it('replaces the rows of a changed file at the same path', () => {
    const { db, repo } = fresh()
    const v1 = sampleResult()
    const v2 = sampleResult({ text: sampleResult().text.replace('3395.06', '3395.07') })
    repo.saveResult(v1, '/r/a.txt')
    repo.saveResult(v2, '/r/a.txt')
    expect(repo.hasDocument(v1.document.id)).toBe(false)
    expect(repo.documentAt('/r/a.txt')).toBe(v2.document.id)
    expect(repo.rowCounts()).toEqual(expectedCounts(v2))
    expect(db.prepare("SELECT raw FROM figures WHERE id = 'f1'").pluck().get()).toBe('3395.07万元')
  })

  it('keeps the old document while another path still refers to it', () => {
    const { repo } = fresh()
    const v1 = sampleResult()
    const v2 = sampleResult({ text: v1.text + '\n' })
    repo.saveResult(v1, '/r/a.txt')
    expect(repo.linkPath('/copy/a.txt', v1.document.id)).toBe('linked')
    repo.saveResult(v2, '/r/a.txt')
    expect(repo.hasDocument(v1.document.id)).toBe(true)
    expect(repo.documentAt('/copy/a.txt')).toBe(v1.document.id)
    expect(repo.rowCounts().documents).toBe(2)
  })

  it('re-saving the same document (force) gives the same rows and keeps all its paths', () => {
    const { repo } = fresh()
    const r = sampleResult()
    repo.saveResult(r, '/r/a.txt')
    repo.linkPath('/r/b.txt', r.document.id)
    const before = repo.rowCounts()
    repo.saveResult(r, '/r/a.txt')
    expect(repo.rowCounts()).toEqual(before)
    expect(repo.documentAt('/r/b.txt')).toBe(r.document.id)
  })

  it('re-saving the same document keeps when its other paths were seen; a new document skips that restore', () => {
    const db = openDatabase(tempDbPath())
    let tick = 0
    const repo = new Repository(db, { now: () => `2024-01-01T00:00:0${tick++}.000Z` })
    const r = sampleResult()
    repo.saveResult(r, '/r/a.txt')
    repo.linkPath('/r/b.txt', r.document.id)
    const seenB = db.prepare("SELECT seen_at FROM document_paths WHERE path = '/r/b.txt'").pluck().get()
    repo.saveResult(r, '/r/a.txt')
    expect(db.prepare("SELECT seen_at FROM document_paths WHERE path = '/r/b.txt'").pluck().get()).toBe(seenB)
    expect(db.prepare('SELECT path FROM document_paths ORDER BY path').pluck().all()).toEqual(['/r/a.txt', '/r/b.txt'])
    const other = sampleResult({ id: 'f'.repeat(64) })
    repo.saveResult(other, '/r/c.txt')
    expect(db.prepare('SELECT path FROM document_paths WHERE document_id = ?').pluck().all(other.document.id)).toEqual(['/r/c.txt'])
  })

  it('tells the format of a stored document, and nothing for an unknown sha256', () => {
    const { repo } = fresh()
    const r = sampleResult()
    repo.saveResult(r)
    expect(repo.storedFormat(r.document.id)).toBe('txt')
    expect(repo.storedFormat('0'.repeat(64))).toBeUndefined()
  })
})

describe('Repository.linkPath', () => {
  it("reports 'unchanged' and writes nothing when the path already names the document", () => {
    const { db, repo } = fresh()
    const r = sampleResult()
    repo.saveResult(r, '/r/a.txt')
    const changesBefore = db.prepare('SELECT total_changes()').pluck().get()
    expect(repo.linkPath('/r/a.txt', r.document.id)).toBe('unchanged')
    expect(db.prepare('SELECT total_changes()').pluck().get()).toBe(changesBefore)
  })
})

describe('Repository failures', () => {
  it('counts attempts, keeps first_seen, and clears the failure when the path is stored', () => {
    let clock = 0
    const db = openDatabase(tempDbPath())
    const repo = new Repository(db, { now: () => new Date(Date.UTC(2024, 0, 1, 0, 0, clock++)).toISOString() })
    repo.recordFailure('/r/a.txt', 'empty', 'the file is empty')
    repo.recordFailure('/r/a.txt', 'binary', 'the file is binary', 'ab'.repeat(32))
    expect(repo.failures()).toEqual([
      { path: '/r/a.txt', sha256: 'ab'.repeat(32), code: 'binary', reason: 'the file is binary', attempts: 2, first_seen: '2024-01-01T00:00:00.000Z', last_seen: '2024-01-01T00:00:01.000Z' },
    ])
    repo.saveResult(sampleResult(), '/r/a.txt')
    expect(repo.failures()).toEqual([])
  })

  it('clears a failure when the path comes back to content already stored', () => {
    const { repo } = fresh()
    const r = sampleResult()
    repo.saveResult(r, '/r/a.txt')
    repo.recordFailure('/r/a.txt', 'empty', 'the file is empty')
    expect(repo.linkPath('/r/a.txt', r.document.id)).toBe('linked')
    expect(repo.failures()).toEqual([])
  })
})
