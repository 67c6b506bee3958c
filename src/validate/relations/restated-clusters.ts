/**
 * Groups the statements of one restated quantity by value, rounding-aware: two statements
 * agree when their printed intervals intersect (318.46万元 and 3,184,552.10元 do). A gap no
 * larger than one unit of the coarser figure's last printed digit (127.05万 beside
 * 1,270,538元: 127.0538 cut, not rounded; 318.44 beside 318.46) is a minor difference of its own.
 * The largest group is taken as the reference; every other group deviates from it.
 */
import { Decimal } from 'decimal.js'
import type { Figure } from '../../contract.js'
import { figureInterval, gap, intersects, powerOfTen, unitScale } from '../interval.js'

export interface ValueGroup {
  /** In document order. */
  figures: Figure[]
}

export interface Comparison {
  reference: ValueGroup
  /** Groups that differ from the reference beyond truncation. */
  deviations: ValueGroup[]
  /** Pairs that differ by a truncation only: [coarser, finer]. */
  truncations: Array<[Figure, Figure]>
}

/** Compares the figures of a restatement; null when fewer than two can be compared. */
export function compareRestated(figures: readonly Figure[]): Comparison | null {
  // A bound (≦100%) is not a value to compare.
  const values = figures.filter((f) => !f.comparator)
  if (values.length < 2) return null
  const strict = unite(values, (a, b) => intersects(figureInterval(a), figureInterval(b)))
  const loose = unite(values, (a, b) => intersects(figureInterval(a), figureInterval(b)) || truncated(a, b))
  const truncations: Array<[Figure, Figure]> = []
  for (const group of loose) {
    const parts = strict.filter((s) => group.figures.includes(s.figures[0]!))
    if (parts.length < 2) continue
    for (let i = 1; i < parts.length; i++) {
      const a = parts[0]!.figures[0]!
      const b = parts[i]!.figures[0]!
      truncations.push(coarseness(a).gte(coarseness(b)) ? [a, b] : [b, a])
    }
  }
  const reference = loose.reduce((best, g) => (g.figures.length > best.figures.length ? g : best))
  return { reference, deviations: loose.filter((g) => g !== reference), truncations }
}

/** One unit of the last printed digit, in the canonical unit (0.01万元 → 100元). */
function coarseness(f: Figure): Decimal {
  return powerOfTen(-f.decimals).times(unitScale(f))
}

/**
 * Within one unit of the coarser figure's last digit — for whole numbers only when the two are
 * printed at different precision (31人 against 33人 is no rounding matter, 127.05万 against
 * 1,270,538元 is).
 */
function truncated(a: Figure, b: Figure): boolean {
  if (a.kind !== b.kind) return false
  const [ca, cb] = [coarseness(a), coarseness(b)]
  const coarser = ca.gte(cb) ? a : b
  if (ca.eq(cb) && coarser.decimals <= 0) return false
  return gap(figureInterval(a), figureInterval(b)).lte(Decimal.max(ca, cb))
}

/** Connected groups under `same`, each in document order, groups ordered by first figure. */
function unite(figures: Figure[], same: (a: Figure, b: Figure) => boolean): ValueGroup[] {
  const parent = figures.map((_, i) => i)
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)))
  for (let i = 0; i < figures.length; i++) for (let j = i + 1; j < figures.length; j++) if (same(figures[i]!, figures[j]!)) parent[find(i)] = find(j)
  const groups = new Map<number, Figure[]>()
  figures.forEach((f, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), f]))
  return [...groups.values()].map((g) => ({ figures: g.sort((a, b) => a.start - b.start) })).sort((a, b) => a.figures[0]!.start - b.figures[0]!.start)
}
