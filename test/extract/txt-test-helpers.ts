/** Shared by the TXT-reader tests: fixture loading and the invariants every table keeps. */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { expect } from 'vitest'
import { LineIndex, type SourceDocument, type Table } from '../../src/document.js'
import { readTxt } from '../../src/extract/txt.js'

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url))

export function fixtureBytes(name: string): Uint8Array {
  return readFileSync(`${repoRoot}test/fixtures/txt/${name}`)
}

export function readFixture(name: string): SourceDocument {
  return readTxt(fixtureBytes(name), `test/fixtures/txt/${name}`, 'test')
}

export function readString(text: string, path = 'inline.txt'): SourceDocument {
  return readTxt(new TextEncoder().encode(text), path, 'test')
}

/** The cells' texts, row by row. */
export function cellTexts(table: Table): string[][] {
  return table.rows.map((row) => row.map((cell) => cell.text))
}

/** 1-based first and last line of a table. */
export function tableLines(doc: SourceDocument, table: Table): [number, number] {
  const lines = new LineIndex(doc.text)
  return [lines.lineOf(table.start), lines.lineOf(table.end)]
}

/**
 * Cells are spans of the text: `text` is exactly the slice, trimmed, in reading order,
 * inside the table; ids run t1, t2, … in order and tables do not overlap.
 */
export function expectTableInvariants(doc: SourceDocument): void {
  let previousEnd = -1
  doc.tables.forEach((table, k) => {
    expect(table.id).toBe(`t${k + 1}`)
    expect(table.start).toBeGreaterThan(previousEnd)
    let cursor = table.start
    for (const cell of table.rows.flat()) {
      expect(cell.text).toBe(doc.text.slice(cell.start, cell.end))
      expect(cell.text).toBe(cell.text.trim())
      expect(cell.start).toBeGreaterThanOrEqual(cursor)
      expect(cell.end).toBeLessThanOrEqual(table.end)
      cursor = cell.end
    }
    previousEnd = table.end
  })
}
