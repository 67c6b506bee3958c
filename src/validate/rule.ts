/**
 * The shape of a consistency rule, after textlint and ESLint: a rule is a module named by
 * its id that looks at one analysed document and reports what does not add up. The runner
 * (run.ts), not the rule, stamps the id and severity, computes fingerprints, de-duplicates
 * and sorts — so a rule only says what it saw.
 */
import type { z } from 'zod'
import type { ExtractResult, Figure } from '../contract.js'
import type { LineIndex, Span } from '../document.js'
import type { Relations } from './relations/types.js'

export type Severity = 'error' | 'warning' | 'info'

/** Everything about a document a rule may look at: the extraction without its findings. */
export type ValidationInput = Omit<ExtractResult, 'findings'>

export interface RuleContext {
  doc: ValidationInput
  lines: LineIndex
  figureById: ReadonlyMap<string, Figure>
  /** Arithmetic relations the text implies (sums, ratios, restatements …), computed once per document. */
  relations: Relations
}

/** One place a finding points at. A figure brings its own span and id. */
export type EvidenceInput = Figure | { figure: Figure; role: string } | (Span & { role?: string })

export interface ReportInput {
  /** What was stated and what was computed, with the arithmetic: Chinese is fine. */
  message: string
  /** Every number involved; [0] is the primary place (the stated total, the rate …). */
  evidence: EvidenceInput[]
  stated?: number
  computed?: number | [number, number]
  /**
   * Lowers the severity the runner would give (never raises it): a mismatch within one unit
   * of the last printed digit, an approximate figure involved, an interpretive relation.
   */
  severity?: Severity
}

export interface Rule<Options = Record<string, never>> {
  id: string
  /** One line, Chinese is fine: what the rule checks. */
  description: string
  /** Used when neither the profile nor the configuration says otherwise. */
  defaultSeverity: Severity
  /** zod schema of the rule's options; the runner validates configured options with it. */
  options: z.ZodType<Options>
  check(context: RuleContext, report: (finding: ReportInput) => void, options: Options): void
}

/** Identity function that gives rule modules their type. */
export function defineRule<Options>(rule: Rule<Options>): Rule<Options> {
  return rule
}

export const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 }

/** The lower of two severities. */
export function lowerOf(a: Severity, b: Severity): Severity {
  return SEVERITY_RANK[a] <= SEVERITY_RANK[b] ? a : b
}
