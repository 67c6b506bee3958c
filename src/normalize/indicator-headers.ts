/**
 * The header row of a 绩效指标 table or a score table (计分表), recognised by what its
 * cells say — 一级指标 / 二级指标 / 三级指标, 年度指标值, 实际完成值, 分值, 得分 — never by
 * the document it is in. The synonyms are data (data/indicator-headers.json).
 *
 * A header becomes a layout: which grid column holds each level of the indicator
 * hierarchy, the target, the actual value, the score, and which 分值 column weighs which
 * level (a score table gives every level its own 分值 column right after it).
 */
import { z } from 'zod'
import { loadDataJson } from '../data-files.js'
import type { RowCells } from './table-row-view.js'

export const COLUMN_ROLES = ['level1', 'level2', 'level3', 'name', 'target', 'actual', 'weight', 'score', 'reason', 'text'] as const
export type ColumnRole = (typeof COLUMN_ROLES)[number]

const HeadersFileSchema = z.object({
  roles: z.record(z.enum(COLUMN_ROLES), z.array(z.string().min(1))),
  totalRow: z.array(z.string().min(1)),
  placeholders: z.array(z.string().min(1)),
  listKeys: z.record(z.string().min(1), z.array(z.string().min(1))),
})

interface Vocabulary {
  /** Normalised header text → role and rank (lower = more specific synonym). */
  roles: Map<string, { role: ColumnRole; rank: number }>
  totals: Set<string>
  placeholders: RegExp[]
  /** 二级指标 that open a line of a narrative list, longest first, with their 一级指标. */
  listKeys: Array<{ key: string; level1: string }>
}

let vocabulary: Vocabulary | undefined

function vocab(): Vocabulary {
  if (!vocabulary) {
    const file = HeadersFileSchema.parse(loadDataJson('indicator-headers.json'))
    const roles = new Map<string, { role: ColumnRole; rank: number }>()
    for (const role of COLUMN_ROLES)
      (file.roles[role] ?? []).forEach((word, rank) => roles.set(compact(word), { role, rank }))
    vocabulary = {
      roles,
      totals: new Set(file.totalRow.map(compact)),
      placeholders: file.placeholders.map((p) => new RegExp(p, 'u')),
      listKeys: Object.entries(file.listKeys)
        .flatMap(([level1, keys]) => keys.map((key) => ({ key, level1 })))
        .sort((a, b) => b.key.length - a.key.length),
    }
  }
  return vocabulary
}

/** Whitespace removed (a narrow column wraps 三级指标 as 三级\n\n指标), full-width folded. */
export function compact(text: string): string {
  return text.normalize('NFKC').replace(/[\s\u3000]+/g, '')
}

/** The header text with a trailing unit in brackets and a colon dropped: 分值(分) → 分值. */
function headerKey(text: string): string {
  return compact(text).replace(/\([^()]*\)$/, '').replace(/[:：]$/, '')
}

export function headerRole(text: string): { role: ColumnRole; rank: number } | undefined {
  return vocab().roles.get(headerKey(text))
}

/** 合计 / 总分 / 合计得分 …: the row that states the total score. */
export function isTotalLabel(text: string): boolean {
  return vocab().totals.has(headerKey(text))
}

/** Template remnants a filer left in: “.....”, 指标2, “——”, and empty cells. */
export function isPlaceholder(text: string): boolean {
  const t = compact(text)
  return t === '' || vocab().placeholders.some((p) => p.test(t))
}

/** The 二级指标 keys of narrative indicator lists (数量指标, 社会效益 …), longest first. */
export function listKeys(): ReadonlyArray<{ key: string; level1: string }> {
  return vocab().listKeys
}

/** Grid columns of a recognised header row. */
export interface HeaderLayout {
  tableId: string
  /** Row of the header in its table. */
  row: number
  /** Grid width of the header row. */
  width: number
  /** Grid columns of the hierarchy, outermost first: [一级, 二级, 三级], or [指标名称] alone. */
  levels: number[]
  /** Per entry of `levels`, which level it is (a lone 指标名称 column counts as 三级). */
  levelRoles: Array<1 | 2 | 3>
  /** Per entry of `levels`, the 分值 column that weighs that level, if any. */
  levelWeights: Array<number | undefined>
  target?: number
  actual?: number
  score?: number
  reason?: number
  /** Free-text columns (评价标准, 指标说明): never parsed. */
  text: number[]
  /** The leftmost grid column with a role; a label left of it heads a group of rows. */
  firstRoleCol: number
}

/**
 * Reads `cells` as a header row: at least one column naming the indicator and one more
 * known column. Returns undefined for any other row.
 */
export function readHeader(cells: RowCells, tableId: string): HeaderLayout | undefined {
  const best = new Map<ColumnRole, { col: number; rank: number }>()
  const weights: number[] = []
  const text: number[] = []
  for (const slot of cells.byCol.values()) {
    const match = headerRole(slot.text)
    if (!match) continue
    if (match.role === 'weight') weights.push(slot.gridCol)
    else if (match.role === 'text') text.push(slot.gridCol)
    else {
      const seen = best.get(match.role)
      if (!seen || match.rank < seen.rank) best.set(match.role, { col: slot.gridCol, rank: match.rank })
    }
  }
  const found = (['level1', 'level2', 'level3'] as const)
    .map((r, i) => ({ col: best.get(r)?.col, level: (i + 1) as 1 | 2 | 3 }))
    .filter((l): l is { col: number; level: 1 | 2 | 3 } => l.col !== undefined)
    .sort((a, b) => a.col - b.col)
  // 绩效指标 beside 一级/二级/三级 labels a group of rows; it names the indicator only without levels.
  const name = best.get('name')
  if (found.length === 0 && name) found.push({ col: name.col, level: 3 })
  if (found.length === 0) return undefined
  const levels = found.map((l) => l.col)
  const others = ['target', 'actual', 'score'].filter((r) => best.has(r as ColumnRole)).length + (weights.length > 0 ? 1 : 0)
  if (others === 0) return undefined
  const roleCols = [...levels, ...weights, ...text, ...[...best.entries()].filter(([r]) => r !== 'name').map(([, v]) => v.col)]
  return {
    tableId,
    row: cells.row,
    width: cells.width,
    levels,
    levelRoles: found.map((l) => l.level),
    levelWeights: assignWeights(levels, weights, roleCols),
    target: best.get('target')?.col,
    actual: best.get('actual')?.col,
    score: best.get('score')?.col,
    reason: best.get('reason')?.col,
    text: text.sort((a, b) => a - b),
    firstRoleCol: Math.min(...roleCols),
  }
}

/**
 * A 分值 column weighs the level column nearest to its left (一级指标 | 分值 | 二级指标 | 分值 …);
 * one that follows any other column (…实际完成值 | 分值 | 得分) weighs the indicator itself.
 */
function assignWeights(levels: number[], weights: number[], roleCols: number[]): Array<number | undefined> {
  const out: Array<number | undefined> = levels.map(() => undefined)
  for (const w of [...weights].sort((a, b) => a - b)) {
    const before = Math.max(-1, ...roleCols.filter((c) => c < w))
    const i = levels.indexOf(before)
    out[i >= 0 ? i : levels.length - 1] ??= w
  }
  return out
}

/**
 * A second header row under a merged one (指标值 over 年度指标值 | 实际完成值): when every
 * non-empty cell of `cells` is a header word, its columns join `header`. Undefined otherwise.
 */
export function extendHeader(header: HeaderLayout, cells: RowCells): HeaderLayout | undefined {
  const slots = [...cells.byCol.values()]
  const matches = slots.map((slot) => ({ slot, match: headerRole(slot.text) }))
  if (matches.length === 0 || matches.some((m) => !m.match)) return undefined
  const out: HeaderLayout = { ...header, levelWeights: [...header.levelWeights], text: [...header.text] }
  for (const { slot, match } of matches) {
    const col = slot.gridCol
    switch (match!.role) {
      case 'target':
      case 'actual':
      case 'score':
      case 'reason':
        out[match!.role] = col
        break
      case 'weight':
        out.levelWeights[out.levelWeights.length - 1] ??= col
        break
      case 'text':
        out.text.push(col)
        break
      default: // a level or name word repeated under a merged header cell changes nothing
    }
  }
  out.text.sort((a, b) => a - b)
  out.width = Math.max(header.width, cells.width)
  return out
}
