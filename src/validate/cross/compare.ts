/**
 * Comparing figures of different documents, rounding-aware (../interval.ts): two statements
 * agree when the intervals of their printed precision meet — 10.8万元 and 108,000元 agree,
 * 10.80万元 and 11.30万元 do not. A gap no larger than one unit of the coarser figure's last
 * digit is a truncation (10.8万 beside 108,460元), reported softly.
 */
import { Decimal } from 'decimal.js'
import type { StoredFigure } from '../../store/cross-queries.js'
import { yuanPower } from '../../extract/units.js'
import { figureInterval, gap, intersects, unitScale } from '../interval.js'

export function agree(a: StoredFigure, b: StoredFigure): boolean {
  return comparable(a, b) && intersects(figureInterval(a), figureInterval(b))
}

/** Money with money, percent with percent, counts with counts of the same unit. */
export function comparable(a: StoredFigure, b: StoredFigure): boolean {
  if (a.kind !== b.kind) return false
  return a.kind === 'money' || a.unit === b.unit
}

/**
 * The figure states exactly `value` (in the canonical unit, as record_fields holds it): a
 * cheap first test before interval arithmetic, since most statements of a quantity are equal.
 */
export function sameValue(f: StoredFigure, value: number): boolean {
  const power = f.kind === 'money' ? (yuanPower(f.unit) ?? 0) : 0
  const mine = f.value * 10 ** power
  return Math.abs(mine - value) <= 1e-9 * Math.max(1, Math.abs(value))
}

/** The gap between the two is at most one unit of the coarser figure's last printed digit. */
export function withinLastDigit(a: StoredFigure, b: StoredFigure): boolean {
  const lastDigit = (f: StoredFigure) => new Decimal(10).pow(-f.decimals).times(unitScale(f))
  return gap(figureInterval(a), figureInterval(b)).lte(Decimal.max(lastDigit(a), lastDigit(b)))
}

/** The value in the canonical unit (元 for money). */
export function canonical(f: StoredFigure): Decimal {
  return new Decimal(f.value).times(unitScale(f))
}

/** `other` in the unit `stated` is written in (108,000元 → 10.8 for a 万元 figure). */
export function inUnitOf(other: StoredFigure, stated: StoredFigure): number {
  return canonical(other).div(unitScale(stated)).toNumber()
}

/** As written, with a unit taken from a table header added: 10.80万元, 92.75万元. */
export function written(f: StoredFigure): string {
  const raw = f.raw.replace(/\s+/g, '')
  return f.unitInferred && !raw.endsWith(f.unit) ? `${raw}${f.unit}` : raw
}

/** |a − b| in the unit `a` is written in: 0.5万元, 320元, 2.5个百分点. */
export function difference(a: StoredFigure, b: StoredFigure): string {
  const d = canonical(a).minus(canonical(b)).abs().div(unitScale(a))
  return `${d.toDecimalPlaces(4).toString()}${a.unit === '%' ? '个百分点' : a.unit}`
}
