/**
 * Progress of an ingest: how many files are done, how fast, and when it will end. The rate
 * is taken over the last RATE_WINDOW files, so it follows the batch (a resumed run races
 * through unchanged files, then slows to extraction speed) without remembering every file.
 */

/** Files the rate is averaged over. @default 50 */
export const RATE_WINDOW = 50

export interface ProgressSnapshot {
  /** Files handled so far (1-based count, in the order they finished). */
  done: number
  total: number
  /** Of those, failed. */
  failed: number
  /** Files per second over the recent window; 0 until the first file is done. */
  rate: number
  /** Estimated time to the end, ms; null while no rate is known. */
  etaMs: number | null
  /** Since the meter started, ms. */
  elapsedMs: number
}

export class ProgressMeter {
  private done = 0
  private failed = 0
  private readonly started: number
  /** Finish times of the last RATE_WINDOW files (a ring). */
  private readonly times: number[] = []

  constructor(
    private readonly total: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.started = now()
  }

  /** Records one finished file and returns where the run stands. */
  record(failed: boolean): ProgressSnapshot {
    const t = this.now()
    this.done++
    if (failed) this.failed++
    // Oldest entry of the window, before overwriting it: the window spans RATE_WINDOW files.
    const slot = (this.done - 1) % RATE_WINDOW
    const windowStart = this.done > RATE_WINDOW ? this.times[slot]! : this.started
    this.times[slot] = t
    const files = Math.min(this.done, RATE_WINDOW)
    const rate = t > windowStart ? (files * 1000) / (t - windowStart) : 0
    const remaining = this.total - this.done
    return { done: this.done, total: this.total, failed: this.failed, rate, etaMs: rate > 0 ? (remaining * 1000) / rate : null, elapsedMs: t - this.started }
  }
}

/** 83 s → "1:23", 4000 s → "1:06:40". */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000))
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = String(total % 60).padStart(2, '0')
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`
}

/** "[120/10000] 4.1 docs/s, ETA 40:08, 2 failed" — the status part of a terminal progress line. */
export function formatStatus(p: ProgressSnapshot): string {
  const parts = [`[${p.done}/${p.total}]`, `${p.rate.toFixed(1)} docs/s`]
  if (p.etaMs !== null && p.done < p.total) parts.push(`ETA ${formatDuration(p.etaMs)}`)
  if (p.failed > 0) parts.push(`${p.failed} failed`)
  return parts.join(' ')
}
