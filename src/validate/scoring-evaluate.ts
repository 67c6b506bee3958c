/**
 * What a parsed criterion allows: the points it gives a measured value, and the values a
 * score can take at all when the criterion is a scale (6 / 3 / 0) or a count of
 * deductions (8 − 2k). Every answer is a set of closed spans of points, wide enough to
 * hold every honest reading — a step partly crossed (9.55 points below, 每低于5%扣2分)
 * may count as one step or two, so both are allowed.
 */
import { Decimal } from 'decimal.js'
import { contains } from './scoring-conditions.js'
import type { Criterion, Points, Step } from './scoring-criteria.js'

/** Closed span of points: 6–6 for 计6分, 1–3 for a step partly crossed. */
export interface PointSpan {
  lo: number
  hi: number
}

function pointsOf(points: Points, weight: number | null): PointSpan | null {
  if (points === 'full') return weight === null ? null : { lo: weight, hi: weight }
  return { lo: points.lo, hi: points.hi }
}

/**
 * Points the criterion gives the measured value `x`; null when no numeric part of the
 * criterion speaks about `x` (or the criterion is open, or needs an unknown 分值).
 * Bands in words (没有项目的按满分计算) are added as alternatives once some numeric part applies.
 */
export function scoreAt(c: Criterion, x: number, weight: number | null): PointSpan[] | null {
  if (c.open) return null
  const out: PointSpan[] = []
  for (const band of c.bands) {
    if (!band.when || !contains(band.when, x)) continue
    const p = pointsOf(band.points, weight)
    if (!p) return null
    out.push(p)
  }
  for (const step of c.steps) {
    const s = stepAt(step, x, weight, c.cap)
    if (s === undefined) return null
    if (s) out.push(s)
  }
  if (out.length === 0) {
    // x on the good side of every step and no band about it: the steps' base holds.
    const bases = c.steps.filter((s) => s.direction && s.anchor !== null && onGoodSide(s, x))
    for (const s of bases) {
      const p = pointsOf(s.base, weight)
      if (p) out.push(p)
    }
  }
  if (out.length === 0) return null
  for (const band of c.bands) {
    if (band.when) continue
    const p = pointsOf(band.points, weight)
    if (p) out.push(p)
  }
  return out
}

function onGoodSide(step: Step, x: number): boolean {
  return step.direction === 'above' ? x <= step.anchor! : x >= step.anchor!
}

/** The span a step gives `x`; null when it does not apply, undefined when it cannot be read. */
function stepAt(step: Step, x: number, weight: number | null, cap: number | null): PointSpan | null | undefined {
  if (!step.direction || step.anchor === null) return null
  if (step.when && !contains(step.when, x)) return null
  if (onGoodSide(step, x)) return null
  const base = pointsOf(step.base, weight)
  if (!base) return undefined
  const beyond = new Decimal(x).minus(step.anchor).abs().div(step.per)
  // Points left after n steps: never below 0 (扣完为止), never more lost than the cap (最多扣3分).
  const at = (n: Decimal, from: number) => {
    const lost = n.times(step.deduct)
    return Decimal.max(0, new Decimal(from).minus(cap === null ? lost : Decimal.min(lost, cap))).toNumber()
  }
  return { lo: at(beyond.ceil(), base.lo), hi: at(beyond.floor(), base.hi) }
}

/**
 * The values a score may take whatever was measured, when the criterion is a scale: every
 * band gives fixed points, the scale reaches the full 分值 and offers at least two values.
 * Null otherwise (a step or a judgement makes other values possible; a list of sub-items
 * worth 2分 each adds up instead of choosing).
 */
export function scaleValues(c: Criterion, weight: number | null): PointSpan[] | null {
  if (c.open || c.steps.length > 0 || c.perCase.length > 0 || c.bands.length < 2) return null
  const spans = c.bands.map((b) => pointsOf(b.points, weight))
  if (spans.some((s) => s === null)) return null
  const values = spans as PointSpan[]
  const distinct = new Set(values.map((s) => `${s.lo}-${s.hi}`))
  if (distinct.size < 2) return null
  const top = Math.max(...values.map((s) => s.hi))
  if (weight === null || top !== weight) return null
  return values
}

/**
 * For a criterion that only deducts per case (每出现一例扣2分) from the full 分值: whether
 * `score` can be reached — 分值 minus a whole number of deductions, or 0 once they run out.
 * Null when the criterion is not of that kind.
 */
export function reachableByDeductions(c: Criterion, weight: number | null, score: number): boolean | null {
  if (c.open || weight === null || c.steps.length > 0 || c.perCase.length === 0) return null
  if (c.bands.some((b) => b.when !== null || (b.points !== 'full' && b.points.hi !== weight))) return null
  if (score === 0 || score === weight) return true
  if (score < 0 || score > weight) return false
  const lost = new Decimal(weight).minus(score)
  if (c.cap !== null && lost.gt(c.cap)) return false
  // Any mix of the deductions: a multiple of their greatest common divisor (in 0.01 points).
  const cents = c.perCase.map((d) => Math.round(d * 100))
  const unit = cents.reduce(gcd)
  return unit > 0 && lost.times(100).mod(unit).isZero()
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b)
}

export function inSpans(spans: readonly PointSpan[], value: number): boolean {
  return spans.some((s) => value >= s.lo - 1e-9 && value <= s.hi + 1e-9)
}

/** Overlapping spans joined: 2.5–3 and 2–2.5 → 2–3. */
export function mergeSpans(spans: readonly PointSpan[]): PointSpan[] {
  const out: PointSpan[] = []
  for (const s of [...spans].sort((a, b) => a.lo - b.lo)) {
    const last = out.at(-1)
    if (last && s.lo <= last.hi + 1e-9) last.hi = Math.max(last.hi, s.hi)
    else out.push({ ...s })
  }
  return out
}

/** 6、3、0 or 1–3 for messages, highest first. */
export function formatSpans(spans: readonly PointSpan[]): string {
  return mergeSpans(spans)
    .reverse()
    .map((s) => (s.lo === s.hi ? `${s.lo}` : `${s.lo}–${s.hi}`))
    .join('、')
}

/** The span from the lowest to the highest value allowed. */
export function hull(spans: readonly PointSpan[]): PointSpan {
  return { lo: Math.min(...spans.map((s) => s.lo)), hi: Math.max(...spans.map((s) => s.hi)) }
}
