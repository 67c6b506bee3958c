/**
 * Numbers in finding messages, so that a message shows the arithmetic the way the report
 * writes it: each figure as printed, converted to the unit of the figure it is compared
 * with when the units differ (12,000元 beside 1.5万元 → 1.2), results at the operands'
 * precision (85 + 25 + 94 = 204件; 6.59 − 7.28 = −0.69万元).
 */
import { Decimal } from 'decimal.js'
import type { Figure } from '../../contract.js'
import { unitScale } from '../interval.js'
import type { RatioRelation, Term } from './types.js'
import { exactValue } from './wording-evaluate.js'

/** A figure's number in the unit of `unitOf`: as printed when the units agree. */
export function numberIn(f: Figure, unitOf: Figure): string {
  if (f.unit === unitOf.unit && !f.malformed) return plain(new Decimal(f.value), f.decimals)
  return exactValue(f).div(unitScale(unitOf)).toString()
}

/** “a + b − c” for terms, each in the unit of `unitOf`. */
export function termsText(terms: Term[], unitOf: Figure): string {
  return terms.map((t, k) => `${k === 0 ? (t.sign === -1 ? '−' : '') : t.sign === -1 ? ' − ' : ' + '}${numberIn(t.figure, unitOf)}`).join('')
}

/** A value in canonical units, shown in the unit of `unitOf` with `decimals` places. */
export function valueIn(value: Decimal, unitOf: Figure, decimals: number): string {
  const v = value.div(unitScale(unitOf)).toDecimalPlaces(Math.max(0, decimals))
  return `${minus(v.toFixed(Math.max(0, decimals)))}${unitOf.unit}`
}

/** The most decimals among the terms, counted in the unit of `unitOf`. */
export function decimalsIn(figures: Figure[], unitOf: Figure): number {
  return Math.max(
    0,
    ...figures.map((f) => {
      const shift = Math.round(Math.log10(unitScale(unitOf).div(unitScale(f)).toNumber()))
      return f.decimals + shift
    }),
  )
}

/** A percentage with `decimals` places: −9.48%. */
export function percentText(value: Decimal, decimals: number): string {
  return `${minus(value.toFixed(Math.max(0, decimals)))}%`
}

function plain(v: Decimal, decimals: number): string {
  return minus(v.toFixed(Math.max(0, decimals)))
}

function minus(s: string): string {
  return s.startsWith('-') ? `−${s.slice(1)}` : s
}

/**
 * Evidence of a ratio: the stated rate, then each operand once — a figure both subtracted
 * and divided by ((A − B) / B) appears once, with both roles.
 */
export function ratioEvidence(rel: RatioRelation): Array<{ figure: Figure; role: string }> {
  const out: Array<{ figure: Figure; role: string }> = [{ figure: rel.stated, role: 'stated' }]
  for (const t of rel.numerator) if (!out.some((e) => e.figure === t.figure)) out.push({ figure: t.figure, role: 'numerator' })
  const shared = out.find((e) => e.figure === rel.denominator)
  if (shared) shared.role = `${shared.role}, denominator`
  else out.push({ figure: rel.denominator, role: 'denominator' })
  return out
}
