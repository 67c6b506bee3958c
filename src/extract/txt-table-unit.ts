/**
 * The money unit a table's bare numbers take. Reports declare it in a unit line above the
 * table (单位：万元, （单位：元）), in the caption (…情况表（万元）) or in header cells
 * (年度预算资金（万元）, 金额(万元)). A table without one says nothing: the reader of the
 * figures decides the default (usually 元), not this module.
 */

/** The money units a table can declare. */
export type TableUnit = '元' | '万元' | '亿元'

/** 单位：万元 / 单位:人民币元 / 金额单位：亿元 — an explicit declaration. */
const DECLARED = /单位\s*[:：]\s*(?:人民币)?\s*(亿元|万元|元|亿|万)(?![\p{Script=Han}])/u

/** （万元） / (元) — a unit in parentheses, as in a header cell or a caption. */
const PARENTHESISED = /[（(]\s*(亿元|万元|元)\s*[)）]/gu

/** Header cells and captions are short; a long cell is content that may quote units. */
const HEADER_CELL_LENGTH = 40

export interface UnitContext {
  /** Up to a few non-blank lines just above the table, nearest last. */
  linesAbove: string[]
  /** Cells of the header rows (the first rows) and of the first column. */
  headerCells: string[]
}

export interface UnitFinding {
  unit?: TableUnit
  /** Distinct units found where they disagree (then `unit` is left out). */
  conflicting?: TableUnit[]
}

export function normaliseUnit(raw: string): TableUnit {
  if (raw.startsWith('亿')) return '亿元'
  if (raw.startsWith('万')) return '万元'
  return '元'
}

/**
 * An explicit 单位： declaration wins (the nearest one above the table, then one in the
 * header). Otherwise parenthesised units in the caption and header cells must agree: a
 * table with 金额（万元） in one column and 单价（元） in another has no single unit.
 */
export function findTableUnit(context: UnitContext): UnitFinding {
  const sources = [...context.linesAbove].reverse().concat(context.headerCells)
  for (const s of sources) {
    const m = DECLARED.exec(s)
    if (m) return { unit: normaliseUnit(m[1]!) }
  }
  const found = new Set<TableUnit>()
  for (const s of sources) {
    if (s.trim().length > HEADER_CELL_LENGTH) continue
    for (const m of s.matchAll(PARENTHESISED)) found.add(normaliseUnit(m[1]!))
  }
  if (found.size === 1) return { unit: [...found][0]! }
  if (found.size > 1) return { conflicting: [...found] }
  return {}
}
