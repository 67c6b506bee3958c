/**
 * Finding fingerprints that survive re-ingest and reformatting: built from the rule id, the
 * document's identity as the report states it (department, year) and the identities of the
 * figures involved (label, number as written, unit, and which occurrence of that identity it
 * is) — never from offsets, which shift when a file is re-saved or converted.
 */
import { createHash } from 'node:crypto'
import type { Evidence, Figure } from '../contract.js'
import type { ValidationInput } from './rule.js'

/** figure id → stable identity, for every figure of a document. */
export function figureIdentities(figures: readonly Figure[]): Map<string, string> {
  const seen = new Map<string, number>()
  const identities = new Map<string, string>()
  for (const f of figures) {
    const key = `${f.label ?? ''}|${f.raw.replace(/\s+/g, '')}|${f.unit}`
    const n = seen.get(key) ?? 0
    seen.set(key, n + 1)
    identities.set(f.id, `${key}#${n}`)
  }
  return identities
}

/** Hex characters in a fingerprint (a prefix of a sha256). */
export const FINGERPRINT_LENGTH = 20

export function fingerprintOf(ruleId: string, doc: Pick<ValidationInput, 'document'>, evidence: readonly Evidence[], identities: ReadonlyMap<string, string>): string {
  const parts = evidence.map((e) => (e.figureId ? identities.get(e.figureId) : undefined) ?? `text:${e.text.replace(/\s+/g, '')}`).sort()
  const documentKey = `${doc.document.department ?? ''}|${doc.document.fiscalYear ?? ''}|${doc.document.title ?? ''}`
  return createHash('sha256').update([ruleId, documentKey, ...parts].join('\n')).digest('hex').slice(0, FINGERPRINT_LENGTH)
}
