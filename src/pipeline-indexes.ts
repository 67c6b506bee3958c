/**
 * When an ingest defers the store's scattered indexes (store/deferred-indexes.ts): once the
 * run has stored enough documents that rebuilding at the end is cheaper than keeping the
 * indexes up to date. The run does not know beforehand how many of its files are new (an
 * unchanged file costs a hash, not a write), so the decision waits for stored documents.
 *
 * The rule: at least `minStored` documents stored by this run, and at least `share` of the
 * documents that were stored before it. A rebuild sorts every row of the database, old ones
 * included (≈ 0.23 ms per stored document), while a deferred index saves ≈ 3 ms per
 * document written — so re-ingesting 100 files into a store of 100,000 keeps its indexes.
 */
import type { Db } from './store/db.js'
import { deferIndexes, pendingIndexes, rebuildIndexes } from './store/deferred-indexes.js'
import { firstLine } from './error-text.js'

export interface DeferralRule {
  /** Documents this run must have stored first. @default 64 */
  minStored?: number
  /** …and at least this share of the documents stored before the run. @default 0.125 */
  share?: number
}

/** What the end of the run did about deferred indexes. */
export interface IndexRebuild {
  /** Indexes built (those this run dropped, and any a killed run left dropped). */
  rebuilt: string[]
  elapsedMs: number
  /** Why the rebuild failed; the indexes stay parked for the next ingest or check. */
  error?: string
}

export class IndexDeferral {
  private storedThisRun = 0
  private deferred = false
  private readonly threshold: number

  constructor(
    private readonly db: Db,
    rule: DeferralRule = {},
  ) {
    const storedBefore = db.prepare('SELECT count(*) FROM documents').pluck().get() as number
    this.threshold = Math.max(rule.minStored ?? 64, Math.ceil(storedBefore * (rule.share ?? 0.125)))
  }

  /** Called after each document stored; drops the indexes when the run has become a bulk load. */
  stored(): void {
    if (this.deferred || ++this.storedThisRun < this.threshold) return
    this.deferred = true
    try {
      deferIndexes(this.db)
    } catch {
      // Only a speed-up: if the indexes cannot be dropped (a reader holds the schema?), write with them.
    }
  }

  /** Rebuilds whatever is parked; null when nothing was. Never throws. */
  finish(): IndexRebuild | null {
    return rebuildParkedIndexes(this.db)
  }
}

/**
 * Rebuilds the indexes this run or a killed one left parked; null when none are, without
 * taking the write lock. Never throws: a failure is reported and the indexes stay parked.
 */
export function rebuildParkedIndexes(db: Db): IndexRebuild | null {
  const t0 = performance.now()
  try {
    if (pendingIndexes(db).length === 0) return null
    return { rebuilt: rebuildIndexes(db), elapsedMs: performance.now() - t0 }
  } catch (error) {
    return { rebuilt: [], elapsedMs: performance.now() - t0, error: `could not rebuild the indexes dropped for the bulk load (the next ingest or 'cnreport check' retries): ${firstLine(error)}` }
  }
}
