/**
 * 合计 rows: each amount column of a total row (合计, 总计, 小计, 年度资金总额, 全年可用预算指标)
 * equals the sum of the rows it totals. Which rows those are is read from the table:
 *
 * - a total below its items sums the rows since the previous total — or the previous totals
 *   plus the rows after them (收入总计 + 年初结转和结余 = 合计), or every item row;
 * - a total heading its block (年度资金总额 above 其中：当年财政拨款 / 上年结转资金 / 其他资金)
 *   sums the rows under it up to the next total;
 * - 其中 rows (and the rows continuing their list) are parts of the row above, not of the total;
 *   rows nested by 科目编码 (201 / 201 06 / 201 06 01) or by enumerators (一、 over （一）)
 *   count once, at their top level.
 *
 * Where these readings differ, table-check.ts keeps the one the table's columns support.
 * Blank part cells are 0 (budget tables print zero as blank); a blank total is skipped.
 */
import type { Figure } from '../../contract.js'
import type { LineIndex } from '../../document.js'
import { allSameQuantity, chooseReading, sumHolds } from './table-check.js'
import { crossLine, entryFigure, hasValues, type Line, type LineGroup, term } from './table-lines.js'
import { enumeratorLevel, isOtherItem, isPartOfLabel, isTotalLabel, rateKind } from './table-words.js'
import type { SumRelation, Term } from './types.js'

interface RowMeta {
  index: number
  line: Line
  total: boolean
  partOf: boolean
  enumLevel: number
}

export function rowTotalSums(group: LineGroup, lines: LineIndex): SumRelation[] {
  const metas: RowMeta[] = group.rows.map((line, index) => ({
    index,
    line,
    total: isTotalLabel(line.header),
    partOf: isPartOfLabel(line.header),
    enumLevel: enumeratorLevel(line.header),
  }))
  const consumed = new Set<number>()
  const out: SumRelation[] = []
  for (const m of metas) {
    if (!m.total || !hasValues(m.line)) continue
    const readings = partReadings(metas, m.index, consumed, (rows) => withoutImpliedChildren(rows, group, lines))
    const built = readings.map((parts, k) => group.segment.map((p) => build(group, m, parts, p, lines, k)))
    const chosen = chooseReading(built, (x) => sumHolds(x.relation))
    // A 其中 list under a total heading its block may name only some sources; it is all of
    // them when it closes with 其他… or adds up in another column.
    const totalFirst = !metas.slice(0, m.index).some(isItem)
    const partial = totalFirst && !chosen.some((x) => readings[x.reading]!.some((r) => isOtherItem(r.line.header)) || sumHolds(x.relation))
    for (const x of chosen) {
      out.push(partial ? { ...x.relation, complete: false } : x.relation)
      for (const part of readings[x.reading]!) if (part.total) consumed.add(part.index)
    }
  }
  return out
}

/** Rows that carry something: a label or a number (a row of nothing is no item). */
function isItem(m: RowMeta): boolean {
  return !m.total && (m.line.header !== '' || hasValues(m.line))
}

/** The candidate sets of rows a total at `t` may sum, most literal first, without duplicates. */
function partReadings(metas: RowMeta[], t: number, consumed: Set<number>, implied: (rows: RowMeta[]) => RowMeta[] | undefined): RowMeta[][] {
  const before = metas.slice(0, t)
  const readings: RowMeta[][] = []
  const withImplied = (vs: RowMeta[][]) => [...vs, ...vs.map(implied).filter((v): v is RowMeta[] => v !== undefined)]
  if (before.some(isItem)) {
    const lastTotal = before.findLastIndex((m) => m.total)
    const since = before.slice(lastTotal + 1).filter(isItem)
    const openTotals = before.filter((m) => m.total && !consumed.has(m.index) && hasValues(m.line))
    for (const v of withImplied(variants(since, false))) readings.push(v, [...openTotals, ...v])
    for (const v of withImplied(variants(before.filter(isItem), false))) readings.push(v)
  } else {
    const after = metas.slice(t + 1)
    const end = after.findIndex((m) => m.total)
    readings.push(...withImplied(variants((end < 0 ? after : after.slice(0, end)).filter(isItem), true)))
  }
  const seen = new Set<string>()
  return readings.filter((r) => {
    const key = r.map((m) => m.index).join(',')
    if (r.length < 2 || seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/**
 * Readings of one run of item rows. Under a total heading its block the 其中 rows are the
 * parts themselves; under a total below them they belong to the row above.
 */
function variants(rows: RowMeta[], totalFirst: boolean): RowMeta[][] {
  const base = totalFirst ? rows : rows.filter((m) => !m.partOf)
  const out: RowMeta[][] = [base]
  if (!totalFirst && rows.some((m) => m.partOf)) out.push(withoutPartOfLists(rows))
  const codes = base.filter((m) => m.line.codeLevel > 0)
  if (codes.length > 0) {
    const top = Math.min(...codes.map((m) => m.line.codeLevel))
    out.push(base.filter((m) => m.line.codeLevel === top))
  }
  const enumerated = base.filter((m) => m.enumLevel > 0)
  if (enumerated.length > 0) {
    const top = Math.min(...enumerated.map((m) => m.enumLevel))
    out.push(base.filter((m) => m.enumLevel === top))
    out.push(base.filter((m) => m.enumLevel === 0 || m.enumLevel === top))
  }
  return out
}

/** Drops 其中 rows and the unnumbered rows that continue their list (其中：基本支出结转 / 项目支出结转). */
function withoutPartOfLists(rows: RowMeta[]): RowMeta[] {
  const out: RowMeta[] = []
  let inList = false
  for (const m of rows) {
    if (m.partOf) inList = true
    else if (m.enumLevel > 0 || m.line.codeLevel > 0) inList = false
    if (!inList) out.push(m)
  }
  return out
}

/**
 * Rows nested with no mark but their indentation, which text loses (基本支出 over 人员经费 and
 * 公用经费): a row is read as a parent when the rows right under it add up to it in every
 * column where it has a number. The reading without such children; undefined when none.
 */
/** How many rows under a parent are tried as its children (keeps long tables linear). @default 40 */
const MAX_IMPLIED_CHILDREN = 40

function withoutImpliedChildren(rows: RowMeta[], group: LineGroup, lines: LineIndex): RowMeta[] | undefined {
  const children = new Set<RowMeta>()
  for (let i = 0; i < rows.length; i++) {
    if (children.has(rows[i]!)) continue
    for (let j = i + 2; j < Math.min(rows.length, i + 1 + MAX_IMPLIED_CHILDREN); j++) {
      if (addsUpTo(rows[i]!, rows.slice(i + 1, j + 1), group, lines)) {
        rows.slice(i + 1, j + 1).forEach((c) => children.add(c))
        break
      }
    }
  }
  return children.size > 0 ? rows.filter((m) => !children.has(m)) : undefined
}

function addsUpTo(parent: RowMeta, children: RowMeta[], group: LineGroup, lines: LineIndex): boolean {
  let compared = 0
  for (const p of group.segment) {
    const total = parent.line.entries.get(p)?.figure
    if (!total || total.value === 0) continue
    const parts = children.map((c) => entryFigure(group, c.line, p, total, lines))
    if (parts.some((f) => !f) || !parts.some((f) => f!.raw !== '')) return false
    if (!sumHolds({ total, parts: parts.map((f) => term(f!)) })) return false
    compared++
  }
  return compared > 0
}

interface Built {
  relation: SumRelation
  reading: number
}

function build(group: LineGroup, total: RowMeta, parts: RowMeta[], position: number, lines: LineIndex, reading: number): Built | undefined {
  const stated = total.line.entries.get(position)?.figure
  if (!stated || !summable(group, total.line, position, stated)) return undefined
  const terms: Term[] = []
  for (const part of parts) {
    const f = entryFigure(group, part.line, position, stated, lines)
    if (!f) return undefined
    terms.push(term(f))
  }
  if (!terms.some((t) => t.figure.raw !== '') || !allSameQuantity(stated, terms)) return undefined
  const column = crossLine(group, total.line, position)?.path.join('·')
  return {
    reading,
    relation: {
      kind: 'sum',
      total: stated,
      parts: terms,
      origin: 'table-column',
      complete: true,
      note: `表中合计行“${total.line.header}”等于其所列各行之和${column ? `（${column}）` : ''}`,
    },
  }
}

/** Amounts and counts add up down a column; percentages only in a share column (比率, 占比). */
function summable(group: LineGroup, line: Line, position: number, f: Figure): boolean {
  if (f.approx) return false
  if (f.kind === 'money' || f.kind === 'count') return true
  return f.kind === 'percent' && rateKind(crossLine(group, line, position)?.header ?? '') === 'share'
}
