/**
 * Rounding-aware comparison, after XBRL Calculations 1.1 (as Arelle implements it): a number
 * printed with d decimals stands for the interval [v − ½·10^−d, v + ½·10^−d]; two statements
 * agree when their intervals intersect. Money is compared in 元, converting the interval
 * exactly (582.77万元 ± 0.005万元 = ± 50 元). Arithmetic is decimal, never float.
 */
import { Decimal } from 'decimal.js'
import type { Figure } from '../contract.js'
import { yuanPower } from '../extract/units.js'

export interface Interval {
  lo: Decimal
  hi: Decimal
}

export function interval(value: Decimal.Value, decimals: number): Interval {
  const v = new Decimal(value)
  const half = new Decimal(10).pow(-decimals).div(2)
  return { lo: v.minus(half), hi: v.plus(half) }
}

/**
 * A figure's interval in its canonical unit: 元 for money, percent points for percents,
 * the counted unit otherwise. A money figure written in 万元 keeps its printed precision.
 */
export function figureInterval(f: Pick<Figure, 'kind' | 'value' | 'decimals' | 'unit' | 'yuan'>): Interval {
  const power = f.kind === 'money' ? yuanPower(f.unit) : undefined
  if (power === undefined) return interval(f.value, f.decimals)
  const scale = new Decimal(10).pow(power)
  const base = interval(f.value, f.decimals)
  return { lo: base.lo.times(scale), hi: base.hi.times(scale) }
}

export function intersects(a: Interval, b: Interval): boolean {
  return a.lo.lte(b.hi) && b.lo.lte(a.hi)
}
