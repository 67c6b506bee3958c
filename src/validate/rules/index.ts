/** Every rule cnreport knows, in the order they run. A rule's id is its file name. */
import type { Rule } from '../rule.js'
import malformedNumber from './malformed-number.js'
import placeholder from './placeholder.js'
import restatedMismatch from './restated-mismatch.js'
import ratioMismatch from './ratio-mismatch.js'
import scoreRule from './score-rule.js'
import scoreTotal from './score-total.js'
import signMismatch from './sign-mismatch.js'
import sumMismatch from './sum-mismatch.js'
import unitSlip from './unit-slip.js'

export const RULES: readonly Rule<unknown>[] = [malformedNumber, scoreTotal, scoreRule, sumMismatch, ratioMismatch, signMismatch, placeholder, unitSlip, restatedMismatch]

export const RULE_IDS: readonly string[] = RULES.map((r) => r.id)
