/**
 * A score table (计分表) as the score checks need it, rebuilt from the document's tables
 * with the same block reader the score rows came from (normalize/score-table.ts): each
 * scored item with its criterion cells (评价标准 first), the groups of the hierarchy with
 * their own 分值 (投入（15分） over 预算配置（15分） over the items), and scored rows that sit
 * in the same table above the indicator header (a 自评表's 预算执行率 row: 分值 10, 得分 9.8),
 * which the 总分 includes.
 *
 * A group restated after a page break (过程（50分） again over the next piece) goes on; a 分值
 * with no name opens a group of its own, as the level reader does.
 */
import type { Figure, ScoreRow, ScoreTotal } from '../contract.js'
import type { Span, Table } from '../document.js'
import { CellIndex } from '../extract/cell-context.js'
import { cellNumber, FiguresByCell, readNumber } from '../normalize/cell-values.js'
import { headerRole } from '../normalize/indicator-headers.js'
import { cleanName, LevelCarry } from '../normalize/level-names.js'
import { findBlocks, slotAt, type Block } from '../normalize/table-blocks.js'
import { rowCells, type Slot } from '../normalize/table-row-view.js'
import type { EvidenceInput, ValidationInput } from './rule.js'
import { scoringWords } from './scoring-words.js'

/** A number of the table with what to point at: its figure, else its cell text. */
export interface TableNumber {
  value: number
  evidence: EvidenceInput
}

export interface SheetItem {
  row: ScoreRow
  weight: TableNumber | null
  score: TableNumber | null
  /** Free-text cells of the row, criterion columns (评价标准) first. */
  criteria: Array<Span & { text: string }>
  /** Innermost group holding the item; null at the top. */
  group: Group | null
}

export interface Group {
  /** Index into the header's levels: 0 = outermost. */
  level: number
  name: string | null
  weight: TableNumber | null
  groups: Group[]
  items: SheetItem[]
}

/** A scored row above the indicator header in the same table (年度资金总额 … 分值 10 得分 9.8). */
export interface OutsideItem {
  name: string
  weight: TableNumber
  score: TableNumber | null
}

export interface ScoreSheet {
  tableId: string
  /** Every table piece the block's rows are in. */
  tableIds: Set<string>
  /** Every scored item in table order; those outside any group have `group` null. */
  items: SheetItem[]
  /** Outermost groups, in order. */
  groups: Group[]
  outside: OutsideItem[]
  total: ScoreTotal | undefined
  /** The 分值 the 合计 row states, with its cell. */
  statedWeight: TableNumber | null
}

export function readScoreSheets(doc: ValidationInput): ScoreSheet[] {
  const tables: Table[] = (doc.tables ?? []).map((t) => ({ ...t, start: t.start ?? t.rows[0]?.[0]?.start ?? 0, end: t.end ?? t.rows.at(-1)?.at(-1)?.end ?? 0 }))
  if (tables.length === 0 || (doc.scores ?? []).length === 0) return []
  const index = new CellIndex(tables)
  const figures = new FiguresByCell(doc.figures)
  const figureById = new Map(doc.figures.map((f) => [f.id, f]))
  const rowsByCell = new Map((doc.scores ?? []).map((s) => [`${s.tableId}:${s.row}`, s]))
  const number = (slot: Slot | undefined, table: Table, row: number): TableNumber | null => {
    const n = readNumber(slot, table.id, row, figures)
    if (!n) return null
    const figure = n.figureId ? figureById.get(n.figureId) : undefined
    return { value: n.value, evidence: figure ?? slotSpan(n.slot, 'cell') }
  }
  const sheets: ScoreSheet[] = []
  for (const block of findBlocks(tables, index, doc.text, (h) => h.score !== undefined)) {
    const h = block.header
    const headerTable = tables.find((t) => t.id === h.tableId)!
    const criterionCols = rankCriterionColumns(block, headerTable, index)
    const carry = new LevelCarry(block)
    const open: Array<Group | undefined> = h.levels.map(() => undefined)
    const sheet: ScoreSheet = { tableId: h.tableId, tableIds: new Set([h.tableId]), items: [], groups: [], outside: [], total: (doc.scoreTotals ?? []).find((t) => t.tableId === h.tableId), statedWeight: null }
    for (const row of block.rows) {
      const { own } = carry.next(row)
      const scoreRow = rowsByCell.get(`${row.table.id}:${row.cells.row}`)
      if (own < 0 || !scoreRow) continue
      sheet.tableIds.add(row.table.id)
      for (let k = 0; k < own; k++) {
        const name = cleanName(slotAt(block, row, h.levels[k])?.text ?? '')
        const weight = number(slotAt(block, row, h.levelWeights[k]), row.table, row.cells.row)
        if (name === null && weight === null) continue
        const current = open[k]
        if (current && name !== null && current.name === name && (!weight || !current.weight || weight.value === current.weight.value)) {
          current.weight ??= weight // restated after a page break
          continue
        }
        const group: Group = { level: k, name, weight, groups: [], items: [] }
        const parent = open.slice(0, k).findLast((g) => g !== undefined)
        ;(parent ? parent.groups : sheet.groups).push(group)
        open[k] = group
        open.fill(undefined, k + 1)
      }
      open.fill(undefined, own)
      const group = open.slice(0, own).findLast((g) => g !== undefined) ?? null
      const item: SheetItem = {
        row: scoreRow,
        weight: number(slotAt(block, row, h.levelWeights[own]), row.table, row.cells.row),
        score: number(slotAt(block, row, h.score), row.table, row.cells.row),
        // A short row may show one merged cell under two text columns: keep it once.
        criteria: [...new Set(criterionCols.map((c) => slotAt(block, row, c)).filter((s): s is Slot => s !== undefined))].map((s) => ({ ...slotSpan(s, 'criterion'), text: s.text })),
        group,
      }
      group?.items.push(item)
      sheet.items.push(item)
    }
    sheet.outside = outsideItems(headerTable, h.row, index, number)
    if (block.total && sheet.total?.statedWeight !== undefined) {
      const slots = [...block.total.cells.byCol.values()].sort((a, b) => a.gridCol - b.gridCol)
      const slot = slots.find((s) => cellNumber(s.text) === sheet.total!.statedWeight)
      if (slot) sheet.statedWeight = number(slot, block.total.table, block.total.cells.row)
    }
    if (sheet.items.length > 0) sheets.push(sheet)
  }
  return sheets
}

function slotSpan(slot: Slot, role: string): Span & { role: string } {
  const start = slot.cell.start + (slot.cell.text.length - slot.cell.text.trimStart().length)
  return { start, end: start + slot.text.length, role }
}

/** The free-text columns, those whose header names a criterion (评价标准, 评分标准 …) first. */
function rankCriterionColumns(block: Block, headerTable: Table, index: CellIndex): number[] {
  const header = rowCells(headerTable, block.header.row, index)
  const named = scoringWords().criterionHeaders
  const isCriterion = (col: number) => {
    const text = (header.byCol.get(col)?.text ?? '').replace(/[\s\u3000]+/g, '')
    return named.some((w) => text.includes(w))
  }
  return [...block.header.text].sort((a, b) => Number(isCriterion(b)) - Number(isCriterion(a)) || a - b)
}

/**
 * Scored rows above the header: a row of the same table whose cells name 分值 and 得分
 * heads them, and each later row with numbers in both columns is an item.
 */
function outsideItems(table: Table, headerRow: number, index: CellIndex, number: (slot: Slot | undefined, table: Table, row: number) => TableNumber | null): OutsideItem[] {
  const out: OutsideItem[] = []
  let cols: { weight: number; score: number } | undefined
  for (let r = 0; r < headerRow; r++) {
    const cells = rowCells(table, r, index)
    const roles = [...cells.byCol.values()].map((s) => ({ col: s.gridCol, role: headerRole(s.text)?.role }))
    const weight = roles.find((x) => x.role === 'weight')?.col
    const score = roles.find((x) => x.role === 'score')?.col
    if (weight !== undefined && score !== undefined) {
      cols = { weight, score }
      continue
    }
    if (!cols) continue
    const w = number(cells.byCol.get(cols.weight), table, r)
    if (!w) continue
    const first = [...cells.byCol.values()].sort((a, b) => a.gridCol - b.gridCol)[0]!
    out.push({ name: first.text, weight: w, score: number(cells.byCol.get(cols.score), table, r) })
  }
  return out
}

/** Figures of the sheet's tables, which no narrative rate check should take as a statement. */
export function sheetFigures(sheets: readonly ScoreSheet[], figures: readonly Figure[]): Set<string> {
  const ids = new Set<string>()
  for (const f of figures) if (f.cell && sheets.some((s) => s.tableIds.has(f.cell!.tableId))) ids.add(f.id)
  return ids
}
