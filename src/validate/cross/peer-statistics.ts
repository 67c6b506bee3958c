/**
 * Robust statistics of a peer distribution: median, quartiles and the median absolute
 * deviation (MAD). An outlier is judged by its modified z-score, (x − median) / (1.4826·MAD)
 * (Iglewicz & Hoaglin; 1.4826·MAD estimates σ for normal data), which one extreme peer cannot
 * inflate the way it inflates a standard deviation. Rates cluster (many departments report
 * exactly 100%), so the MAD is often 0: a floor on the scale keeps a 99% among 100%s from
 * becoming infinitely far out.
 */

export interface PeerSummary {
  n: number
  median: number
  /** First and third quartiles (linear interpolation between order statistics, as spreadsheets compute them). */
  q1: number
  q3: number
  /** Median absolute deviation from the median. */
  mad: number
}

export function summarise(values: readonly number[]): PeerSummary | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const median = quantile(sorted, 0.5)
  const deviations = sorted.map((v) => Math.abs(v - median)).sort((a, b) => a - b)
  return { n: sorted.length, median, q1: quantile(sorted, 0.25), q3: quantile(sorted, 0.75), mad: quantile(deviations, 0.5) }
}

/** The p-quantile of sorted values (type 7: h = (n − 1)·p, interpolated). */
export function quantile(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p
  const lo = Math.floor(h)
  const a = sorted[lo]!
  const b = sorted[Math.min(lo + 1, sorted.length - 1)]!
  return a + (h - lo) * (b - a)
}

/** Modified z-score of `x` against `s`, the scale floored at `minScale` (same unit as the values). */
export function robustZ(x: number, s: PeerSummary, minScale: number): number {
  const scale = Math.max(1.4826 * s.mad, minScale)
  return (x - s.median) / scale
}
