/**
 * Builders for synthetic consistency findings and gold relations, so the findings metric is
 * tested on inputs whose right answer is obvious, independent of the real rules.
 */
import type { ExtractResult, Finding } from '../../src/contract.js'
import { LineIndex } from '../../src/document.js'
import { GoldRelationSchema, type GoldRelation } from '../../src/eval/gold.js'

export interface FindingSpec {
  ruleId?: string
  severity: Finding['severity']
  /** Each quoted text becomes one evidence span at its first occurrence in the text. */
  quotes: string[]
  message?: string
}

/** A finding over `text` with one evidence span per quote (line numbers from the text). */
export function makeFinding(text: string, spec: FindingSpec): Finding {
  const lines = new LineIndex(text)
  const evidence = spec.quotes.map((q) => {
    const start = text.indexOf(q)
    if (start < 0) throw new Error(`synthetic evidence ${q} not in text`)
    return { start, end: start + q.length, text: q, line: lines.lineOf(start) }
  })
  const ruleId = spec.ruleId ?? 'sum-mismatch'
  return { ruleId, severity: spec.severity, message: spec.message ?? `${ruleId}: ${spec.quotes.join(' ')}`, evidence, fingerprint: `${ruleId}:${spec.quotes.join('|')}` }
}

/** `result` with `findings` added (built over its own text). */
export function withFindings(result: ExtractResult, specs: FindingSpec[]): ExtractResult {
  return { ...result, findings: specs.map((s) => makeFinding(result.text, s)) }
}

/** A gold relation; the statement defaults to the id. */
export function relation(r: { id: string; lines: number[]; holds: boolean; kind?: string; optional?: boolean; severity?: string; statement?: string }): GoldRelation {
  return GoldRelationSchema.parse({ kind: 'sum', statement: r.id, detail: '', ...r })
}
