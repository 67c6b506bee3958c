import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/store/db.js'
import { Repository } from '../../src/store/repo.js'
import { CHILD_ROWS, DOCUMENT_COLUMNS, documentRow } from '../../src/store/rows.js'
import { sampleResult } from './sample-result.js'
import { tempDbPath } from './temp-db.js'

/** The columns of `table` as the migrated schema has them. */
function schemaColumns(table: string): string[] {
  const db = openDatabase(':memory:')
  const cols = db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]
  db.close()
  return cols
}

describe('row specs (positional binding)', () => {
  // A column the spec forgets would silently take its default; a misspelt one fails at prepare.
  it('name every column of their table, each once', () => {
    expect([...DOCUMENT_COLUMNS].sort()).toEqual(schemaColumns('documents').sort())
    for (const spec of CHILD_ROWS) expect([...spec.columns].sort(), spec.table).toEqual(schemaColumns(spec.table).sort())
  })

  it('give one value per column, document_id first, for every row of the sample', () => {
    const r = sampleResult()
    expect(documentRow(r, 'now', 'v')).toHaveLength(DOCUMENT_COLUMNS.length)
    for (const spec of CHILD_ROWS) {
      const rows = spec.rows(r, r.document.id)
      expect(rows.length, spec.table).toBeGreaterThan(0) // the sample uses every table
      for (const row of rows) {
        expect(row, spec.table).toHaveLength(spec.columns.length)
        expect(row[0], spec.table).toBe(r.document.id)
      }
    }
  })

  it('counts lines as splitting on \\n does, empty text included', () => {
    const at = DOCUMENT_COLUMNS.indexOf('line_count')
    for (const text of ['', 'a', 'a\n', '\n\n', 'a\nb\nc'])
      expect(documentRow({ ...sampleResult(), text }, 'now', 'v')[at], JSON.stringify(text)).toBe(text.split('\n').length)
  })

  it('put each value in its own column (a swap of two columns would show here)', () => {
    const db = openDatabase(tempDbPath())
    const r = sampleResult()
    new Repository(db).saveResult(r)
    const cell = r.tables![0]!.rows[1]![1]!
    expect(db.prepare('SELECT text, start, "end", row_span, col_span FROM table_cells WHERE row = 1 AND col = 1').get()).toEqual({
      text: cell.text, start: cell.start, end: cell.end, row_span: cell.rowSpan ?? 1, col_span: cell.colSpan ?? 1,
    })
    const s = r.sections.find((x) => x.parentId !== null)!
    expect(db.prepare('SELECT parent_id, level, number, title, line, start, "end" FROM sections WHERE id = ?').get(s.id)).toEqual({
      parent_id: s.parentId, level: s.level, number: s.number, title: s.title, line: s.line, start: s.start, end: s.end,
    })
    const i = r.indicators![0]!
    expect(db.prepare('SELECT level1, level2, level3, target_text, actual_text, line, start, "end" FROM indicators WHERE id = ?').get(i.id)).toEqual({
      level1: i.level1, level2: i.level2, level3: i.level3, target_text: i.target?.text ?? null, actual_text: i.actual?.text ?? null,
      line: i.line, start: i.start, end: i.end,
    })
    db.close()
  })
})
