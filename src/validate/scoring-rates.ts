/**
 * The measured rate a scored indicator is about, as the report states it elsewhere and as
 * its amounts give it: for 公用经费控制率 the narrative's 公用经费控制率为95% and
 * 实际支出 186250.40元 ÷ 预算安排 170000元 = 109.56%.
 *
 * Statements are percentages whose label names the indicator's rate (data/scoring-words.json
 * topics, or the indicator's own name). A statement made where the indicator is named — its
 * line or its section heading says 预算完成率 — is the one the score was given on, so it
 * outranks statements elsewhere (the summary table's 执行率); only when there is none do the
 * others and the canonical record count. Figures of the score table itself (its criteria's
 * 100%, 30%) and targets (≥90%) never count.
 */
import type { Figure } from '../contract.js'
import type { LineIndex } from '../document.js'
import { exact, figureInterval, intersects, midpoint, ratio, type Interval } from './interval.js'
import type { ValidationInput } from './rule.js'
import { normalName, scoringWords, type RateTopic } from './scoring-words.js'

export interface RateCandidate {
  /** Percent points. */
  value: number
  interval: Interval
  /** The statements of this value, or the amounts it was computed from (numerator first). */
  figures: Figure[]
  computed: boolean
}

export interface IndicatorRates {
  topic: RateTopic | null
  /** Distinct stated values, best-ranked statements only. */
  stated: RateCandidate[]
  /** From the record's amounts, when the topic names them and both are known. */
  computed: RateCandidate | null
}

type Doc = Pick<ValidationInput, 'text' | 'figures' | 'record' | 'sections' | 'indicators'>

export function findRates(doc: Doc, lines: LineIndex, indicator: string, skip: ReadonlySet<string>): IndicatorRates | null {
  const name = normalName(indicator)
  const words = scoringWords()
  const topic = words.topics.find((t) => t.indicator.test(name)) ?? null
  if (!topic && !/率$/u.test(name)) return null
  const targets = new Set((doc.indicators ?? []).map((i) => i.target?.figureId).filter((id): id is string => id !== undefined))
  const titles = new Map(doc.sections.map((s) => [s.id, normalName(s.title)]))
  const labelled = doc.figures.filter((f) => {
    if (f.kind !== 'percent' || skip.has(f.id) || targets.has(f.id) || f.comparator || f.approx || !f.label) return false
    const label = normalName(f.label)
    if (words.labelExclude.test(label)) return false
    return topic ? topic.labels.test(label) && !topic.exclude?.test(label) : label.endsWith(name)
  })
  const named = labelled.filter((f) => {
    if (normalName(f.label!) === name) return true
    const before = doc.text.slice(lines.lineStarts[f.line - 1] ?? f.start, f.start)
    return normalName(before).includes(name) || (f.sectionId !== null && (titles.get(f.sectionId) ?? '').includes(name))
  })
  let statements = named
  if (statements.length === 0) {
    const field = topic?.field ? doc.record[topic.field] : undefined
    const fromRecord = field ? [field.figureId, ...(field.alternatives ?? []).map((a) => a.figureId)] : []
    const byId = new Map(doc.figures.map((f) => [f.id, f]))
    const recorded = fromRecord.map((id) => byId.get(id)).filter((f): f is Figure => f !== undefined && f.kind === 'percent' && !skip.has(f.id) && !targets.has(f.id))
    statements = [...new Map([...labelled, ...recorded].map((f) => [f.id, f])).values()]
  }
  return { topic, stated: distinct(statements), computed: topic ? computedRate(doc, topic) : null }
}

/** Statements grouped by what they say: 98% twice is one candidate with two figures. */
function distinct(figures: Figure[]): RateCandidate[] {
  const out: RateCandidate[] = []
  for (const f of [...figures].sort((a, b) => a.start - b.start)) {
    const interval = figureInterval(f)
    const same = out.find((c) => c.value === f.value)
    if (same) same.figures.push(f)
    else out.push({ value: f.value, interval, figures: [f], computed: false })
  }
  return out
}

function computedRate(doc: Doc, topic: RateTopic): RateCandidate | null {
  if (!topic.ratio) return null
  const [numField, denField] = topic.ratio
  const num = doc.record[numField]
  const den = doc.record[denField]
  if (!num || !den) return null
  const numFigure = doc.figures.find((f) => f.id === num.figureId)
  const denFigure = doc.figures.find((f) => f.id === den.figureId)
  if (!numFigure || !denFigure || numFigure.approx || denFigure.approx) return null
  const interval = ratio(amount(numFigure), amount(denFigure))
  if (!interval || interval.lo.isNegative()) return null
  return { value: midpoint(interval).toDecimalPlaces(2).toNumber(), interval, figures: [numFigure, denFigure], computed: true }
}

/** A headcount is exact (15人 is not 14.5–15.5); amounts stand for their printed rounding. */
function amount(f: Figure): Interval {
  return f.kind === 'count' && f.decimals <= 0 ? exact(f.value) : figureInterval(f)
}

/** Whether a stated value agrees with the rate its amounts give, within printed rounding. */
export function agrees(stated: RateCandidate, computed: RateCandidate): boolean {
  return intersects(stated.interval, computed.interval)
}

/** Values to evaluate a criterion at: both ends of the candidate's interval and its middle. */
export function samplePoints(c: RateCandidate): number[] {
  return [c.interval.lo.toNumber(), c.value, c.interval.hi.toNumber()]
}
