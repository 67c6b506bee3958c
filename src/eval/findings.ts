/**
 * Consistency findings against the gold `consistency` relations (sums, ratios, restatements
 * …, each with `holds`).
 *
 * A finding and a gold relation are tied by lines only — the gold has no spans — so a
 * finding matches a relation when its evidence lines cover at least min(2, |relation lines|,
 * |finding lines|) of the relation's lines (distinct lines on both sides). Two shared lines
 * are asked for when both sides have two: a restatement across a table and a paragraph is
 * then found only by a finding that points at both places.
 *
 * Only findings of severity error or warning ("loud") count; info findings are the rules'
 * way of saying "within rounding" or "could legitimately hold" and are never scored.
 * - Targets: relations that do not hold, are not optional and are not minor. Recall = targets
 *   matched by a loud finding / targets.
 * - Each loud finding is exactly one of: confirmed (matches a relation that does not hold,
 *   optional and minor ones included), a false alarm (matches none of those but a relation
 *   that holds) or unmatched (matches no gold relation: the gold may lack the relation, so
 *   it is listed, not blamed). False-alarm rate = false alarms / loud findings.
 * - Minor: loud findings on a relation the gold marks minor (a 0.01 rounding or truncation
 *   gap) and on no other failing relation: they should have been info. A finding that also
 *   matches a failing relation that is not minor is about that one (say a stated rate that
 *   its own numerator and denominator contradict, on a line that also carries a 0.01
 *   truncation) and is only counted apart (minorShared): lines cannot tell which it meant.
 * A gold file without `consistency` is not evaluated: its findings are not counted.
 */
import type { ExtractResult, Finding } from '../contract.js'
import type { GoldDocument, GoldRelation } from './gold.js'
import { formatRate, rate, type Column } from './table.js'

/** Counts of one document, or summed; loud = confirmed + falseAlarms + unmatched, targets = found + missed. */
export interface FindingCounts {
  /** Documents whose gold has a `consistency` list (0 or 1 for one document). */
  evaluated: number
  /** Gold relations. */
  relations: number
  /** Relations that do not hold, not optional, not minor: the recall denominator. */
  targets: number
  /** Targets matched by a loud finding. */
  found: number
  /** Our findings of severity error or warning. */
  loud: number
  /** Loud findings matching a relation that does not hold (optional and minor ones included). */
  confirmed: number
  /** Loud findings matching only relations that hold. */
  falseAlarms: number
  /** Loud findings matching no gold relation. */
  unmatched: number
  /** Loud findings matching a relation the gold marks minor and no other failing relation. */
  minor: number
  /** Loud findings matching a minor relation and also a failing relation that is not minor (not counted in minor). */
  minorShared: number
  /** Our findings of severity info (not scored). */
  info: number
}

/** A gold relation for display. */
export interface RelationRef {
  id: string
  kind: string
  lines: number[]
  statement: string
}

/** One of our findings for display, with the gold relations it matches (by id) where that explains its status. */
export interface FindingRef {
  ruleId: string
  severity: Finding['severity']
  evidence: Array<{ line: number; text: string }>
  message: string
  /** False alarm: the holding relations it lands on. Minor: the minor relations. Otherwise empty. */
  relations: string[]
}

export interface FindingScore extends FindingCounts {
  recall: number | null
  falseAlarmRate: number | null
  /** Targets no loud finding matches. */
  missed: RelationRef[]
  /** Each target found, with the rules of the loud findings that match it. */
  foundBy: Array<{ id: string; rules: string[] }>
  falseAlarmList: FindingRef[]
  unmatchedList: FindingRef[]
  minorList: FindingRef[]
}

export function emptyFindingCounts(): FindingCounts {
  return { evaluated: 0, relations: 0, targets: 0, found: 0, loud: 0, confirmed: 0, falseAlarms: 0, unmatched: 0, minor: 0, minorShared: 0, info: 0 }
}

export function addFindingCounts(a: FindingCounts, b: FindingCounts): FindingCounts {
  const sum = emptyFindingCounts()
  for (const key of Object.keys(sum) as Array<keyof FindingCounts>) sum[key] = a[key] + b[key]
  return sum
}

export function findingRates(c: FindingCounts): { recall: number | null; falseAlarmRate: number | null } {
  return { recall: rate(c.found, c.targets), falseAlarmRate: rate(c.falseAlarms, c.loud) }
}

/**
 * Whether a finding whose evidence lies on `findingLines` matches a relation on
 * `relationLines`: at least min(2, |relation lines|, |finding lines|) distinct relation lines
 * are among the finding's. Either side without lines matches nothing (the bare formula would
 * ask for 0 shared lines and match everything).
 */
export function findingMatches(findingLines: Iterable<number>, relationLines: Iterable<number>): boolean {
  const ours = new Set(findingLines)
  const theirs = new Set(relationLines)
  if (ours.size === 0 || theirs.size === 0) return false
  let shared = 0
  for (const l of theirs) if (ours.has(l)) shared++
  return shared >= Math.min(2, theirs.size, ours.size)
}

export const isLoud = (f: Finding) => f.severity === 'error' || f.severity === 'warning'
const isMinor = (r: GoldRelation) => r.severity === 'minor'
/** A relation the acceptance measures recall on. */
export const isTarget = (r: GoldRelation) => !r.holds && !r.optional && !isMinor(r)

const relationRef = (r: GoldRelation): RelationRef => ({ id: r.id, kind: r.kind, lines: r.lines, statement: r.statement })
const findingRef = (f: Finding, relations: GoldRelation[]): FindingRef => ({
  ruleId: f.ruleId,
  severity: f.severity,
  evidence: f.evidence.map((e) => ({ line: e.line, text: e.text })),
  message: f.message,
  relations: relations.map((r) => r.id),
})

/** `result` null means the analysis failed: no findings, every target missed. */
export function evaluateFindings(gold: GoldDocument, result: ExtractResult | null): FindingScore {
  const counts = emptyFindingCounts()
  const score = { missed: [] as RelationRef[], foundBy: [] as FindingScore['foundBy'], falseAlarmList: [] as FindingRef[], unmatchedList: [] as FindingRef[], minorList: [] as FindingRef[] }
  if (!gold.consistency) return { ...counts, ...findingRates(counts), ...score }

  const relations = gold.consistency
  const findings = result?.findings ?? []
  const loud = findings.filter(isLoud)
  // Which relations each loud finding matches, computed once.
  const matched = loud.map((f) => {
    const lines = f.evidence.map((e) => e.line)
    return relations.filter((r) => findingMatches(lines, r.lines))
  })
  counts.evaluated = 1
  counts.relations = relations.length
  counts.loud = loud.length
  counts.info = findings.length - loud.length

  for (const [i, f] of loud.entries()) {
    const rels = matched[i]!
    const minor = rels.filter(isMinor)
    if (minor.length && rels.some((r) => !r.holds && !isMinor(r))) counts.minorShared++
    else if (minor.length) {
      counts.minor++
      score.minorList.push(findingRef(f, minor))
    }
    if (rels.some((r) => !r.holds)) counts.confirmed++
    else if (rels.length) {
      counts.falseAlarms++
      score.falseAlarmList.push(findingRef(f, rels))
    } else {
      counts.unmatched++
      score.unmatchedList.push(findingRef(f, []))
    }
  }

  for (const r of relations.filter(isTarget)) {
    counts.targets++
    const by = loud.filter((_, i) => matched[i]!.includes(r)).map((f) => f.ruleId)
    if (by.length) {
      counts.found++
      score.foundBy.push({ id: r.id, rules: [...new Set(by)] })
    } else score.missed.push(relationRef(r))
  }
  return { ...counts, ...findingRates(counts), ...score }
}

/** Table columns: R, found/tgt, FA, false/loud, minor. */
export const findingColumns: Array<Column<FindingCounts>> = [
  { header: 'R', cell: (c) => formatRate(findingRates(c).recall) },
  { header: 'found/tgt', cell: (c) => `${c.found}/${c.targets}` },
  { header: 'FA', cell: (c) => formatRate(findingRates(c).falseAlarmRate) },
  { header: 'false/loud', cell: (c) => `${c.falseAlarms}/${c.loud}` },
  { header: 'minor', cell: (c) => String(c.minor) },
]

/** Verbose lines are one per item: long messages and statements are cut. */
const MAX_TEXT = 90
const cut = (s: string) => {
  const chars = Array.from(s.replace(/\s+/g, ' '))
  return chars.length > MAX_TEXT ? chars.slice(0, MAX_TEXT - 1).join('') + '…' : chars.join('')
}
const showFinding = (f: FindingRef) => `${f.ruleId} ${f.severity}  ${f.evidence.map((e) => `${e.line}:${e.text}`).join(' ')}  | ${cut(f.message)}`

/** `--verbose` lines for one document: missed targets, false alarms, minor and unmatched findings. */
export function describeFindings(s: FindingScore): string[] {
  if (s.evaluated === 0) return ['findings: not evaluated (the gold has no consistency list)']
  const out = [
    `findings: ${s.found}/${s.targets} targets found; ${s.loud} error/warning findings: ${s.confirmed} confirmed, ` +
      `${s.falseAlarms} false alarms, ${s.unmatched} unmatched; ${s.minor} on minor relations only` +
      (s.minorShared ? ` (${s.minorShared} more also on a failing relation that is not minor)` : '') +
      `; ${s.info} info`,
  ]
  for (const r of s.missed) out.push(`  MISSED  ${r.id}  ${r.kind}  L${r.lines.join(',')}  | ${cut(r.statement)}`)
  for (const f of s.falseAlarmList) out.push(`  FALSE   ${showFinding(f)}  | holds: ${f.relations.join(',')}`)
  for (const f of s.minorList) out.push(`  MINOR   ${showFinding(f)}  | minor: ${f.relations.join(',')}`)
  for (const f of s.unmatchedList) out.push(`  UNMAT   ${showFinding(f)}`)
  return out
}
