/**
 * Share columns: a column headed 比率 / 占比 / 比重 right after an amount column gives each
 * row's amount as a share of the column's total row (工资福利支出 金额 ÷ 总支出 金额).
 *
 * When the total row states its own share, the shares must also add up to it — a sum the
 * 合计-row source (table-sums.ts) already checks. If that sum fails the column is wrong as a
 * whole and one finding says so; the per-row ratios are then left out rather than repeat it
 * once per row. They are emitted when the shares add up (a single row may still be off) or
 * when the total row states no share.
 */
import type { LineIndex } from '../../document.js'
import { isPlainMoney, sumHolds } from './table-check.js'
import { entryFigure, type Line, type LineGroup, term } from './table-lines.js'
import { isPartOfLabel, isTotalLabel, rateKind } from './table-words.js'
import type { RatioRelation } from './types.js'

export function shareRatios(group: LineGroup, lines: LineIndex): RatioRelation[] {
  const out: RatioRelation[] = []
  const totals = group.rows.filter((r) => isTotalLabel(r.header))
  if (totals.length !== 1) return out // which total a share refers to is unclear with several
  const totalRow = totals[0]!
  group.columns.forEach((share, i) => {
    const amount = group.columns[i - 1]
    if (rateKind(share.header) !== 'share' || !amount || rateKind(amount.header)) return
    const base = amount.entries.get(totalRow.at)?.figure
    if (!base || !isPlainMoney(base) || base.value === 0) return
    if (sharesFailAsAWhole(group, share, totalRow, lines)) return
    for (const row of group.rows) {
      if (row === totalRow || isPartOfLabel(row.header)) continue
      const stated = share.entries.get(row.at)?.figure
      const part = amount.entries.get(row.at)?.figure
      if (!stated || stated.kind !== 'percent' || !part || !isPlainMoney(part) || part.approx || stated.approx) continue
      out.push({
        kind: 'ratio',
        stated,
        numerator: [term(part)],
        denominator: base,
        origin: 'table-column',
        note: `表中“${row.header}”的“${share.header}” = 本行“${amount.header}” ÷ “${totalRow.header}”行（占比）`,
      })
    }
  })
  return out
}

/** The total row's share against the rows' shares (blank shares read as 0). */
function sharesFailAsAWhole(group: LineGroup, share: Line, totalRow: Line, lines: LineIndex): boolean {
  const stated = share.entries.get(totalRow.at)?.figure
  if (!stated) return false
  const parts = []
  for (const row of group.rows) {
    if (row === totalRow || isPartOfLabel(row.header)) continue
    const f = entryFigure(group, share, row.at, stated, lines)
    if (f) parts.push(term(f))
  }
  return parts.length > 0 && !sumHolds({ total: stated, parts })
}
