/**
 * Fingerprints of cross-document findings, in the manner of ../fingerprint.ts: the rule id,
 * the identities of the documents as they state them (department, fiscal year — not the
 * sha256, which changes with every edit, nor the format: the DOCX and the PDF of one report
 * are the same report), what the rule says tells the finding apart (the field), and each
 * evidence figure's identity (label, number as written, unit, occurrence) with its document's.
 * So a finding survives re-ingest and --force, and a review made on it stays attached.
 */
import { createHash } from 'node:crypto'
import type { StoredFigure } from '../../store/cross-queries.js'
import { FINGERPRINT_LENGTH } from '../fingerprint.js'
import type { CrossDocument, CrossEvidence } from './cross-rule.js'
import { normaliseName } from './document-identity.js'

/** Which occurrence of its label|number|unit a figure is in its document (0-based). */
export type Occurrence = (documentId: string, figure: StoredFigure) => number

export function documentIdentity(d: Pick<CrossDocument, 'department' | 'fiscalYear'>): string {
  return `${d.department ? normaliseName(d.department) : ''}|${d.fiscalYear ?? ''}`
}

export function crossFingerprint(ruleId: string, subject: CrossDocument, evidence: readonly CrossEvidence[], identity: readonly string[], occurrence: Occurrence): string {
  const parts = evidence
    .map((e) => `${documentIdentity(e.document)}|${e.figure.label ?? ''}|${e.figure.raw.replace(/\s+/g, '')}|${e.figure.unit}#${occurrence(e.document.id, e.figure)}`)
    .sort()
  return createHash('sha256')
    .update([ruleId, documentIdentity(subject), ...identity, ...parts].join('\n'))
    .digest('hex')
    .slice(0, FINGERPRINT_LENGTH)
}
