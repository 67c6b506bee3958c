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
import { type Interval, figureInterval, gap, intersects, powerOfTen, ratio, siblingDecimals, sumOf, unitScale } from '../interval.js'
import type { RatioRelation, SumRelation, Term } from './types.js'

/** A figure's printed value in its canonical unit (元 for money). */
export function exactValue(f: Figure): Decimal {
  // Asked for the same figures by every check and rule: computed once per figure object
  // (Decimal values are immutable, so sharing them is safe).
  let value = exactValues.get(f)
  if (!value) exactValues.set(f, (value = new Decimal(f.value).times(unitScale(f))))
  return value
}
const exactValues = new WeakMap<Figure, Decimal>()

/** Each figure's precision, a bare integer among siblings of its unit read at their precision. */
export function precisionOf(figures: Figure[]): (f: Figure) => number {
  const byUnit = new Map<string, Figure[]>()
  for (const f of figures) byUnit.set(f.unit, [...(byUnit.get(f.unit) ?? []), f])
  const per = new Map([...byUnit].map(([unit, group]) => [unit, siblingDecimals(group)]))
  return (f) => per.get(f.unit)!(f)
}

/** One unit of the least precise digit among the figures, in canonical units. */
function coarsestUnit(figures: Figure[], decimals: (f: Figure) => number): Decimal {
  return Decimal.max(...figures.map((f) => powerOfTen(-decimals(f)).times(unitScale(f))))
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

/**
 * Relations are immutable once found and several rules and sources evaluate the same one
 * (ratio-mismatch and sign-mismatch every ratio, a wording source the reading it keeps):
 * each relation object is evaluated once.
 */
const sumChecks = new WeakMap<SumRelation, SumCheck | null>()
const ratioChecks = new WeakMap<RatioRelation, RatioCheck | null>()

/** null when the relation cannot be checked (a bound such as ≤ among its figures). */
export function checkSum(rel: SumRelation): SumCheck | null {
  let check = sumChecks.get(rel)
  if (check === undefined) sumChecks.set(rel, (check = evaluateSum(rel)))
  return check
}

function evaluateSum(rel: SumRelation): SumCheck | null {
  const figures = [rel.total, ...rel.parts.map((t) => t.figure)]
  if (figures.some((f) => f.comparator)) return null
  const decimals = precisionOf(figures)
  const parts = sumOf(rel.parts.map((t) => ({ interval: figureInterval(t.figure, decimals(t.figure)), sign: t.sign })))
  const total = figureInterval(rel.total, decimals(rel.total))
  const onlyAdded = rel.parts.every((t) => t.sign === 1)
  // A partial list contradicts its total only when its parts exceed it.
  const holds = rel.complete || !onlyAdded ? intersects(parts, total) : parts.lo.lte(total.hi)
  return new SumEvaluation(holds, parts, total, figures.some((f) => f.approx), rel, figures, decimals)
}

/**
 * A SumCheck whose wording details — the exact sum, the gap, the unit — are computed when
 * first read: most relations hold and are never worded, and the decimal arithmetic for them
 * was a good part of the checks' cost. Same values as computing them at once (pure functions
 * of the relation).
 */
class SumEvaluation implements SumCheck {
  #exact: Decimal | undefined
  #gap: Decimal | undefined
  #unit: Decimal | undefined

  constructor(
    readonly holds: boolean,
    readonly parts: Interval,
    readonly total: Interval,
    readonly approx: boolean,
    private readonly rel: SumRelation,
    private readonly figures: Figure[],
    private readonly decimals: (f: Figure) => number,
  ) {}

  get exact(): Decimal {
    return (this.#exact ??= signedSum(this.rel.parts))
  }

  get gap(): Decimal {
    return (this.#gap ??= gap(this.parts, this.total))
  }

  get unit(): Decimal {
    return (this.#unit ??= coarsestUnit(this.figures, this.decimals))
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
  let check = ratioChecks.get(rel)
  if (check === undefined) ratioChecks.set(rel, (check = evaluateRatio(rel)))
  return check
}

function evaluateRatio(rel: RatioRelation): RatioCheck | null {
  if (rel.stated.kind !== 'percent') return null
  const operands = [...rel.numerator.map((t) => t.figure), rel.denominator]
  if (operands.some((f) => f.comparator)) return null
  const decimals = precisionOf(operands)
  // ratio() is null exactly when the denominator's interval holds zero; its four divisions
  // are left to the first read of `computed`.
  const denominator = figureInterval(rel.denominator, decimals(rel.denominator))
  const den = exactValue(rel.denominator)
  if ((denominator.lo.lte(0) && denominator.hi.gte(0)) || den.isZero()) return null
  const numerator = () => sumOf(rel.numerator.map((t) => ({ interval: figureInterval(t.figure, decimals(t.figure)), sign: t.sign })))
  const exact = signedSum(rel.numerator).div(den).times(100)
  const stated = statedInterval(rel.stated)
  return new RatioEvaluation(rel.stated, exact, stated, [rel.stated, ...operands].some((f) => f.approx), () => ratio(numerator(), denominator)!)
}

/**
 * A RatioCheck that decides `holds` at once and computes the rest — the interval of the
 * operands' ratio (four decimal divisions), the sign and truncation readings, the gap — when
 * first read: only a failing relation is worded, and wording-rates asks only for
 * holdsWithinRounding. Same values as computing them at once.
 */
class RatioEvaluation implements RatioCheck {
  readonly holds: boolean
  readonly unit: Decimal
  #computed: Interval | undefined
  #gap: Decimal | undefined

  constructor(
    private readonly statedFigure: Figure,
    readonly exact: Decimal,
    readonly stated: Interval,
    readonly approx: boolean,
    private readonly computeInterval: () => Interval,
  ) {
    this.holds = this.inStated(exact)
    this.unit = powerOfTen(-statedFigure.decimals)
  }

  private inStated(v: Decimal): boolean {
    return this.stated.lo.lte(v) && v.lte(this.stated.hi)
  }

  get computed(): Interval {
    return (this.#computed ??= this.computeInterval())
  }

  get holdsWithinRounding(): boolean {
    return intersects(this.computed, this.stated)
  }

  get signOnly(): boolean {
    return !this.holds && !this.exact.isZero() && this.inStated(this.exact.neg()) && !this.statedFigure.comparator
  }

  get truncated(): boolean {
    const { exact, unit } = this
    const value = new Decimal(this.statedFigure.value)
    return !this.statedFigure.comparator && exact.abs().gte(value.abs()) && exact.abs().lt(value.abs().plus(unit)) && exact.isNeg() === value.isNeg()
  }

  get gap(): Decimal {
    return (this.#gap ??= gap({ lo: this.exact, hi: this.exact }, this.stated))
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
