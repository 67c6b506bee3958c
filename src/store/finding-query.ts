/**
 * The read side of findings for analysts: stored findings with their document and review
 * (the findings_reviewed view of migration 003), filtered by severity, rule, document and
 * review status, in reading order (document path, then place in the text).
 */
import { resolve, sep } from 'node:path'
import type { Evidence, Finding } from '../contract.js'
import type { Db } from './db.js'
import type { Review, ReviewStatus } from './reviews.js'

/** A finding's state in review: open until someone confirms or dismisses it. */
export const FINDING_STATUSES = ['open', 'confirmed', 'dismissed'] as const
export type FindingStatus = (typeof FINDING_STATUSES)[number]

/** What `findings` shows when no --status is given: everything not dismissed. */
export const DEFAULT_STATUSES: readonly FindingStatus[] = ['open', 'confirmed']

export interface FindingFilter {
  /** Keep only these severities; empty or absent: all. */
  severities?: readonly Finding['severity'][]
  /** Keep only these rule ids; empty or absent: all. */
  rules?: readonly string[]
  /** Keep only findings of these documents (sha256 ids); absent: all. */
  documentIds?: readonly string[]
  /** @default DEFAULT_STATUSES */
  statuses?: readonly FindingStatus[]
}

/** A stored finding as the contract has it, plus where it is and what the analyst said. */
export interface ListedFinding extends Finding {
  status: FindingStatus
  /** Line of the primary evidence (evidence[0]). */
  line: number
  document: { id: string; path: string; department: string | null; fiscalYear: number | null }
  review: Omit<Review, 'fingerprint'> | null
}

export interface FindingList {
  findings: ListedFinding[]
  /** Dismissed findings that matched every other filter but were left out by the status filter. */
  hiddenDismissed: number
}

interface ViewRow {
  document_id: string
  fingerprint: string
  rule_id: string
  severity: Finding['severity']
  message: string
  stated: number | null
  computed_lo: number | null
  computed_hi: number | null
  evidence: string
  line: number
  path: string
  department: string | null
  fiscal_year: number | null
  review_status: ReviewStatus | null
  review_note: string | null
  reviewed_at: string | null
  reviewer: string | null
}

const STATUS_SQL: Record<FindingStatus, string> = {
  open: 'review_status IS NULL',
  confirmed: "review_status = 'confirmed'",
  dismissed: "review_status = 'dismissed'",
}

export function listFindings(db: Db, filter: FindingFilter = {}): FindingList {
  const where: string[] = []
  const params: unknown[] = []
  const anyOf = (column: string, values: readonly unknown[] | undefined) => {
    if (values === undefined) return
    where.push(values.length === 0 ? '0' : `${column} IN (${values.map(() => '?').join(', ')})`)
    params.push(...values)
  }
  if (filter.severities?.length) anyOf('severity', filter.severities)
  if (filter.rules?.length) anyOf('rule_id', filter.rules)
  anyOf('document_id', filter.documentIds)
  const statuses = new Set(filter.statuses ?? DEFAULT_STATUSES)
  const statusSql = `(${[...statuses].map((s) => STATUS_SQL[s]).join(' OR ') || '0'})`
  const base = where.length > 0 ? where.join(' AND ') : '1'

  const rows = db
    .prepare(`SELECT * FROM findings_reviewed WHERE ${base} AND ${statusSql} ORDER BY path, document_id, evidence_start, rule_id, seq`)
    .all(...params) as ViewRow[]
  const hiddenDismissed = statuses.has('dismissed')
    ? 0
    : (db.prepare(`SELECT count(*) AS n FROM findings_reviewed WHERE ${base} AND review_status = 'dismissed'`).get(...params) as { n: number }).n
  return { findings: rows.map(toListed), hiddenDismissed }
}

function toListed(r: ViewRow): ListedFinding {
  // Keys in the contract's order (stated and computed only when present), then the additions.
  const finding = { ruleId: r.rule_id, severity: r.severity, message: r.message, evidence: JSON.parse(r.evidence) as Evidence[] } as ListedFinding
  if (r.stated !== null) finding.stated = r.stated
  // rows.ts stores a single computed value as lo = hi.
  if (r.computed_lo !== null && r.computed_hi !== null) finding.computed = r.computed_lo === r.computed_hi ? r.computed_lo : [r.computed_lo, r.computed_hi]
  return Object.assign(finding, {
    fingerprint: r.fingerprint,
    status: r.review_status ?? 'open',
    line: r.line,
    document: { id: r.document_id, path: r.path, department: r.department, fiscalYear: r.fiscal_year },
    review: r.review_status === null ? null : { status: r.review_status, note: r.review_note, reviewedAt: r.reviewed_at!, reviewer: r.reviewer },
  })
}

/** The documents a --document argument names, and the arguments that named none. */
export interface DocumentMatch {
  ids: string[]
  unmatched: string[]
}

/**
 * Resolves each argument to stored documents: a sha256 prefix (≥ 4 hex digits), a file path
 * (any path the document was found at, relative to `cwd`), a folder holding documents, or —
 * failing those — the trailing part of a stored path, so a bare file name works from anywhere.
 */
export function matchDocuments(db: Db, args: readonly string[], cwd = process.cwd()): DocumentMatch {
  const ids = new Set<string>()
  const unmatched: string[] = []
  const paths = db
    .prepare('SELECT path, document_id FROM document_paths UNION SELECT path, id FROM documents')
    .all() as Array<{ path: string; document_id: string }>
  const allIds = db.prepare('SELECT id FROM documents').pluck().all() as string[]
  for (const arg of args) {
    const found = new Set<string>()
    if (/^[0-9a-f]{4,64}$/i.test(arg)) for (const id of allIds) if (id.startsWith(arg.toLowerCase())) found.add(id)
    const absolute = resolve(cwd, arg)
    for (const p of paths) if (p.path === absolute || p.path.startsWith(absolute.endsWith(sep) ? absolute : absolute + sep)) found.add(p.document_id)
    if (found.size === 0) {
      const tail = arg.startsWith(sep) ? arg : sep + arg
      for (const p of paths) if (p.path.endsWith(tail)) found.add(p.document_id)
    }
    if (found.size === 0) unmatched.push(arg)
    for (const id of found) ids.add(id)
  }
  return { ids: [...ids], unmatched }
}
