/**
 * Runs one rule on a report given as text, the way `cnreport extract` would read it: the
 * text goes through every extraction stage, then only this rule runs. For rule tests
 * (valid / invalid cases with quoted evidence) and for anyone writing a rule of their own.
 */
import type { Finding } from '../contract.js'
import { analyzeBytes } from '../analyze.js'
import { LineIndex } from '../document.js'
import type { Rule } from './rule.js'
import { validate } from './run.js'

export async function runRuleOnText(rule: Rule<unknown>, text: string, options: Record<string, unknown> = {}): Promise<Finding[]> {
  const result = await analyzeBytes(Buffer.from(text, 'utf8'), `${rule.id}.txt`)
  const { findings: _ignored, ...doc } = result
  const config = { profile: 'default' as const, rules: { [rule.id]: [rule.defaultSeverity, options] as [typeof rule.defaultSeverity, Record<string, unknown>] } }
  const out = validate(doc, new LineIndex(doc.text), config, [rule])
  const failed = out.diagnostics.find((d) => d.code === 'rule-failed' || d.code === 'rule-options-invalid')
  if (failed) throw new Error(failed.message)
  return out.findings
}
