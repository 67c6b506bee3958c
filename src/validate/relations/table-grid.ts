/**
 * A table as the relation sources read it: cells placed on a grid (merged cells cover every
 * slot they span, as on the printed page), each slot classed as an amount (a cell holding
 * one number and nothing else), a blank, a text, or a code (科目编码 201, 06 — numbers that
 * are not amounts); rows classed as header, data or item rows; and the table cut into bands
 * (header rows + the data rows under them) and segments (the amount columns between two label
 * columns, so the two halves of a 收入 | 支出 table are read apart).
 */
import type { Figure } from '../../contract.js'
import type { LineIndex, TableCell } from '../../document.js'
import type { ValidationInput } from '../rule.js'
import { isBlankText, isCodeHeader } from './table-words.js'

export type DocTable = ValidationInput['tables'] extends Array<infer T> | undefined ? T : never

export type SlotKind = 'value' | 'blank' | 'text' | 'code' | 'covered'

/** One grid slot and the cell covering it. */
export interface Slot {
  cell: TableCell
  /** Row of the cell in `table.rows`. */
  row: number
  /** Index of the cell within its row (what Figure.cell.col reports). */
  index: number
  /** The slot is the cell's top-left one (a merged cell counts once). */
  origin: boolean
  kind: SlotKind
  /** The number of a value cell. */
  figure?: Figure
}

export type RowKind = 'header' | 'data' | 'item'

/** Header rows and the data rows under them; `segments` are runs of amount columns. */
export interface Band {
  headerRows: number[]
  dataRows: number[]
  segments: number[][]
}

/** What may stand beside the number in an amount cell: brackets, a comparator, 约. */
const VALUE_REST = /^[\s\u3000（）()≥≤≦≧<>＜＞约+＋]*$/u
const BARE_INTEGER = /^\d{1,4}$/

export class TableGrid {
  readonly slots: Array<Array<Slot | undefined>> = []
  readonly width: number
  readonly rowKinds: RowKind[] = []
  readonly bands: Band[] = []

  constructor(
    readonly table: DocTable,
    private readonly doc: Pick<ValidationInput, 'text'>,
    figures: readonly Figure[],
  ) {
    const byCell = new Map<string, Figure[]>()
    for (const f of figures) {
      if (f.cell?.tableId !== table.id) continue
      const key = `${f.cell.row}:${f.cell.col}`
      byCell.set(key, [...(byCell.get(key) ?? []), f])
    }
    this.layOut(byCell)
    this.width = Math.max(0, ...this.slots.map((r) => r.length))
    this.markCodes()
    this.classifyRows()
    this.cutBands()
  }

  at(row: number, col: number): Slot | undefined {
    return this.slots[row]?.[col]
  }

  /** Text of the header cells above `col` in the band, outermost first (a merged header once). */
  path(band: Band, col: number): string[] {
    const out: string[] = []
    const seen = new Set<TableCell>()
    for (const h of band.headerRows) {
      const slot = this.at(h, col)
      if (!slot || slot.kind !== 'text' || seen.has(slot.cell)) continue
      seen.add(slot.cell)
      out.push(compact(slot.cell.text))
    }
    return out
  }

  /** The row's label for the amounts from `col` on: the nearest text cell to the left. */
  rowLabel(row: number, col: number): string | undefined {
    const at = this.rowLabelCol(row, col)
    return at === undefined ? undefined : compact(this.at(row, at)!.cell.text)
  }

  rowLabelCol(row: number, col: number): number | undefined {
    for (let c = col - 1; c >= 0; c--) {
      const slot = this.at(row, c)
      if (slot?.kind === 'text') return c
      if (slot?.kind === 'value') return undefined
    }
    return undefined
  }

  /** Codes just ahead of the row's label (201 | 06 | 01 | 行政运行 → 3): its depth in a 科目 tree. */
  codeLevel(row: number, col: number): number {
    const label = this.rowLabelCol(row, col)
    let level = 0
    for (let c = (label ?? col) - 1; c >= 0; c--) {
      const slot = this.at(row, c)
      if (slot?.kind === 'text' || slot?.kind === 'value') break
      if (slot?.kind === 'code' && slot.origin) level++
    }
    return level
  }

  /**
   * Places cells the way HTML tables do. A TXT table carries no spans, so a short header row
   * over a full one whose first cell is empty (项目 | 本年决算 | 基本支出 above
   * “ | 金额 | 比率 | 金额 | 比率 …”) is spread evenly over the columns after the first.
   */
  private layOut(byCell: Map<string, Figure[]>): void {
    const rows = this.table.rows
    const hasSpans = rows.some((row) => row.some((c) => (c.rowSpan ?? 1) > 1 || (c.colSpan ?? 1) > 1))
    const width = Math.max(0, ...rows.map((r) => r.length))
    const gridWidth = Math.max(0, ...rows.map(spanWidth))
    rows.forEach((row, r) => {
      this.slots[r] ??= []
      const spread = hasSpans ? 1 : headerSpread(rows, r, width, byCell)
      // Some PDF exports list an empty cell for every slot a merged cell above covers: such a
      // row is as wide as the grid by itself, and its cells go by position, placeholders dropped.
      const positional = hasSpans && spanWidth(row) === gridWidth && this.slots[r]!.some((s) => s !== undefined)
      let col = 0
      row.forEach((cell, index) => {
        const colSpan = cell.colSpan ?? (index > 0 ? spread : 1)
        if (positional) {
          const covered = this.slots[r]![col] !== undefined
          if (covered && compact(cell.text) === '') {
            col += colSpan
            return
          }
        } else while (this.slots[r]![col] !== undefined) col++
        const kind = this.kindOf(cell, byCell.get(`${r}:${index}`))
        const rowSpan = cell.rowSpan ?? 1
        for (let dr = 0; dr < rowSpan; dr++) {
          const line = (this.slots[r + dr] ??= [])
          for (let dc = 0; dc < colSpan; dc++) {
            const origin = dr === 0 && dc === 0
            line[col + dc] = { cell, row: r, index, origin, kind: origin || kind.kind === 'text' ? kind.kind : 'covered', ...(origin && kind.figure ? { figure: kind.figure } : {}) }
          }
        }
        col += colSpan
      })
    })
  }

  private kindOf(cell: TableCell, figures: Figure[] | undefined): { kind: SlotKind; figure?: Figure } {
    if (isBlankText(cell.text)) return { kind: 'blank' }
    if (figures?.length === 1) {
      const f = figures[0]!
      const rest = this.doc.text.slice(cell.start, f.start) + this.doc.text.slice(f.end, cell.end)
      if (f.start >= cell.start && f.end <= cell.end && VALUE_REST.test(rest)) return { kind: 'value', figure: f }
    }
    return { kind: 'text' }
  }

  /**
   * Numbers that are codes, not amounts: a bare integer with a leading zero (06), under a
   * code header (类 款 项 科目编码), or ahead of the row's name (201 | 06 | 01 | 行政运行).
   */
  private markCodes(): void {
    this.slots.forEach((line, r) =>
      line.forEach((slot, c) => {
        if (slot?.kind !== 'value' || !slot.origin || !BARE_INTEGER.test(slot.figure!.raw)) return
        if (/^0\d/.test(slot.figure!.raw) || this.underCodeHeader(r, c) || this.precedesName(r, c)) slot.kind = 'code'
      }),
    )
  }

  private underCodeHeader(row: number, col: number): boolean {
    for (let r = row - 1; r >= 0; r--) {
      const slot = this.at(r, col)
      if (slot?.kind === 'text' && isCodeHeader(slot.cell.text)) return true
    }
    return false
  }

  private precedesName(row: number, col: number): boolean {
    const line = this.slots[row] ?? []
    for (let c = col - 1; c >= 0; c--) if (line[c]?.kind === 'text') return false
    for (let c = col + 1; c < line.length; c++) {
      const slot = line[c]
      if (!slot || slot.kind === 'blank' || slot.kind === 'code') continue
      if (slot.kind === 'text') return true
      if (slot.kind === 'value' && BARE_INTEGER.test(slot.figure!.raw)) continue
      return false
    }
    return false
  }

  private classifyRows(): void {
    const valueCols = new Set<number>()
    this.slots.forEach((line) => line.forEach((s, c) => s?.kind === 'value' && valueCols.add(c)))
    this.slots.forEach((line, r) => {
      if (line.some((s) => s?.kind === 'value')) this.rowKinds[r] = 'data'
      else if (line.some((s, c) => s?.kind === 'text' && valueCols.has(c))) this.rowKinds[r] = 'header'
      else this.rowKinds[r] = 'item'
    })
  }

  private cutBands(): void {
    let band: Band | undefined
    this.rowKinds.forEach((kind, r) => {
      if (kind === 'header') {
        if (!band || band.dataRows.length > 0) this.bands.push((band = { headerRows: [], dataRows: [], segments: [] }))
        band.headerRows.push(r)
      } else {
        if (!band) this.bands.push((band = { headerRows: [], dataRows: [], segments: [] }))
        band.dataRows.push(r)
      }
    })
    for (const b of this.bands) b.segments = this.segmentsOf(b)
  }

  /** Runs of amount columns in a band, split wherever a column of labels stands between them. */
  private segmentsOf(band: Band): number[][] {
    const values = new Set<number>()
    const labels = new Set<number>()
    for (const r of band.dataRows)
      (this.slots[r] ?? []).forEach((s, c) => {
        if (s?.kind === 'value') values.add(c)
        else if (s?.kind === 'text' && s.origin) labels.add(c)
      })
    const segments: number[][] = []
    let current: number[] = []
    for (let c = 0; c < this.width; c++) {
      if (values.has(c)) current.push(c)
      else if (labels.has(c) && current.length > 0) {
        segments.push(current)
        current = []
      }
    }
    if (current.length > 0) segments.push(current)
    return segments
  }

  /**
   * A blank cell read as 0, as a figure so it can stand in a relation and in evidence: it
   * has an empty span at the cell and takes its kind and unit from a figure of its line.
   */
  blankFigure(row: number, col: number, like: Figure, lines: LineIndex, label: string | null): Figure | undefined {
    const slot = this.at(row, col)
    if (!slot || slot.kind !== 'blank' || !slot.origin) return undefined
    const at = slot.cell.start
    return {
      id: `${this.table.id}:r${slot.row}c${slot.index}:blank`,
      kind: like.kind,
      start: at,
      end: at,
      raw: '',
      value: 0,
      decimals: like.decimals,
      unit: like.unit,
      ...(like.yuan !== undefined ? { yuan: 0 } : {}),
      approx: false,
      label,
      line: lines.lineOf(at),
      sectionId: like.sectionId,
      cell: { tableId: this.table.id, row: slot.row, col: slot.index },
      unitInferred: true,
    }
  }
}

/**
 * How many columns each cell after the first of a short TXT header row covers: the row
 * above a full-width one that starts empty (the row header column) is spread evenly.
 */
function headerSpread(rows: TableCell[][], r: number, width: number, byCell: Map<string, Figure[]>): number {
  const row = rows[r]!
  const next = rows[r + 1]
  const fits = row.length >= 2 && row.length < width && (width - 1) % (row.length - 1) === 0
  const overFullRow = next?.length === width && compact(next[0]?.text ?? '') === '' && compact(row[0]!.text) !== ''
  const noNumbers = !row.some((_, i) => byCell.has(`${r}:${i}`))
  return fits && overFullRow && noNumbers ? (width - 1) / (row.length - 1) : 1
}

function spanWidth(row: TableCell[]): number {
  return row.reduce((n, c) => n + (c.colSpan ?? 1), 0)
}

export function compact(text: string): string {
  return text.replace(/[\s\u3000]+/g, '')
}
