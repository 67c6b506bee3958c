/** Every rule cnreport knows, in the order they run. A rule's id is its file name. */
import type { Rule } from '../rule.js'
import malformedNumber from './malformed-number.js'

export const RULES: readonly Rule<unknown>[] = [malformedNumber]

export const RULE_IDS: readonly string[] = RULES.map((r) => r.id)
