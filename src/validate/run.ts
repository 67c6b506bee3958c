/**
 * The rule runner: runs every enabled rule on one analysed document and turns what they
 * report into findings — severity from the configuration (a rule may only lower it), evidence
 * with text and line, a stable fingerprint, duplicates dropped, sorted by place. A rule that
 * throws or gets invalid options costs that rule, never the document: it becomes a Diagnostic.
 */
import type { Evidence, Finding } from '../contract.js'
import type { LineIndex } from '../document.js'
import type { Diagnostic } from '../result.js'
import { DEFAULT_CONFIG, optionsOf, severityOf, type ValidationConfig } from './config.js'
import { figureIdentities, fingerprintOf } from './fingerprint.js'
import { extractRelations } from './relations/index.js'
import { type EvidenceInput, lowerOf, type Rule, type RuleContext, type ValidationInput } from './rule.js'
import { RULES } from './rules/index.js'

export interface ValidationOutput {
  findings: Finding[]
  diagnostics: Diagnostic[]
}

export function validate(doc: ValidationInput, lines: LineIndex, config: ValidationConfig = DEFAULT_CONFIG, rules: readonly Rule<unknown>[] = RULES): ValidationOutput {
  const diagnostics: Diagnostic[] = []
  const context: RuleContext = {
    doc,
    lines,
    figureById: new Map(doc.figures.map((f) => [f.id, f])),
    relations: extractRelations(doc, lines),
  }
  const identities = figureIdentities(doc.figures)
  const byFingerprint = new Map<string, Finding>()

  for (const rule of rules) {
    const severity = severityOf(rule, config)
    if (severity === 'off') continue
    const options = rule.options.safeParse(optionsOf(rule, config))
    if (!options.success) {
      diagnostics.push({ level: 'warning', code: 'rule-options-invalid', message: `rule ${rule.id} not run: invalid options (${options.error.issues[0]?.message})` })
      continue
    }
    try {
      rule.check(
        context,
        (input) => {
          const evidence = input.evidence.map((e) => toEvidence(e, doc.text, lines))
          if (evidence.length === 0) return
          const fingerprint = fingerprintOf(rule.id, doc, evidence, identities)
          if (byFingerprint.has(fingerprint)) return
          const finding: Finding = {
            ruleId: rule.id,
            severity: input.severity ? lowerOf(input.severity, severity) : severity,
            message: input.message,
            evidence,
            fingerprint,
          }
          if (input.stated !== undefined) finding.stated = input.stated
          if (input.computed !== undefined) finding.computed = input.computed
          byFingerprint.set(fingerprint, finding)
        },
        options.data,
      )
    } catch (error) {
      diagnostics.push({ level: 'warning', code: 'rule-failed', message: `rule ${rule.id} failed on this document: ${(error as Error).message}` })
    }
  }
  const findings = [...byFingerprint.values()].sort((a, b) => a.evidence[0]!.start - b.evidence[0]!.start || a.ruleId.localeCompare(b.ruleId))
  return { findings, diagnostics }
}

function toEvidence(input: EvidenceInput, text: string, lines: LineIndex): Evidence {
  if ('figure' in input) return { ...toEvidence(input.figure, text, lines), role: input.role }
  if ('raw' in input) return { start: input.start, end: input.end, text: input.raw, line: input.line, figureId: input.id }
  const evidence: Evidence = { start: input.start, end: input.end, text: text.slice(input.start, input.end), line: lines.lineOf(input.start) }
  if (input.role) evidence.role = input.role
  return evidence
}
