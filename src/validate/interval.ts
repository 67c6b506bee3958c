/**
 * Rounding-aware comparison, after XBRL Calculations 1.1 (as Arelle implements it): a number
 * printed with d decimals stands for the interval [v − ½·10^−d, v + ½·10^−d]; a relation holds
 * when the interval computed from the parts intersects the stated one. Extended here from
 * sums to differences, ratios and products. Money is compared in 元, converting intervals
 * exactly (612.45万元 ± 0.005万元 = ± 50 元). Arithmetic is decimal, never float.
 */
import { Decimal } from 'decimal.js'
import type { Figure } from '../contract.js'
import { yuanPower } from '../extract/units.js'

export interface Interval {
  lo: Decimal
  hi: Decimal
}

type Printed = Pick<Figure, 'kind' | 'value' | 'decimals' | 'unit'>

export function interval(value: Decimal.Value, decimals: number): Interval {
  const v = new Decimal(value)
  const half = halfUnit(decimals)
  return { lo: v.minus(half), hi: v.plus(half) }
}

/**
 * 10^exponent. Decimal's pow with a negative exponent is a division, and every interval,
 * unit and precision check asked for the same few powers again (≈ 2% of a TXT analysis);
 * Decimal values are immutable, so one per exponent is shared.
 */
export function powerOfTen(exponent: number): Decimal {
  let power = POWERS.get(exponent)
  if (!power) POWERS.set(exponent, (power = new Decimal(10).pow(exponent)))
  return power
}
const POWERS = new Map<number, Decimal>()

/** ½·10^−decimals: half a unit of the last printed digit. */
function halfUnit(decimals: number): Decimal {
  let half = HALVES.get(decimals)
  if (!half) HALVES.set(decimals, (half = powerOfTen(-decimals).div(2)))
  return half
}
const HALVES = new Map<number, Decimal>()

export function exact(value: Decimal.Value): Interval {
  const v = new Decimal(value)
  return { lo: v, hi: v }
}

/** How many 元 one unit of a money figure is (万元 → 10^4); 1 for anything else. */
export function unitScale(f: Pick<Figure, 'kind' | 'unit'>): Decimal {
  const power = (f.kind === 'money' ? yuanPower(f.unit) : undefined) ?? 0
  return powerOfTen(power)
}

/**
 * A figure's interval in its canonical unit: 元 for money, percent points for percents,
 * the counted unit otherwise. `decimals` overrides the printed precision (a bare 30 among
 * siblings printed as 29.99 is read as 30.00).
 */
export function figureInterval(f: Printed, decimals = f.decimals): Interval {
  // Every rule and relation source asks for the same figures' intervals again and again;
  // decimal arithmetic allocates, so each (figure, precision) is computed once. Intervals are
  // immutable (Decimal operations return new values), so sharing them is safe.
  let byPrecision = cache.get(f)
  if (!byPrecision) cache.set(f, (byPrecision = new Map()))
  const hit = byPrecision.get(decimals)
  if (hit) return hit
  const scale = unitScale(f)
  const base = interval(f.value, decimals)
  const computed = { lo: base.lo.times(scale), hi: base.hi.times(scale) }
  byPrecision.set(decimals, computed)
  return computed
}

/** Per figure object, so a document's cache goes when its figures do. */
const cache = new WeakMap<Printed, Map<number, Interval>>()

export function intersects(a: Interval, b: Interval): boolean {
  return a.lo.lte(b.hi) && b.lo.lte(a.hi)
}

export function add(a: Interval, b: Interval): Interval {
  return { lo: a.lo.plus(b.lo), hi: a.hi.plus(b.hi) }
}

export function negate(a: Interval): Interval {
  return { lo: a.hi.neg(), hi: a.lo.neg() }
}

/** Σ sign·interval. */
export function sumOf(terms: Array<{ interval: Interval; sign: 1 | -1 }>): Interval {
  return terms.reduce<Interval>((acc, t) => add(acc, t.sign === 1 ? t.interval : negate(t.interval)), exact(0))
}

/**
 * num / den × scale, for a denominator that does not straddle zero (null when it does: the
 * ratio is then unbounded and proves nothing).
 */
export function ratio(num: Interval, den: Interval, scale: Decimal.Value = 100): Interval | null {
  if (den.lo.lte(0) && den.hi.gte(0)) return null
  const candidates = [num.lo.div(den.lo), num.lo.div(den.hi), num.hi.div(den.lo), num.hi.div(den.hi)]
  const k = new Decimal(scale)
  const lo = Decimal.min(...candidates).times(k)
  const hi = Decimal.max(...candidates).times(k)
  return { lo, hi }
}

export function multiply(a: Interval, b: Interval): Interval {
  const c = [a.lo.times(b.lo), a.lo.times(b.hi), a.hi.times(b.lo), a.hi.times(b.hi)]
  return { lo: Decimal.min(...c), hi: Decimal.max(...c) }
}

export function midpoint(a: Interval): Decimal {
  return a.lo.plus(a.hi).div(2)
}

/**
 * The gap between two intervals that do not intersect, in the canonical unit (0 when they do).
 * Rules use it to tell a one-digit rounding slip from a real difference.
 */
export function gap(a: Interval, b: Interval): Decimal {
  if (intersects(a, b)) return new Decimal(0)
  return a.hi.lt(b.lo) ? b.lo.minus(a.hi) : a.lo.minus(b.hi)
}

/**
 * The precision parts of one group are read at: a bare integer among siblings printed with
 * decimals (30万元 beside 29.99万元) is taken at the siblings' precision, since writers drop
 * trailing zeros, not digits.
 */
export function siblingDecimals(figures: Printed[]): (f: Printed) => number {
  const finest = Math.max(...figures.map((f) => f.decimals))
  return (f) => (f.decimals === 0 && finest > 0 && Number.isInteger(f.value) ? finest : f.decimals)
}

/** A value in a figure's own unit for messages: 582.76万元, 98.79%. */
export function formatIn(value: Decimal, f: Pick<Figure, 'kind' | 'unit'>, decimals = 2): string {
  const inUnit = value.div(unitScale(f))
  return `${inUnit.toDecimalPlaces(decimals).toString()}${f.unit}`
}
