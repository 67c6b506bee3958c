/**
 * Whether a SumRelation or RatioRelation holds, rounding-aware (DESIGN.md §4), with what the
 * rules need to word and grade a finding: the exact value of the printed operands, the
 * interval they stand for, the gap, the unit of the least precise digit. Shared by the rules
 * (sum-mismatch, ratio-mismatch, sign-mismatch) and by the wording sources that choose
 * between readings of a sentence. Source-agnostic: relations from tables and the record
 * are evaluated the same way.
 */
import { Decimal } from 'decimal.js'
import type { Figure } from '../../contract.js'
import { type Interval, figureInterval, gap, intersects, ratio, siblingDecimals, sumOf, unitScale } from '../interval.js'
import type { RatioRelation, SumRelation, Term } from './types.js'

/** A figure's printed value in its canonical unit (元 for money). */
export function exactValue(f: Figure): Decimal {
  return new Decimal(f.value).times(unitScale(f))
}

/** Each figure's precision, a bare integer among siblings of its unit read at their precision. */
export function precisionOf(figures: Figure[]): (f: Figure) => number {
  const byUnit = new Map<string, Figure[]>()
  for (const f of figures) byUnit.set(f.unit, [...(byUnit.get(f.unit) ?? []), f])
  const per = new Map([...byUnit].map(([unit, group]) => [unit, siblingDecimals(group)]))
  return (f) => per.get(f.unit)!(f)
}

/** One unit of the least precise digit among the figures, in canonical units. */
function coarsestUnit(figures: Figure[], decimals: (f: Figure) => number): Decimal {
  return Decimal.max(...figures.map((f) => new Decimal(10).pow(-decimals(f)).times(unitScale(f))))
}

export interface SumCheck {
  holds: boolean
  /** Σ sign·part as printed. */
  exact: Decimal
  parts: Interval
  total: Interval
  /** Distance between the two intervals (0 when they meet). */
  gap: Decimal
  /** One unit of the least precise printed digit involved. */
  unit: Decimal
  /** An approximate figure (多, 约 …) is involved. */
  approx: boolean
}

/** null when the relation cannot be checked (a bound such as ≤ among its figures). */
export function checkSum(rel: SumRelation): SumCheck | null {
  const figures = [rel.total, ...rel.parts.map((t) => t.figure)]
  if (figures.some((f) => f.comparator)) return null
  const decimals = precisionOf(figures)
  const parts = sumOf(rel.parts.map((t) => ({ interval: figureInterval(t.figure, decimals(t.figure)), sign: t.sign })))
  const total = figureInterval(rel.total, decimals(rel.total))
  const onlyAdded = rel.parts.every((t) => t.sign === 1)
  // A partial list contradicts its total only when its parts exceed it.
  const holds = rel.complete || !onlyAdded ? intersects(parts, total) : parts.lo.lte(total.hi)
  return {
    holds,
    exact: signedSum(rel.parts),
    parts,
    total,
    gap: gap(parts, total),
    unit: coarsestUnit(figures, decimals),
    approx: figures.some((f) => f.approx),
  }
}

export interface RatioCheck {
  /** The printed operands give the stated rate (after rounding to its precision). */
  holds: boolean
  /** The rounding intervals of the operands allow the stated rate. */
  holdsWithinRounding: boolean
  /** Only the sign is wrong: the magnitude fits. */
  signOnly: boolean
  /** The stated rate is the computed one cut off, not rounded (99.9 → 99). */
  truncated: boolean
  /** The rate from the printed operands, in percent. */
  exact: Decimal
  computed: Interval
  stated: Interval
  /** Distance from the exact rate to the stated interval, in percentage points. */
  gap: Decimal
  /** One unit of the stated rate's last digit. */
  unit: Decimal
  approx: boolean
}

/** null when the denominator is zero or may be, or the stated figure is not a percentage. */
export function checkRatio(rel: RatioRelation): RatioCheck | null {
  if (rel.stated.kind !== 'percent') return null
  const operands = [...rel.numerator.map((t) => t.figure), rel.denominator]
  if (operands.some((f) => f.comparator)) return null
  const decimals = precisionOf(operands)
  const num = sumOf(rel.numerator.map((t) => ({ interval: figureInterval(t.figure, decimals(t.figure)), sign: t.sign })))
  const computed = ratio(num, figureInterval(rel.denominator, decimals(rel.denominator)))
  const den = exactValue(rel.denominator)
  if (!computed || den.isZero()) return null
  const exact = signedSum(rel.numerator).div(den).times(100)
  const stated = statedInterval(rel.stated)
  const inStated = (v: Decimal) => stated.lo.lte(v) && v.lte(stated.hi)
  const unit = new Decimal(10).pow(-rel.stated.decimals)
  const value = new Decimal(rel.stated.value)
  const holds = inStated(exact)
  return {
    holds,
    holdsWithinRounding: intersects(computed, stated),
    signOnly: !holds && !exact.isZero() && inStated(exact.neg()) && !rel.stated.comparator,
    truncated: !rel.stated.comparator && exact.abs().gte(value.abs()) && exact.abs().lt(value.abs().plus(unit)) && exact.isNeg() === value.isNeg(),
    exact,
    computed,
    stated,
    gap: gap({ lo: exact, hi: exact }, stated),
    unit,
    approx: [rel.stated, ...operands].some((f) => f.approx),
  }
}

/**
 * The interval a stated rate stands for; a bound (≤100%) is open on its other side.
 * “≤100%” is read with its rounding: 100.4% would still be printed 100%.
 */
export function statedInterval(f: Figure): Interval {
  const printed = figureInterval(f)
  if (f.comparator === '<=' || f.comparator === '<') return { lo: new Decimal(-Infinity), hi: printed.hi }
  if (f.comparator === '>=' || f.comparator === '>') return { lo: printed.lo, hi: new Decimal(Infinity) }
  return printed
}

function signedSum(terms: Term[]): Decimal {
  return terms.reduce((acc, t) => (t.sign === 1 ? acc.plus(exactValue(t.figure)) : acc.minus(exactValue(t.figure))), new Decimal(0))
}
