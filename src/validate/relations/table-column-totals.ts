/**
 * 合计 columns: in each row, a column headed 合计 / 本年收入合计 / 小计 equals the row's other
 * amount columns under the same parent header (合计 = 基本支出 + 项目支出; 本年收入合计 =
 * 财政拨款收入 + … + 其他收入). Rate columns (执行率) and columns of another quantity are
 * not parts; a second total among the siblings (a 小计 inside the group) makes the reading
 * unclear, and the row is left alone. Readings — all siblings, those after the total, those
 * before it — are decided by table-check.ts.
 */
import type { LineIndex } from '../../document.js'
import { allSameQuantity, chooseReading, sumHolds } from './table-check.js'
import { crossLine, entryFigure, hasValues, type Line, type LineGroup, term } from './table-lines.js'
import { isColumnTotalHeader, rateKind } from './table-words.js'
import type { SumRelation, Term } from './types.js'

export function columnTotalSums(group: LineGroup, lines: LineIndex): SumRelation[] {
  const out: SumRelation[] = []
  for (const total of group.columns) {
    const siblings = siblingsOf(group, total)
    if (!siblings) continue
    const readings = unique([siblings, siblings.filter((c) => c.at > total.at), siblings.filter((c) => c.at < total.at)])
    const built = readings.map((parts) => group.rows.map((row) => build(group, total, parts, row.at, lines)))
    out.push(...chooseReading(built, sumHolds))
  }
  return out
}

/**
 * The columns a total column sums. The total's header may sit at any level of a nested
 * header (合计 over 预算数 | 决算数): its siblings are the header groups beside it under the
 * same parent, each matched on the same sub-header (预算数 with 预算数). A group of several
 * columns counts by its own 小计 when it has one, else by all its columns.
 */
function siblingsOf(group: LineGroup, total: Line): Line[] | undefined {
  const k = total.path.findLastIndex(isColumnTotalHeader)
  if (k < 0 || !hasValues(total)) return undefined
  const prefix = total.path.slice(0, k).join('/')
  const suffix = total.path.slice(k + 1).join('/')
  const kind = firstKind(total)
  const groups = new Map<string, Line[]>()
  for (const c of group.columns) {
    if (c === total || c.path.slice(0, k).join('/') !== prefix || c.path.length <= k) continue
    if (rateKind(c.header) || (firstKind(c) ?? kind) !== kind) continue
    if (suffix !== '' && !c.path.join('/').endsWith(`/${suffix}`)) continue
    const name = c.path[k]!
    if (name === total.path[k]) continue
    if (isColumnTotalHeader(name)) return undefined // a second total beside it: unclear
    groups.set(name, [...(groups.get(name) ?? []), c])
  }
  const parts: Line[] = []
  for (const members of groups.values()) {
    if (members.length === 1) parts.push(members[0]!)
    else {
      const subtotal = members.filter((m) => m.path.slice(k + 1).some(isColumnTotalHeader))
      parts.push(...(subtotal.length === 1 ? subtotal : members))
    }
  }
  return parts.sort((a, b) => a.at - b.at)
}

function firstKind(line: Line): string | undefined {
  for (const e of line.entries.values()) if (e.figure) return e.figure.kind
  return undefined
}

function unique(readings: Line[][]): Line[][] {
  const seen = new Set<string>()
  return readings.filter((r) => {
    const key = r.map((l) => l.at).join(',')
    if (r.length < 2 || seen.has(key)) return false
    seen.add(key)
    return true
  })
}

function build(group: LineGroup, total: Line, parts: Line[], row: number, lines: LineIndex): SumRelation | undefined {
  const stated = total.entries.get(row)?.figure
  if (!stated || stated.approx || (stated.kind !== 'money' && stated.kind !== 'count')) return undefined
  const terms: Term[] = []
  for (const part of parts) {
    const f = entryFigure(group, part, row, stated, lines)
    if (!f) return undefined
    terms.push(term(f))
  }
  if (!terms.some((t) => t.figure.raw !== '') || !allSameQuantity(stated, terms)) return undefined
  const rowName = crossLine(group, total, row)?.header
  return {
    kind: 'sum',
    total: stated,
    parts: terms,
    origin: 'table-row',
    complete: true,
    note: `表中“${total.header}”列等于同行${parts.map((p) => `“${p.header}”`).join('、')}之和${rowName ? `（${rowName}）` : ''}`,
  }
}
