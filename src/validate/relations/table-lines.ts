/**
 * A band segment of a table read as lines: its rows (each named by its row label) and its
 * columns (each named by its header). Relations are the same in both directions — a 合计 row
 * sums the rows above it, a 合计 column the columns beside it; an 执行率 column divides two
 * columns of its row, an 执行率 row two rows of its column — so the relation sources work on
 * lines and positions, whichever way the table runs.
 */
import type { Figure } from '../../contract.js'
import type { LineIndex } from '../../document.js'
import type { Term } from './types.js'
import { type Band, type TableGrid } from './table-grid.js'

/** One place on a line: a number, or a blank cell that may be read as 0. */
export interface Entry {
  /** Grid row and column of the cell. */
  row: number
  col: number
  figure?: Figure
  blank: boolean
}

export interface Line {
  axis: 'row' | 'column'
  /** Row label (row lines) or innermost column header (column lines); '' when there is none. */
  header: string
  /** Column headers outermost first (column lines); [label] for row lines. */
  path: string[]
  /** Grid row (row line) or grid column (column line). */
  at: number
  /** Position across the line (grid column of a row line, grid row of a column line) → entry. */
  entries: Map<number, Entry>
  /** Code slots ahead of the row's label (201 | 06 | 01 → 3): its depth in a 科目 hierarchy. */
  codeLevel: number
}

/** The lines of one segment of one band. */
export interface LineGroup {
  grid: TableGrid
  band: Band
  segment: number[]
  rows: Line[]
  columns: Line[]
}

export function lineGroups(grid: TableGrid): LineGroup[] {
  const groups: LineGroup[] = []
  for (const band of grid.bands)
    for (const segment of band.segments) {
      const rows = band.dataRows.map((r) => rowLine(grid, r, segment))
      const columns = segment.map((c) => columnLine(grid, band, c))
      groups.push({ grid, band, segment, rows, columns })
    }
  return groups
}

function entryAt(grid: TableGrid, row: number, col: number): Entry | undefined {
  const slot = grid.at(row, col)
  if (!slot?.origin) return undefined
  if (slot.kind === 'value') return { row, col, figure: slot.figure!, blank: false }
  if (slot.kind === 'blank') return { row, col, blank: true }
  return undefined
}

function rowLine(grid: TableGrid, row: number, segment: number[]): Line {
  const entries = new Map<number, Entry>()
  for (const c of segment) {
    const e = entryAt(grid, row, c)
    if (e) entries.set(c, e)
  }
  const header = grid.rowLabel(row, segment[0]!) ?? ''
  return { axis: 'row', header, path: [header], at: row, entries, codeLevel: grid.codeLevel(row, segment[0]!) }
}

function columnLine(grid: TableGrid, band: Band, col: number): Line {
  const entries = new Map<number, Entry>()
  for (const r of band.dataRows) {
    const e = entryAt(grid, r, col)
    if (e) entries.set(r, e)
  }
  const path = grid.path(band, col)
  return { axis: 'column', header: path.at(-1) ?? '', path, at: col, entries, codeLevel: 0 }
}

/** The line crossing `line` at `position` in the same group (the column of a row entry …). */
export function crossLine(group: LineGroup, line: Line, position: number): Line | undefined {
  return (line.axis === 'row' ? group.columns : group.rows).find((l) => l.at === position)
}

/** `row·column` label for a blank cell, like the labels figures of table cells carry. */
function blankLabel(group: LineGroup, line: Line, position: number): string | null {
  const cross = crossLine(group, line, position)
  const [rowName, colName] = line.axis === 'row' ? [line.header, cross?.header] : [cross?.header, line.header]
  const parts = [rowName, colName].filter((x): x is string => !!x)
  return parts.length > 0 ? parts.join('·') : null
}

/**
 * The figure an entry stands for in a relation: its number, or — for a blank cell — a
 * figure of value 0 modelled on `like` (the relation's stated figure).
 */
export function entryFigure(group: LineGroup, line: Line, position: number, like: Figure, lines: LineIndex): Figure | undefined {
  const e = line.entries.get(position)
  if (!e) return undefined
  if (e.figure) return e.figure
  return group.grid.blankFigure(e.row, e.col, like, lines, blankLabel(group, line, position))
}

export function term(figure: Figure, sign: 1 | -1 = 1): Term {
  return { figure, sign }
}

/** The line has at least one number (not only blanks). */
export function hasValues(line: Line): boolean {
  return [...line.entries.values()].some((e) => e.figure)
}
