/**
 * The rule tester, after textlint's and ESLint's: `valid` texts must give no finding from
 * the rule; each `invalid` text must give exactly the findings listed, each asserted by the
 * quoted text of its evidence (primary first) and, optionally, its message.
 */
import { describe, expect, it } from 'vitest'
import type { Rule } from '../../src/validate/rule.js'
import { runRuleOnText } from '../../src/validate/tester.js'

export interface InvalidCase {
  text: string
  /** One entry per expected finding, in document order. */
  findings: Array<{ evidence: string[]; message?: RegExp; severity?: 'error' | 'warning' | 'info' }>
  options?: Record<string, unknown>
}

export function testRule(rule: Rule<unknown>, cases: { valid: Array<string | { text: string; options?: Record<string, unknown> }>; invalid: InvalidCase[] }): void {
  describe(rule.id, () => {
    describe('valid', () => {
      it.each(cases.valid.map((v) => (typeof v === 'string' ? { text: v } : v)))('$text', async ({ text, options }) => {
        expect(await runRuleOnText(rule, text, options)).toEqual([])
      })
    })
    describe('invalid', () => {
      it.each(cases.invalid)('$text', async ({ text, findings, options }) => {
        const got = await runRuleOnText(rule, text, options)
        expect(got.map((f) => f.evidence.map((e) => e.text))).toEqual(findings.map((f) => f.evidence))
        findings.forEach((want, i) => {
          if (want.message) expect(got[i]!.message).toMatch(want.message)
          if (want.severity) expect(got[i]!.severity).toBe(want.severity)
          expect(got[i]!.ruleId).toBe(rule.id)
        })
      })
    })
  })
}
