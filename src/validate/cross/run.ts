/**
 * The cross-document runner: reads the store's documents (facts only), groups them per rule,
 * runs each enabled rule on the documents in play, and replaces their stored findings of that
 * rule — all rules in one transaction. Like the runner of one document (../run.ts) it stamps
 * id and severity (from the same configuration file), fingerprints, de-duplicates, and turns a
 * rule that throws or gets invalid options into a diagnostic instead of a failure.
 *
 * Scope: 'all' recomputes every finding of the rules (`cnreport check`). A list of documents
 * (what an ingest touched) recomputes the groups those documents are in — every document of
 * such a group is a subject — plus documents whose findings point into a document that is
 * gone. When the list covers most of the store, 'all' is cheaper and is used instead.
 */
import type { Evidence, Finding } from '../../contract.js'
import type { Diagnostic } from '../../result.js'
import type { Db } from '../../store/db.js'
import { documentsWithStaleEvidence, figureOccurrence, replaceCrossFindings, type StoredCrossFinding, storedDocuments } from '../../store/cross-queries.js'
import { DEFAULT_CONFIG, optionsOf, severityOf, type ValidationConfig } from '../config.js'
import { lowerOf, type Rule } from '../rule.js'
import { crossFingerprint } from './cross-fingerprint.js'
import type { CrossContext, CrossDocument, CrossEvidence, CrossRule } from './cross-rule.js'
import { toCrossDocument } from './document-identity.js'
import { groupBy } from './group-by.js'
import { CROSS_RULES } from './index.js'

export type CrossScope = 'all' | { documents: readonly string[] }

export interface CrossCheckOptions {
  /** Severities, off and options per rule id, as for the per-document rules. @default DEFAULT_CONFIG */
  config?: ValidationConfig
  /** Run only the rules with these ids; the others' stored findings stay as they are. @default every rule */
  only?: readonly string[]
  /** @default CROSS_RULES */
  rules?: readonly CrossRule<unknown>[]
}

export interface CrossRuleOutcome {
  ruleId: string
  /** Documents whose findings of the rule were recomputed. */
  subjects: number
  findings: number
  /** Wall time of the rule's check, ms. */
  ms: number
}

export interface CrossCheckSummary {
  /** Documents in the store. */
  documents: number
  /** 'all', or 'documents' when only the groups of some documents were checked. */
  scope: 'all' | 'documents'
  rules: CrossRuleOutcome[]
  findings: number
  elapsedMs: number
  /** A rule not run (invalid options) or failed; its stored findings were left alone. */
  diagnostics: Diagnostic[]
}

/** Scope lists covering at least this share of the store are checked as 'all'. */
const ALL_SHARE = 0.5

export function checkAcrossDocuments(db: Db, scope: CrossScope = 'all', options: CrossCheckOptions = {}): CrossCheckSummary {
  const started = performance.now()
  const config = options.config ?? DEFAULT_CONFIG
  const rules = (options.rules ?? CROSS_RULES).filter((r) => !options.only || options.only.includes(r.id))
  const documents = storedDocuments(db).map(toCrossDocument)
  const byId = new Map(documents.map((d) => [d.id, d]))
  const whole = scope === 'all' || scope.documents.length >= documents.length * ALL_SHARE
  const summary: CrossCheckSummary = { documents: documents.length, scope: whole ? 'all' : 'documents', rules: [], findings: 0, elapsedMs: 0, diagnostics: [] }
  const replacements: Array<{ ruleId: string; scope: 'all' | string[] }> = []
  const stored: StoredCrossFinding[] = []
  const occurrences = new Map<string, number>()
  const occurrence = (documentId: string, figure: CrossEvidence['figure']) => {
    const key = `${documentId}\u0000${figure.id}`
    let n = occurrences.get(key)
    if (n === undefined) occurrences.set(key, (n = figureOccurrence(db, documentId, figure)))
    return n
  }

  for (const rule of rules) {
    const t0 = performance.now()
    // The runner of one document reads only id and defaultSeverity of a rule.
    const severity = severityOf(rule as unknown as Rule<unknown>, config)
    const parsed = rule.options.safeParse(optionsOf(rule as unknown as Rule<unknown>, config))
    if (severity !== 'off' && !parsed.success) {
      summary.diagnostics.push({ level: 'warning', code: 'rule-options-invalid', message: `rule ${rule.id} not run: invalid options (${parsed.error.issues[0]?.message})` })
      continue
    }
    const groups = new Map<string, CrossDocument[]>()
    for (const d of documents)
      for (const g of rule.groupsOf(d)) {
        const members = groups.get(g)
        if (members) members.push(d)
        else groups.set(g, [d])
      }
    const { subjects, deleteScope } = whole ? { subjects: documents, deleteScope: 'all' as const } : inPlay(db, rule, scope.documents, byId, groups)
    const findings: StoredCrossFinding[] = []
    if (severity !== 'off' && subjects.length > 0) {
      const context: CrossContext = { db, documents, members: (g) => groups.get(g) ?? [] }
      const seen = new Set<string>()
      try {
        rule.check(
          context,
          subjects,
          (input) => {
            const first = input.evidence[0]
            if (!first || first.document.id !== input.subject.id) throw new Error(`rule ${rule.id} reported a finding whose first evidence is not in the document it is about`)
            const unstable = new Set(input.unstableRoles ?? [])
            const fingerprint = crossFingerprint(rule.id, input.subject, input.evidence.filter((e) => !unstable.has(e.role)), input.identity, occurrence)
            if (seen.has(`${input.subject.id}:${fingerprint}`)) return
            seen.add(`${input.subject.id}:${fingerprint}`)
            const finding: Finding = {
              ruleId: rule.id,
              severity: input.severity ? lowerOf(input.severity, severity) : severity,
              message: input.message,
              evidence: input.evidence.map((e) => toEvidence(e, input.subject)),
              fingerprint,
            }
            if (input.stated !== undefined) finding.stated = input.stated
            if (input.computed !== undefined) finding.computed = input.computed
            findings.push({ documentId: input.subject.id, finding })
          },
          parsed.data,
        )
      } catch (error) {
        summary.diagnostics.push({ level: 'warning', code: 'rule-failed', message: `rule ${rule.id} failed: ${(error as Error).message}` })
        continue
      }
    }
    replacements.push({ ruleId: rule.id, scope: deleteScope })
    for (const f of findings) stored.push(f)
    summary.rules.push({ ruleId: rule.id, subjects: subjects.length, findings: findings.length, ms: performance.now() - t0 })
  }
  // Findings of one document in reading order, as the runner of one document sorts them.
  const ordered = [...groupBy(stored, (s) => s.documentId).values()].flatMap((list) => list.sort((a, b) => a.finding.evidence[0]!.start - b.finding.evidence[0]!.start))
  replaceCrossFindings(db, replacements, ordered)
  summary.findings = stored.length
  summary.elapsedMs = performance.now() - started
  return summary
}

/** The subjects of a scoped check: every member of a group a touched (or stale) document is in. */
function inPlay(db: Db, rule: CrossRule<unknown>, touched: readonly string[], byId: ReadonlyMap<string, CrossDocument>, groups: ReadonlyMap<string, CrossDocument[]>) {
  const seeds = new Set([...touched, ...documentsWithStaleEvidence(db, [rule.id])])
  const subjects = new Map<string, CrossDocument>()
  for (const id of seeds) {
    const d = byId.get(id)
    if (!d) continue
    for (const g of rule.groupsOf(d)) for (const m of groups.get(g) ?? []) subjects.set(m.id, m)
  }
  return { subjects: [...subjects.values()], deleteScope: [...new Set([...seeds, ...subjects.keys()])] }
}

function toEvidence(e: CrossEvidence, subject: CrossDocument): Evidence {
  const evidence: Evidence = { start: e.figure.start, end: e.figure.end, text: e.figure.raw, line: e.figure.line, figureId: e.figure.id, role: e.role }
  if (e.document.id !== subject.id) evidence.documentId = e.document.id
  return evidence
}
