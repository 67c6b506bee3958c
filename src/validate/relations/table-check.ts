/**
 * How a table relation source decides between readings of a table. Where the structure is
 * plain (one way to read which rows a 合计 row sums) the relation is emitted whether or not it
 * holds; where several readings are possible (nested 一、/（一） rows, 其中 lists, 科目 levels),
 * the reading that holds in the table's other columns is the one the table meant, and if
 * none holds anywhere nothing is emitted — an interpretive relation must not accuse.
 *
 * “Holds” is the rounding-aware test of interval.ts (XBRL Calculations 1.1), the same one the
 * sum-mismatch and ratio-mismatch rules apply.
 */
import type { Figure } from '../../contract.js'
import { yuanPower } from '../../extract/units.js'
import { figureInterval, intersects, ratio, siblingDecimals, sumOf } from '../interval.js'
import type { RatioRelation, SumRelation, Term } from './types.js'

export function sumHolds(relation: Pick<SumRelation, 'total' | 'parts'>): boolean {
  if (!mayHold(relation)) return false
  const dec = siblingDecimals([relation.total, ...relation.parts.map((p) => p.figure)])
  const computed = sumOf(relation.parts.map((p) => ({ interval: figureInterval(p.figure, dec(p.figure)), sign: p.sign })))
  return intersects(computed, figureInterval(relation.total, dec(relation.total)))
}

/**
 * A float pre-check that only rules out: the gap is wider than every figure's rounding
 * together (at printed precision, which is never finer than the decimal test's). Choosing a
 * reading tries many row sets; most miss by far, and need no decimal arithmetic to say so.
 */
function mayHold({ total, parts }: Pick<SumRelation, 'total' | 'parts'>): boolean {
  const scale = (f: Figure) => (f.kind === 'money' ? 10 ** (yuanPower(f.unit) ?? 0) : 1)
  const half = (f: Figure) => 0.5 * 10 ** -f.decimals * scale(f)
  let diff = total.value * scale(total)
  let slack = half(total)
  for (const p of parts) {
    diff -= p.sign * p.figure.value * scale(p.figure)
    slack += half(p.figure)
  }
  return Math.abs(diff) <= slack * 1.000001 + 1e-9 * Math.abs(total.value * scale(total))
}

export function ratioHolds(relation: Pick<RatioRelation, 'stated' | 'numerator' | 'denominator'>): boolean {
  const amounts = [...relation.numerator.map((t) => t.figure), relation.denominator]
  const dec = siblingDecimals(amounts)
  const num = sumOf(relation.numerator.map((t) => ({ interval: figureInterval(t.figure, dec(t.figure)), sign: t.sign })))
  const computed = ratio(num, figureInterval(relation.denominator, dec(relation.denominator)))
  return computed !== null && intersects(computed, figureInterval(relation.stated))
}

/** Money with money, a count with a count of the same unit, a share with shares. */
export function sameQuantity(a: Figure, b: Figure): boolean {
  if (a.kind !== b.kind) return false
  if (a.kind === 'money') return isPlainMoney(a) && isPlainMoney(b)
  return a.unit === b.unit
}

/** 元 / 万元 / 亿元, not a rate per person (元/人/天). */
export function isPlainMoney(f: Figure): boolean {
  return f.kind === 'money' && /^[万亿]?元$/u.test(f.unit)
}

export function allSameQuantity(total: Figure, terms: Term[]): boolean {
  return terms.every((t) => sameQuantity(total, t.figure))
}

/**
 * Picks, per position, the relation of the reading the table supports. `readings[k][p]` is
 * reading k's relation at position p (undefined where it cannot be formed).
 * One reading: all of it. Several: the one that holds at the most positions, if that is
 * unique and holds somewhere; on a tie, at each position a tied reading that holds there.
 */
export function chooseReading<R>(readings: Array<Array<R | undefined>>, holds: (r: R) => boolean): R[] {
  if (readings.length === 0) return []
  if (readings.length === 1) return readings[0]!.filter((r): r is R => r !== undefined)
  const scores = readings.map((reading) => reading.filter((r) => r !== undefined && holds(r)).length)
  const best = Math.max(...scores)
  if (best === 0) return []
  const tied = readings.filter((_, k) => scores[k] === best)
  if (tied.length === 1) return tied[0]!.filter((r): r is R => r !== undefined)
  const width = Math.max(...readings.map((r) => r.length))
  const out: R[] = []
  for (let p = 0; p < width; p++) {
    const r = tied.map((reading) => reading[p]).find((x) => x !== undefined && holds(x))
    if (r !== undefined) out.push(r)
  }
  return out
}
