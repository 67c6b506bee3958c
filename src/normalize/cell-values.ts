/**
 * Values of single table cells for the indicator and score rows: the figures found in a
 * cell, a cell read as one number (（7分） → 7), a cell read as text.
 */
import type { Figure } from '../contract.js'
import type { Span } from '../document.js'
import type { Slot } from './table-row-view.js'

/** Figures by the cell they sit in (`tableId:row:col`), in text order. */
export class FiguresByCell {
  private readonly map = new Map<string, Figure[]>()

  constructor(figures: readonly Figure[]) {
    for (const f of figures) {
      if (!f.cell) continue
      const key = cellKey(f.cell.tableId, f.cell.row, f.cell.col)
      const list = this.map.get(key)
      if (list) list.push(f)
      else this.map.set(key, [f])
    }
    for (const list of this.map.values()) list.sort((a, b) => a.start - b.start)
  }

  in(tableId: string, row: number, col: number): Figure[] {
    return this.map.get(cellKey(tableId, row, col)) ?? []
  }
}

function cellKey(tableId: string, row: number, col: number): string {
  return `${tableId}:${row}:${col}`
}

/**
 * A cell that holds just a number, bracketed or not, with at most a short unit:
 * 7, （7分）, (5人), 8.5分, ９５. Sentences such as 100%以下计满分 are not numbers.
 */
const NUMBER_CELL = /^[(（]?\s*([+-]?\d+(?:\.\d+)?)\s*(?:分|人|个|%|点)?\s*[)）]?$/u

/** The number a weight or score cell states, or null when the cell is not a bare number. */
export function cellNumber(text: string): number | null {
  const m = NUMBER_CELL.exec(text.normalize('NFKC').trim())
  if (!m) return null
  const n = Number(m[1])
  return Number.isFinite(n) ? n : null
}

/** A number cell with the figure that states it, when figure extraction found one. */
export interface CellNumber {
  value: number
  figureId?: string
  slot: Slot
}

export function readNumber(slot: Slot | undefined, tableId: string, row: number, figures: FiguresByCell): CellNumber | null {
  if (!slot) return null
  const value = cellNumber(slot.text)
  if (value === null) return null
  const figure = figures.in(tableId, row, slot.index).find((f) => f.value === value)
  return figure ? { value, figureId: figure.id, slot } : { value, slot }
}

/** A target or actual value: the cell text, its span, and the first figure in it. */
export interface CellText extends Span {
  text: string
  figureId?: string
}

export function readText(slot: Slot | undefined, tableId: string, row: number, figures: FiguresByCell): CellText | null {
  if (!slot) return null
  const lead = slot.cell.text.length - slot.cell.text.trimStart().length
  const start = slot.cell.start + lead
  const out: CellText = { text: slot.text, start, end: start + slot.text.length }
  const figure = figures.in(tableId, row, slot.index)[0]
  if (figure) out.figureId = figure.id
  return out
}

/** Adds without binary-fraction noise: weights and scores have at most a few decimals. */
export function sum(values: readonly number[]): number {
  return Math.round(values.reduce((a, b) => a + b, 0) * 1e6) / 1e6
}
