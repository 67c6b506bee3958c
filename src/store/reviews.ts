/**
 * The analyst's side of findings: confirm or dismiss a finding by its fingerprint, reopen it,
 * and find a fingerprint from the prefix someone typed. Reviews are keyed by fingerprint only
 * (migration 003) so they outlive the documents they were made on; a review may even precede
 * its finding (made on another copy of the database, or before a re-ingest brings it back).
 */
import type { Db } from './db.js'

/** What an analyst decided about a finding; an open finding has no review. */
export const REVIEW_STATUSES = ['confirmed', 'dismissed'] as const
export type ReviewStatus = (typeof REVIEW_STATUSES)[number]

/** One row of `reviews`. */
export interface Review {
  /** The finding's fingerprint, e.g. `96bab1c1d03e49d87eae`. */
  fingerprint: string
  status: ReviewStatus
  /** Why, in the analyst's words; null when none was given. */
  note: string | null
  /** ISO 8601 time of the last change. */
  reviewedAt: string
  reviewer: string | null
}

/** A fingerprint that starts with a typed prefix, described so a person can pick one. */
export interface Candidate {
  fingerprint: string
  /** Stored findings with this fingerprint (the same finding may be in several documents). */
  findings: number
  /** Rule, path, line and message of the first stored finding; null for a review without one. */
  ruleId: string | null
  path: string | null
  line: number | null
  message: string | null
  status: ReviewStatus | null
}

/** found: exactly one fingerprint starts with the prefix; unknown: none does. */
export type Resolution = { kind: 'found'; candidate: Candidate } | { kind: 'ambiguous'; candidates: Candidate[] } | { kind: 'unknown' }

interface ReviewRow {
  fingerprint: string
  status: ReviewStatus
  note: string | null
  reviewed_at: string
  reviewer: string | null
}

export class Reviews {
  private readonly now: () => string

  constructor(
    readonly db: Db,
    options: { now?: () => string } = {},
  ) {
    this.now = options.now ?? (() => new Date().toISOString())
  }

  get(fingerprint: string): Review | undefined {
    const row = this.db.prepare('SELECT * FROM reviews WHERE fingerprint = ?').get(fingerprint) as ReviewRow | undefined
    return row && toReview(row)
  }

  /** Confirms or dismisses (again: the last review wins); returns the review it replaced, if any. */
  set(fingerprint: string, status: ReviewStatus, details: { note?: string; reviewer?: string } = {}): { review: Review; previous?: Review } {
    return this.db.transaction(() => {
      const previous = this.get(fingerprint)
      this.db
        .prepare(
          `INSERT INTO reviews (fingerprint, status, note, reviewed_at, reviewer) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (fingerprint) DO UPDATE SET status = excluded.status, note = excluded.note,
             reviewed_at = excluded.reviewed_at, reviewer = excluded.reviewer`,
        )
        .run(fingerprint, status, details.note ?? null, this.now(), details.reviewer ?? null)
      return { review: this.get(fingerprint)!, ...(previous ? { previous } : {}) }
    }).immediate()
  }

  /** Reopens a finding: deletes its review, returning it (undefined when it was open already). */
  clear(fingerprint: string): Review | undefined {
    return this.db.transaction(() => {
      const previous = this.get(fingerprint)
      if (previous) this.db.prepare('DELETE FROM reviews WHERE fingerprint = ?').run(fingerprint)
      return previous
    }).immediate()
  }

  /** How many stored findings carry `fingerprint`. */
  storedFindings(fingerprint: string): number {
    return (this.db.prepare('SELECT count(*) AS n FROM findings WHERE fingerprint = ?').get(fingerprint) as { n: number }).n
  }

  /**
   * The fingerprints — of stored findings and of reviews, so an orphaned review can still be
   * reopened — that start with `prefix` (compared as typed; fingerprints are lower-case hex).
   */
  resolve(prefix: string): Resolution {
    // A range rather than LIKE: it uses both indexes and no character of the prefix is special.
    const fingerprints = (
      this.db
        .prepare(
          `SELECT fingerprint FROM findings WHERE fingerprint >= @p AND fingerprint < @p || '~'
           UNION SELECT fingerprint FROM reviews WHERE fingerprint >= @p AND fingerprint < @p || '~'
           ORDER BY fingerprint`,
        )
        .all({ p: prefix }) as Array<{ fingerprint: string }>
    ).map((r) => r.fingerprint)
    // A complete fingerprint is never ambiguous, even if it were the prefix of a longer one.
    const exact = fingerprints.includes(prefix) ? [prefix] : fingerprints
    if (exact.length === 0) return { kind: 'unknown' }
    if (exact.length === 1) return { kind: 'found', candidate: this.describe(exact[0]!) }
    return { kind: 'ambiguous', candidates: exact.map((f) => this.describe(f)) }
  }

  /** A fingerprint with its first stored finding (by path and place) and its review. */
  describe(fingerprint: string): Candidate {
    const first = this.db
      .prepare(
        `SELECT rule_id, path, line, message, count(*) OVER () AS n FROM findings_reviewed
         WHERE fingerprint = ? ORDER BY path, evidence_start LIMIT 1`,
      )
      .get(fingerprint) as { rule_id: string; path: string; line: number; message: string; n: number } | undefined
    return {
      fingerprint,
      findings: first?.n ?? 0,
      ruleId: first?.rule_id ?? null,
      path: first?.path ?? null,
      line: first?.line ?? null,
      message: first?.message ?? null,
      status: this.get(fingerprint)?.status ?? null,
    }
  }
}

function toReview(row: ReviewRow): Review {
  return { fingerprint: row.fingerprint, status: row.status, note: row.note, reviewedAt: row.reviewed_at, reviewer: row.reviewer }
}
