/**
 * Rebuilds the tables of a plain-text report as `Table`s whose cells are spans of the
 * text: TAB-prefixed cells (txt-tab-tables.ts) first, then `|` rows on the lines left over
 * (txt-pipe-tables.ts). Ids `t1`, `t2`, … follow reading order.
 */
import type { Span, Table, TableCell } from '../document.js'
import type { Diagnostic } from '../result.js'
import { lineText, trimSpan, type TextLine } from './txt-lines.js'
import { findPipeTables } from './txt-pipe-tables.js'
import { findTabTables, type TabTableDraft } from './txt-tab-tables.js'
import { findTableUnit } from './txt-table-unit.js'

/** Header rows searched for a unit (the first rows; 002's 年度预算资金（万元） is in row 2). */
const HEADER_ROWS = 3
/** Non-blank lines above a table searched for a unit line or caption. */
const LINES_ABOVE = 2

export interface RebuiltTables {
  tables: Table[]
  /** 0-based indexes of the lines that lie inside a table, for the blocks. */
  tableLines: Set<number>
  diagnostics: Diagnostic[]
}

interface Placed {
  first: number
  last: number
  rows: Span[][]
}

export function rebuildTables(text: string, lines: TextLine[]): RebuiltTables {
  const placed: Placed[] = findTabTables(text, lines).map((d) => ({ first: d.first, last: d.last, rows: tabCells(text, lines, d) }))
  const tableLines = new Set<number>()
  const mark = (p: Placed): void => {
    for (let i = p.first; i <= p.last; i++) tableLines.add(i)
  }
  placed.forEach(mark)
  const pipes = findPipeTables(text, lines, (i) => tableLines.has(i))
  pipes.forEach(mark)
  placed.push(...pipes)
  placed.sort((a, b) => a.first - b.first)

  const diagnostics: Diagnostic[] = []
  const tables = placed.map((p, k): Table => {
    const id = `t${k + 1}`
    const rows = p.rows.map((row) => row.map(({ start, end }): TableCell => ({ start, end, text: text.slice(start, end) })))
    const start = lines[p.first]!.start
    const end = lines[p.last]!.end
    const found = findTableUnit({ linesAbove: linesAbove(text, lines, p.first, tableLines), headerCells: headerCells(rows) })
    if (found.conflicting)
      diagnostics.push({
        level: 'info',
        code: 'txt-table-unit-ambiguous',
        message: `table ${id} names several units (${found.conflicting.join(', ')}); no table unit is set`,
        span: { start, end },
      })
    return { id, start, end, rows, ...(found.unit ? { unit: found.unit } : {}) }
  })
  return { tables, tableLines, diagnostics }
}

/** Cell spans: from after the TAB to the end of the last continuation line, trimmed. */
function tabCells(text: string, lines: TextLine[], draft: TabTableDraft): Span[][] {
  return draft.rows.map((row) => row.map((cell) => trimSpan(text, lines[cell.first]!.start + 1, lines[cell.last]!.end)))
}

function headerCells(rows: TableCell[][]): string[] {
  const cells = rows.slice(0, HEADER_ROWS).flat()
  for (const row of rows.slice(HEADER_ROWS)) if (row[0]) cells.push(row[0])
  return cells.map((c) => c.text)
}

/** The nearest non-blank lines above line `first`, stopping at another table; nearest last. */
function linesAbove(text: string, lines: TextLine[], first: number, tableLines: Set<number>): string[] {
  const found: string[] = []
  for (let i = first - 1; i >= 0 && found.length < LINES_ABOVE; i--) {
    if (tableLines.has(i)) break
    const line = lines[i]!
    if (line.kind !== 'blank') found.unshift(lineText(text, line))
  }
  return found
}
