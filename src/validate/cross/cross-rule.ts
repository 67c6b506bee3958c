/**
 * The shape of a cross-document rule: like a rule of one document (../rule.ts) it only says
 * what it saw, and the runner (run.ts) stamps id and severity, fingerprints and stores. What
 * differs is the input: not one analysed document but the store's documents, grouped.
 *
 * A rule names the groups a document belongs to (its department across years, the county's
 * reports of one year …). After an ingest only the groups of the touched documents are
 * checked again; `cnreport check` checks all of them. Every document of a group in play is a
 * subject: its findings of the rule are recomputed from scratch, reading whatever it needs
 * of its groups through the context.
 */
import type { z } from 'zod'
import type { Db } from '../../store/db.js'
import type { StoredDocument, StoredFigure } from '../../store/cross-queries.js'
import type { Severity } from '../rule.js'

/** A stored document with the identities the rules group by. */
export interface CrossDocument extends StoredDocument {
  /**
   * The issuing department, the same for every report it files: the division code with the
   * unit's name (430000|应急管理局 style), or the normalised full name when no region was
   * resolved. Null when neither a region nor a place in the name says whose unit it is —
   * 某某局 alone could be anyone's.
   */
  departmentKey: string | null
  /** The name without its places, e.g. 应急管理局: what peers of one kind share; null without a department. */
  unitName: string | null
  /** The class of report kind (overall, project, accounts, budget, other) from data/cross-checks.json. */
  kindClass: string
}

/** One place a cross-document finding points at: a figure of some stored document. */
export interface CrossEvidence {
  figure: StoredFigure
  document: CrossDocument
  /** What the figure is to the finding: stated, last-year, other-filing, peer … */
  role: string
}

export interface CrossReport {
  /** The document the finding is about and is stored under; evidence[0] must be one of its figures. */
  subject: CrossDocument
  /** Chinese, with the values and the arithmetic. */
  message: string
  evidence: CrossEvidence[]
  stated?: number
  computed?: number | [number, number]
  /** Lowers the configured severity (never raises it). */
  severity?: Severity
  /**
   * What, besides the rule, the documents' identities and the evidence figures, tells this
   * finding from others: the field id, the peer group. Goes into the fingerprint.
   */
  identity: string[]
  /** Evidence roles left out of the fingerprint (peers come and go without changing the finding). */
  unstableRoles?: string[]
}

export interface CrossContext {
  db: Db
  /** Every stored document. */
  documents: readonly CrossDocument[]
  /** The documents of one of this rule's groups (empty for an unknown key). */
  members(group: string): readonly CrossDocument[]
}

export interface CrossRule<Options = Record<string, never>> {
  id: string
  /** One line, Chinese is fine: what the rule checks. */
  description: string
  defaultSeverity: Severity
  options: z.ZodType<Options>
  /** The groups `doc` belongs to; a document in none is never checked by this rule. */
  groupsOf(doc: CrossDocument): string[]
  /** Reports the findings of `subjects` (each recomputed entirely). */
  check(context: CrossContext, subjects: readonly CrossDocument[], report: (finding: CrossReport) => void, options: Options): void
}

/** Identity function that gives rule modules their type. */
export function defineCrossRule<Options>(rule: CrossRule<Options>): CrossRule<Options> {
  return rule
}
