/**
 * Numbering sequences across styles, and the level each sequence stands for.
 *
 * When Word auto-numbering is lost or an author mistypes, one sequence mixes styles:
 * 一、二、三、4、5、6、七、 or （一）（2）（三） or （1）（二）（三）. The shape (、 vs
 * parentheses) survives such slips; the script (一 vs 1) does not. So a numbered heading
 * that found no same-style predecessor may continue a sequence of the same shape in the
 * other script, and the whole sequence then takes the rank most of its members carry.
 */
import { sameStyle, type Enumerator } from './heading-enumerator.js'
import { chainOf, type Heading } from './heading-model.js'
import { crossesBarrier } from './heading-runs.js'

/** Smallest rank in `h`'s sequence so far: how high the sequence already reaches. */
function reach(h: Heading): number {
  let r = h.rank
  for (const m of chainOf(h)) r = Math.min(r, m.rank)
  return r
}

/**
 * Finds, for `x`, the nearest earlier heading that could be its previous sibling: value
 * `value`, no successor yet, accepted by `fits`, with nothing of a higher rank than both
 * between them (a 4、 may continue 三、 across （一）（二）, not across 二、).
 */
export function findPredecessor(
  headings: readonly Heading[],
  index: number,
  value: number,
  fits: (e: Enumerator) => boolean,
  barriers: ReadonlySet<number>,
): Heading | null {
  const x = headings[index]!
  let highest = Infinity // smallest rank seen between candidate and x
  for (let j = index - 1; j >= 0; j--) {
    const y = headings[j]!
    const ey = y.enumerator
    if (ey && y.next === null && ey.value === value && fits(ey)) {
      const bound = Math.min(x.rank, reach(y))
      if (highest >= bound && !crossesBarrier(y.line.line, x.line.line, barriers)) return y
    }
    highest = Math.min(highest, reach(y))
  }
  return null
}

/**
 * Links headings that found no same-style predecessor to one of the same shape, in either
 * script: the same-style pass stops at any higher-ranked line, so a 6、 after （1）…（二）
 * is linked here to the 5、 that already continues 三、.
 */
export function linkAcrossScripts(headings: readonly Heading[], barriers: ReadonlySet<number>): void {
  for (const [i, x] of headings.entries()) {
    const ex = x.enumerator
    if (!ex || x.prev || ex.value <= 1 || ex.shape === 'shi') continue
    // （一） … （三） with an open （一）: a sibling whose number was lost, not a slip of
    // script; fillGaps looks for it. Linking （三） to a （2） in between would be wrong.
    if (ex.value >= 3 && findPredecessor(headings, i, ex.value - 2, (e) => sameStyle(e, ex), barriers)) continue
    const y = findPredecessor(headings, i, ex.value - 1, (e) => e.shape === ex.shape, barriers)
    if (y) {
      y.next = x
      x.prev = y
    }
  }
}

/**
 * The rank a whole sequence stands for: the rank most members carry, the higher one on a
 * tie (（1）（二） is a （一） sequence that began with a slip). Unnumbered members (gap
 * fillers) do not vote.
 */
export function sequenceRank(chain: readonly Heading[]): number {
  const votes = new Map<number, number>()
  for (const h of chain) if (h.enumerator) votes.set(h.enumerator.rank, (votes.get(h.enumerator.rank) ?? 0) + 1)
  let best = Infinity
  let bestVotes = 0
  for (const [rank, n] of votes) {
    if (n > bestVotes || (n === bestVotes && rank < best)) {
      best = rank
      bestVotes = n
    }
  }
  return best === Infinity ? (chain[0]?.rank ?? 1) : best
}

/** Gives every member of every sequence the sequence's rank. */
export function applySequenceRanks(headings: readonly Heading[]): void {
  const done = new Set<Heading>()
  for (const h of headings) {
    if (done.has(h) || !h.enumerator) continue
    const chain = chainOf(h)
    const rank = sequenceRank(chain)
    for (const m of chain) {
      m.rank = rank
      done.add(m)
    }
  }
}
