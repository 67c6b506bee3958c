/**
 * The 绩效指标 table as rows: 一级 / 二级 / 三级指标, 年度指标值 (target), 实际完成值 (actual),
 * and 分值 / 得分 / 偏差原因 where the table has them (项目支出绩效自评表).
 *
 * A table qualifies by its header row — a column naming the indicator and a target or
 * actual column (data/indicator-headers.json). Empty level cells take the name above
 * (see level-names.ts). Rows without a name, target or actual, and template remnants
 * (“.....”, 指标2), are skipped. Indicators written as narrative lists (数量指标：…) join
 * them in document order (indicator-lists.ts).
 */
import type { Figure, Indicator, Section } from '../contract.js'
import type { LineIndex, Table } from '../document.js'
import { CellIndex } from '../extract/cell-context.js'
import { FiguresByCell, readNumber, readText, type CellText } from './cell-values.js'
import { isPlaceholder } from './indicator-headers.js'
import { findIndicatorLists, type ListIndicator } from './indicator-lists.js'
import { LevelCarry } from './level-names.js'
import { findBlocks, slotAt } from './table-blocks.js'

/** What the indicator and score readers look at: the text, its tables and figures. */
export interface TableInput {
  text: string
  tables: readonly Table[]
  figures: readonly Figure[]
  lines: LineIndex
  /** The document's sections, to tell which section an indicator is in. */
  sections?: readonly Section[]
  /** Built once per document and shared by indicators and scores; built here when absent. */
  cellIndex?: CellIndex
}

/** Indicators of tables and of narrative lists, in document order: `i1`, `i2`, … */
export function findIndicators(input: TableInput): Indicator[] {
  const rows = [...tableIndicators(input), ...findIndicatorLists(input)].sort((a, b) => a.start - b.start)
  return rows.map((row, i) => {
    const sectionId = innermostSection(input.sections ?? [], row.start)
    return { id: `i${i + 1}`, ...row, ...(input.sections ? { sectionId } : {}) }
  })
}

/** The deepest section containing `offset`: sections nest and come in document order. */
function innermostSection(sections: readonly Section[], offset: number): string | null {
  let found: string | null = null
  for (const s of sections) {
    if (s.start > offset) break
    if (offset < s.end) found = s.id
  }
  return found
}

function tableIndicators(input: TableInput): ListIndicator[] {
  const index = input.cellIndex ?? new CellIndex([...input.tables])
  const figures = new FiguresByCell(input.figures)
  const blocks = findBlocks(input.tables, index, input.text, (h) => h.target !== undefined || h.actual !== undefined)
  const out: ListIndicator[] = []
  for (const block of blocks) {
    const h = block.header
    const carry = new LevelCarry(block)
    for (const row of block.rows) {
      const { names, own } = carry.next(row)
      const tableId = row.table.id
      const r = row.cells.row
      const value = (col: number | undefined): CellText | null => {
        const cell = readText(slotAt(block, row, col), tableId, r, figures)
        return cell && !isPlaceholder(cell.text) ? cell : null
      }
      const target = value(h.target)
      const actual = value(h.actual)
      // A group label alone (一级指标 产出指标 on a row of its own) names no indicator.
      const leafNamed = own === h.levels.length - 1
      if (!leafNamed && !target && !actual) continue
      const levels: Record<1 | 2 | 3, string | null> = { 1: null, 2: null, 3: null }
      h.levelRoles.forEach((level, k) => (levels[level] = names[k] ?? null))
      const nameSlot = own >= 0 ? slotAt(block, row, h.levels[own]) : undefined
      const indicator: ListIndicator = {
        tableId,
        row: r,
        level1: levels[1],
        level2: levels[2],
        level3: levels[3],
        target,
        actual,
        line: input.lines.lineOf(nameSlot?.cell.start ?? row.cells.start),
        start: row.cells.start,
        end: row.cells.end,
      }
      if (h.levelWeights.at(-1) !== undefined) indicator.weight = readNumber(slotAt(block, row, h.levelWeights.at(-1)), tableId, r, figures)?.value ?? null
      if (h.score !== undefined) indicator.score = readNumber(slotAt(block, row, h.score), tableId, r, figures)?.value ?? null
      if (h.reason !== undefined) indicator.reason = value(h.reason)?.text ?? null
      out.push(indicator)
    }
  }
  return out
}
