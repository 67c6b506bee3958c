/**
 * Difference lines, as sums with a negative part: 差额 = 预算 − 决算, 年末结转 = 全年可用 −
 * 决算支出 (row by row or column by column, as the 表3 layout has it), 本年度结余 = 决算收入 −
 * 决算支出, 结余减少 = 上年度结余 − 本年度结余. The operands are the lines before the result
 * (since the previous difference line) whose headers say most clearly what they are: 收入 /
 * 可用 / 预算 on one side, 支出 / 决算 / 实际 on the other; 上年 / 本年 for changes. A header
 * that spells the formula out (执行差异（预算－决算）) is followed as written.
 *
 * 差额 is written both ways round; without a written formula the direction the values support
 * is taken (预算 − 决算 unless 决算 − 预算 holds in more places) and the note says so. A blank
 * result cell is 0 when its line has numbers elsewhere; an all-blank line is skipped.
 */
import type { LineIndex } from '../../document.js'
import { allSameQuantity, sumHolds } from './table-check.js'
import { crossLine, entryFigure, hasValues, type Line, type LineGroup, term } from './table-lines.js'
import { type DifferenceKind, differenceKind, explicitFormula, normalizeLabel, rateKind, type Role, roleScore } from './table-words.js'
import type { SumRelation } from './types.js'

export function differenceSums(group: LineGroup, lines: LineIndex): SumRelation[] {
  return [...differencesAlong(group, group.rows, lines), ...differencesAlong(group, group.columns, lines)]
}

function differencesAlong(group: LineGroup, all: Line[], lines: LineIndex): SumRelation[] {
  const out: SumRelation[] = []
  all.forEach((result, i) => {
    const kind = differenceKind(result.header)
    if (!kind || !hasValues(result)) return
    if (kind === 'difference' && (roleScore(result.header, 'prior') > 0 || roleScore(result.header, 'initial') > 0)) return // 年初结转和结余 is carried in, not computed
    const operands = operandsOf(kind, result, all.slice(0, i))
    if (!operands) return
    const [minuend, subtrahend, written] = operands
    const forward = relationsFor(group, result, minuend, subtrahend, lines)
    if (written || kind !== 'difference') return out.push(...forward)
    const backward = relationsFor(group, result, subtrahend, minuend, lines)
    const holding = (rs: SumRelation[]) => rs.filter(sumHolds).length
    if (holding(backward) > holding(forward)) out.push(...backward.map((r) => ({ ...r, note: `${r.note}（按数值判断为此方向）` })))
    else out.push(...forward)
  })
  return out
}

/** [minuend, subtrahend, formula written in the header]. */
function operandsOf(kind: DifferenceKind, result: Line, before: Line[]): [Line, Line, boolean] | undefined {
  const candidates = before.filter((l) => !rateKind(l.header) && hasValues(l))
  const formula = explicitFormula(result.header)
  if (formula) {
    const find = (word: string) => candidates.findLast((l) => normalizeLabel(l.header).includes(word))
    const a = find(formula[0])
    const b = find(formula[1])
    return a && b && a !== b ? [a, b, true] : undefined
  }
  let pool = candidates
  if (kind === 'difference') {
    const lastDifference = before.findLastIndex((l) => differenceKind(l.header) === 'difference')
    pool = candidates.filter((l) => before.indexOf(l) > lastDifference)
  }
  const [plus, minus]: [Role, Role] = kind === 'difference' ? ['income', 'spending'] : kind === 'decrease' ? ['prior', 'current'] : ['current', 'prior']
  const a = strongest(pool, plus, minus)
  const b = strongest(pool, minus, plus)
  return a && b && a !== b ? [a, b, false] : undefined
}

/** The line that says `role` most clearly (and its opposite least); the nearest on a tie. */
function strongest(lines: Line[], role: Role, opposite: Role): Line | undefined {
  let best: Line | undefined
  let bestScore = 0
  for (const l of lines) {
    const score = roleScore(l.header, role) - roleScore(l.header, opposite)
    if (score > 0 && score >= bestScore) [best, bestScore] = [l, score]
  }
  return best
}

function relationsFor(group: LineGroup, result: Line, minuend: Line, subtrahend: Line, lines: LineIndex): SumRelation[] {
  const out: SumRelation[] = []
  const positions = new Set([...result.entries.keys()])
  for (const p of positions) {
    const e = result.entries.get(p)!
    const like = e.figure ?? minuend.entries.get(p)?.figure ?? subtrahend.entries.get(p)?.figure
    if (!like || like.approx || (like.kind !== 'money' && like.kind !== 'count')) continue
    const total = entryFigure(group, result, p, like, lines)
    const a = entryFigure(group, minuend, p, like, lines)
    const b = entryFigure(group, subtrahend, p, like, lines)
    if (!total || !a || !b || (a.raw === '' && b.raw === '')) continue
    const parts = [term(a), term(b, -1)]
    if (!allSameQuantity(total, parts) || a.approx || b.approx) continue
    const where = crossLine(group, result, p)?.header
    const blank = total.raw === '' ? `，“${result.header}”一格空白，按0计` : ''
    out.push({
      kind: 'sum',
      total,
      parts,
      origin: result.axis === 'row' ? 'table-column' : 'table-row',
      complete: true,
      note: `表中“${result.header}” = “${minuend.header}” − “${subtrahend.header}”${where || blank ? `（${where ?? ''}${blank}）` : ''}`,
    })
  }
  return out
}
