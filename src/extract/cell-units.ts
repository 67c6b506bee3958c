/**
 * The unit of a bare number in a table cell, which the reader must take from context:
 * a header naming it (金额（万元）, 得分, 编制人数), the table's 单位：万元 line, the
 * units its row neighbours carry — or, for amounts printed with grouping or two
 * decimals and nothing else to go on, 元 (DESIGN.md §6).
 */
import type { FigureKind } from './units.js'
import { type CellIndex, type CellRef, rowSiblings } from './cell-context.js'
import { scanFigures } from './figure-scan.js'
import type { NumberLiteral } from './numbers.js'

export interface InferredUnit {
  kind: FigureKind
  unit: string
}

const UNIT_IN_HEADER = /[（(]\s*(?:单位\s*[:：]\s*)?(亿元|万元|千元|元|%|％|人|个|分|家|处|次)\s*[)）]/
const KIND_OF_UNIT: Record<string, FigureKind> = { 亿元: 'money', 万元: 'money', 千元: 'money', 元: 'money', '%': 'percent', '％': 'percent', 人: 'count', 个: 'count', 家: 'count', 处: 'count', 次: 'count', 分: 'score' }

const KEYWORD_UNITS: Array<[RegExp, InferredUnit]> = [
  [/得分|分值|分数|评分/, { kind: 'score', unit: '分' }],
  [/人数|编制数|人员数|职工数/, { kind: 'count', unit: '人' }],
  [/个数|项目数|单位数/, { kind: 'count', unit: '个' }],
]
const MAX_KEYWORD_HEADER = 20
/** A rate or ratio column: a bare number there is not an amount of money. */
const RATE_HEADER = /率|比例|比重|占比|%|％/

/** A score table states each indicator's weight in its row: （7分）. */
const WEIGHT_CELL = /^[（(]?\s*\d+(?:\.\d+)?\s*分\s*[)）]?$/

export function inferCellUnit(ref: CellRef, numeral: NumberLiteral, cells: CellIndex): InferredUnit | null {
  const headers = [cells.columnHeader(ref)?.text, cells.rowHeader(ref)?.text].filter((t): t is string => t !== undefined)
  for (const header of headers) {
    const m = UNIT_IN_HEADER.exec(header)
    if (m) {
      const unit = m[1] === '％' ? '%' : m[1]!
      return { kind: KIND_OF_UNIT[unit]!, unit }
    }
  }
  // Keywords only name a column or row in a short header, not somewhere in a sentence.
  for (const header of headers.filter((h) => h.length <= MAX_KEYWORD_HEADER))
    for (const [pattern, unit] of KEYWORD_UNITS) if (pattern.test(header)) return unit
  if (headers.some((h) => RATE_HEADER.test(h))) return null

  // The score beside a weight, when the 得分 header is out of reach (a table split over
  // pages or pieces): a plain number no larger than the largest weight in its row.
  const siblings = rowSiblings(ref)
  const weights = siblings.filter((c) => WEIGHT_CELL.test(c.text.trim())).map((c) => Number(/\d+(?:\.\d+)?/.exec(c.text)![0]))
  if (weights.length > 0 && numeral.decimals <= 1 && !numeral.grouped && numeral.value <= Math.max(...weights)) return { kind: 'score', unit: '分' }

  if (ref.table.unit && KIND_OF_UNIT[ref.table.unit] === 'money') return { kind: 'money', unit: ref.table.unit }

  for (const sibling of siblings) {
    const money = scanFigures(sibling.text).find((f) => f.kind === 'money' && f.unit !== null)
    if (money) return { kind: 'money', unit: money.unit! }
  }
  if (numeral.grouped || numeral.decimals === 2) return { kind: 'money', unit: '元' }
  return null
}

/** The label of a cell's number: its row header and column header, joined by ·. */
export function cellLabel(ref: CellRef, cells: CellIndex): string | null {
  const parts = [cells.rowHeader(ref)?.text, cells.columnHeader(ref)?.text]
    .filter((t): t is string => t !== undefined)
    .map((t) => t.replace(/\s+/g, '').replace(UNIT_IN_HEADER, ''))
  return parts.length ? parts.join('·') : null
}
