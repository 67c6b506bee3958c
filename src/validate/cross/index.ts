/** Every cross-document rule, in the order they run. A rule's id is its file name. */
import type { CrossRule } from './cross-rule.js'
import duplicateFilingMismatch from './duplicate-filing-mismatch.js'
import peerOutlier from './peer-outlier.js'
import priorYearMismatch from './prior-year-mismatch.js'

export const CROSS_RULES: readonly CrossRule<unknown>[] = [priorYearMismatch, duplicateFilingMismatch, peerOutlier]

export const CROSS_RULE_IDS: readonly string[] = CROSS_RULES.map((r) => r.id)
