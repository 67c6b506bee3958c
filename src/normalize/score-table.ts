/**
 * The score table (计分表: 指标, 分值, 评价标准, 得分) as rows, and per table the stated 合计
 * beside the sums of the rows' scores and weights — the invariants a later rule checks.
 *
 * A table qualifies by its header row: a column naming the item and a 得分 column
 * (data/indicator-headers.json). A 自评表 that has 年度指标值 and 得分 is read here too, so
 * `scores` holds every scored row whatever the table's other columns.
 *
 * Each row is scored at the deepest level it names; its weight is the 分值 of that level
 * (（7分） → 7). A score written once for several rows (履职效益 12 over 经济/社会/生态效益)
 * belongs to the first of them, so the rows' scores still add up to the total.
 */
import type { ScoreRow, ScoreTotal } from '../contract.js'
import { CellIndex } from '../extract/cell-context.js'
import { cellNumber, FiguresByCell, readNumber, sum, type CellNumber } from './cell-values.js'
import type { TableInput } from './indicators.js'
import { LevelCarry } from './level-names.js'
import { findBlocks, slotAt, type Block, type BlockRow } from './table-blocks.js'

export interface ScoreTable {
  scores: ScoreRow[]
  totals: ScoreTotal[]
}

export function findScores(input: TableInput): ScoreTable {
  const index = input.cellIndex ?? new CellIndex([...input.tables])
  const figures = new FiguresByCell(input.figures)
  const scores: ScoreRow[] = []
  const totals: ScoreTotal[] = []
  for (const block of findBlocks(input.tables, index, input.text, (h) => h.score !== undefined)) {
    const h = block.header
    const carry = new LevelCarry(block)
    const rows: ScoreRow[] = []
    for (const row of block.rows) {
      const { names, own } = carry.next(row)
      if (own < 0) continue
      const tableId = row.table.id
      const r = row.cells.row
      const weight = readNumber(slotAt(block, row, h.levelWeights[own]), tableId, r, figures)
      const score = readNumber(slotAt(block, row, h.score), tableId, r, figures)
      const nameSlot = slotAt(block, row, h.levels[own])!
      const scoreRow: ScoreRow = {
        id: `sc${scores.length + rows.length + 1}`,
        tableId,
        row: r,
        indicator: names[own]!,
        level: h.levelRoles[own]!,
        path: names.slice(0, own + 1).filter((n): n is string => n !== null),
        weight: weight?.value ?? null,
        score: score?.value ?? null,
        line: input.lines.lineOf(nameSlot.cell.start),
        start: row.cells.start,
        end: row.cells.end,
      }
      if (weight?.figureId) scoreRow.weightFigureId = weight.figureId
      if (score?.figureId) scoreRow.scoreFigureId = score.figureId
      rows.push(scoreRow)
    }
    if (rows.length === 0) continue
    scores.push(...rows)
    totals.push(totalOf(block, rows, input, figures))
  }
  return { scores, totals }
}

function totalOf(block: Block, rows: ScoreRow[], input: TableInput, figures: FiguresByCell): ScoreTotal {
  const weights = rows.map((r) => r.weight).filter((w) => w !== null)
  const out: ScoreTotal = {
    tableId: block.header.tableId,
    stated: null,
    sumOfScores: sum(rows.map((r) => r.score ?? 0)),
    sumOfWeights: weights.length > 0 ? sum(weights) : null,
    rows: rows.length,
  }
  const stated = block.total ? statedTotal(block, block.total, figures) : undefined
  if (stated?.score) {
    const s = stated.score
    const start = s.slot.cell.start + (s.slot.cell.text.length - s.slot.cell.text.trimStart().length)
    out.stated = { value: s.value, start, end: start + s.slot.text.length, line: input.lines.lineOf(start) }
    if (s.figureId) out.stated.figureId = s.figureId
  }
  if (stated?.weight) out.statedWeight = stated.weight.value
  return out
}

/**
 * The numbers of the 合计 row. Read under the header's 得分 and 分值 columns when the row
 * has the header's width; otherwise (合计 | 95, cells merged away) one number is the score
 * and of two the first is the 分值 and the last the score.
 */
function statedTotal(block: Block, row: BlockRow, figures: FiguresByCell): { score?: CellNumber; weight?: CellNumber } {
  const tableId = row.table.id
  const r = row.cells.row
  const h = block.header
  if (row.cells.width === h.width) {
    const score = readNumber(slotAt(block, row, h.score), tableId, r, figures) ?? undefined
    const weightCol = h.levelWeights.find((w) => w !== undefined)
    const weight = readNumber(slotAt(block, row, weightCol), tableId, r, figures) ?? undefined
    if (score) return weight ? { score, weight } : { score }
  }
  const numbers = [...row.cells.byCol.values()]
    .sort((a, b) => a.gridCol - b.gridCol)
    .filter((s) => cellNumber(s.text) !== null)
    .map((s) => readNumber(s, tableId, r, figures)!)
  if (numbers.length === 1) return { score: numbers[0]! }
  if (numbers.length >= 2) return { weight: numbers[0]!, score: numbers.at(-1)! }
  return {}
}
