/**
 * Rate lines: a column (or row) headed 执行率 / 完成率 / 控制率 / 利用率 / 调整率 / 变动率 beside
 * the amount lines it is computed from, in the same row (or column):
 *
 * - 执行率, 控制率 = actual / budget (全年执行数 / 全年预算数; among several budget lines the
 *   全年 / 调整后 one, else the nearest);
 * - 利用率 = 在用 / 总额; 调整率 = 调整 / 年初;
 * - 变动率 = (本年 − 上年) / 上年, with its sign.
 *
 * The roles come from the headers (data/table-relation-words.json); with exactly two amount
 * lines one clear header is enough, the other line taking the remaining role. A share column
 * (比率, 占比) is a share of its column's total — see table-shares.ts.
 */
import type { LineIndex } from '../../document.js'
import { isPlainMoney, sameQuantity } from './table-check.js'
import { hasValues, type Line, type LineGroup, term } from './table-lines.js'
import { differenceKind, isPreferredDenominator, type RateKind, rateKind, type Role, roleScore } from './table-words.js'
import type { RatioRelation, Term } from './types.js'

type Formula = { numerator: Line; denominator: Line; minus?: Line }

export function rateRatios(group: LineGroup, _lines: LineIndex): RatioRelation[] {
  return [...ratesAlong(group.rows), ...ratesAlong(group.columns)]
}

function ratesAlong(all: Line[]): RatioRelation[] {
  const out: RatioRelation[] = []
  let since = 0
  all.forEach((line, i) => {
    const kind = rateKind(line.header)
    if (!kind) return
    const amounts = all.slice(since, i).filter((l) => !differenceKind(l.header) && hasValues(l) && isAmountLine(l))
    since = i + 1
    if (kind === 'share' || amounts.length < 2) return
    const formula = formulaOf(kind, amounts)
    if (formula) out.push(...ratiosFor(line, formula))
  })
  return out
}

function isAmountLine(line: Line): boolean {
  return [...line.entries.values()].every((e) => !e.figure || isPlainMoney(e.figure) || e.figure.kind === 'count')
}

function formulaOf(kind: Exclude<RateKind, 'share'>, amounts: Line[]): Formula | undefined {
  switch (kind) {
    case 'execution':
    case 'control':
      return pair(amounts, 'actual', 'budget', true)
    case 'utilization':
      return pair(amounts, 'actual', 'budget', false)
    case 'adjustment':
      return pair(amounts, 'adjust', 'initial', false)
    case 'change': {
      const p = pair(amounts, 'current', 'prior', false) ?? byYear(amounts)
      return p && { numerator: p.numerator, denominator: p.denominator, minus: p.denominator }
    }
  }
}

/**
 * The numerator and denominator lines: each the line whose header says its role most
 * clearly; with only two lines, one clear header settles both.
 */
function pair(amounts: Line[], top: Role, bottom: Role, preferFullYear: boolean): Formula | undefined {
  const score = (l: Line, role: Role, other: Role) => roleScore(l.header, role) - roleScore(l.header, other)
  let numerator = best(amounts, (l) => score(l, top, bottom))
  const bottoms = amounts.filter((l) => l !== numerator && score(l, bottom, top) > 0)
  let denominator = (preferFullYear ? bottoms.filter((l) => isPreferredDenominator(l.header)).at(-1) : undefined) ?? best(bottoms, (l) => score(l, bottom, top))
  if (amounts.length === 2) {
    if (numerator && !denominator) denominator = amounts.find((l) => l !== numerator)
    if (denominator && !numerator) numerator = amounts.find((l) => l !== denominator)
  }
  return numerator && denominator && numerator !== denominator ? { numerator, denominator } : undefined
}

/** Two lines headed by years (2022年 | 2023年): the later year is the current one. */
function byYear(amounts: Line[]): Formula | undefined {
  if (amounts.length !== 2) return undefined
  const years = amounts.map((l) => [...l.header.matchAll(/(?:19|20)\d{2}/g)].map((m) => Number(m[0])))
  if (years.some((y) => y.length !== 1) || years[0]![0] === years[1]![0]) return undefined
  const [older, newer] = years[0]![0]! < years[1]![0]! ? [amounts[0]!, amounts[1]!] : [amounts[1]!, amounts[0]!]
  return { numerator: newer, denominator: older }
}

/** Highest positive score; the later line (nearer the rate) on a tie. */
function best(lines: Line[], score: (l: Line) => number): Line | undefined {
  let found: Line | undefined
  let top = 0
  for (const l of lines) {
    const s = score(l)
    if (s > 0 && s >= top) [found, top] = [l, s]
  }
  return found
}

function ratiosFor(rate: Line, formula: Formula): RatioRelation[] {
  const out: RatioRelation[] = []
  for (const [p, e] of rate.entries) {
    const stated = e.figure
    if (!stated || stated.kind !== 'percent' || stated.approx) continue
    const num = formula.numerator.entries.get(p)?.figure
    const den = formula.denominator.entries.get(p)?.figure
    if (!num || !den || num.approx || den.approx || !sameQuantity(num, den)) continue
    const numerator: Term[] = formula.minus ? [term(num), term(den, -1)] : [term(num)]
    const formulaText = formula.minus ? `（“${formula.numerator.header}” − “${formula.denominator.header}”）÷ “${formula.denominator.header}”` : `“${formula.numerator.header}” ÷ “${formula.denominator.header}”`
    out.push({
      kind: 'ratio',
      stated,
      numerator,
      denominator: den,
      origin: rate.axis === 'column' ? 'table-row' : 'table-column',
      note: `表中“${rate.header}” = ${formulaText}`,
    })
  }
  return out
}
