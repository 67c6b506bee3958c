/**
 * score-rule: a score its own criterion contradicts. The criterion (评价标准) is read into
 * bands, steps and deductions (scoring-criteria.ts); then
 *
 * (b) where the report states the rate the indicator measures (预算完成率为90.45%) — or its
 *     amounts give it (实际支出 186250.40元 / 预算 170000元) — the points the criterion gives
 *     that rate are compared with the points awarded. A stated rate that disagrees with its
 *     own amounts is reported with both; statements that disagree with each other make the
 *     finding info unless every one of them contradicts the score.
 * (a) otherwise, a score a scale cannot give (5 where only 6 / 3 / 0 exist) is reported; a
 *     score no whole number of per-case deductions reaches (7 of 8 by 扣2分) is info.
 *
 * A criterion that cannot be read, or leaves the score to judgement (酌情扣分), says nothing.
 */
import { z } from 'zod'
import type { Figure } from '../../contract.js'
import type { LineIndex, Span } from '../../document.js'
import { defineRule, type EvidenceInput, type ReportInput, type Severity, type ValidationInput } from '../rule.js'
import { parseCriterion, type Criterion } from '../scoring-criteria.js'
import { formatSpans, hull, inSpans, reachableByDeductions, scaleValues, scoreAt, type PointSpan } from '../scoring-evaluate.js'
import { agrees, findRates, samplePoints, type RateCandidate } from '../scoring-rates.js'
import { readScoreSheets, sheetFigures, type SheetItem } from '../scoring-table.js'

export default defineRule({
  id: 'score-rule',
  description: '得分应符合该指标自身的评价标准（分档、扣分规则与报告所述的实际比率）',
  defaultSeverity: 'warning',
  options: z.object({}),
  check({ doc, lines }, report) {
    const sheets = readScoreSheets(doc)
    const skip = sheetFigures(sheets, doc.figures)
    for (const item of sheets.flatMap((s) => s.items)) {
      if (!item.score) continue
      const read = readCriterion(item)
      if (!read) continue
      if (checkRate(doc, lines, skip, item, read, report)) continue
      checkScale(item, read, report)
    }
  },
})

type Report = (finding: ReportInput) => void
type Read = { criterion: Criterion; span: Span & { text: string } }

/** The first criterion cell that reads as scoring (评价标准 before 指标说明). */
function readCriterion(item: SheetItem): Read | undefined {
  for (const span of item.criteria) {
    const criterion = parseCriterion(span.text)
    if (criterion && criterion.bands.length + criterion.steps.length + criterion.perCase.length > 0) return { criterion, span }
  }
  return undefined
}

function quote(text: string): string {
  const flat = text.replace(/\s+/g, '')
  return flat.length > 48 ? `${flat.slice(0, 47)}…` : flat
}

function baseEvidence(item: SheetItem, read: Read): EvidenceInput[] {
  return [item.score!.evidence, { start: read.span.start, end: read.span.end, role: 'criterion' }, ...(item.weight ? [item.weight.evidence] : [])]
}

/** The points a candidate rate allows, over the whole interval it stands for; null when the criterion is silent on it. */
function allowedAt(c: Criterion, candidate: RateCandidate, weight: number | null): PointSpan[] | null {
  const spans: PointSpan[] = []
  for (const x of samplePoints(candidate)) {
    const at = scoreAt(c, x, weight)
    if (!at) return null
    spans.push(...at)
  }
  return spans
}

function describe(c: RateCandidate): string {
  if (!c.computed) return `所述 ${c.figures[0]!.raw}`
  const [num, den] = c.figures as [Figure, Figure]
  return `按 ${shown(num)} ÷ ${shown(den)} 计算为 ${c.value}%`
}

/** A figure as written, with the unit a table header gave it (612.18 → 612.18万元). */
function shown(f: Figure): string {
  return f.unitInferred && !f.raw.endsWith(f.unit) ? `${f.raw}${f.unit}` : f.raw
}

function checkRate(doc: ValidationInput, lines: LineIndex, skip: ReadonlySet<string>, item: SheetItem, read: Read, report: Report): boolean {
  const rates = findRates(doc, lines, item.row.indicator, skip)
  if (!rates) return false
  const { stated, computed } = rates
  let candidates: RateCandidate[]
  let severity: Severity | undefined
  if (stated.length === 0) {
    if (!computed) return false
    candidates = [computed]
    severity = 'info' // amounts alone, the report never says the rate
  } else {
    const disagreeing = computed && stated.every((s) => !agrees(s, computed)) ? computed : null
    candidates = disagreeing ? [...stated, disagreeing] : stated
  }
  const weight = item.weight?.value ?? null
  const score = item.score!.value
  const judged = candidates.map((c) => ({ c, allowed: allowedAt(read.criterion, c, weight) })).filter((j): j is { c: RateCandidate; allowed: PointSpan[] } => j.allowed !== null)
  const against = judged.filter((j) => !inSpans(j.allowed, score))
  if (against.length === 0) return false
  if (severity === undefined) {
    const statedAgainst = against.filter((j) => !j.c.computed)
    if (stated.length > 1 && against.length < judged.length) severity = 'info' // the report disagrees with itself
    else if (statedAgainst.length === 0 && !amountsBeside(against[0]!.c, stated)) severity = 'info'
  }
  const first = hull(against[0]!.allowed)
  report({
    message: `${item.row.indicator} 实得 ${score} 分${weight !== null ? `（分值 ${weight}）` : ''}，评价标准“${quote(read.span.text)}”：${judged
      .map((j) => `${describe(j.c)} 应得 ${formatSpans(j.allowed)} 分`)
      .join('；')}`,
    evidence: [...baseEvidence(item, read), ...candidates.flatMap((c) => c.figures)],
    stated: score,
    computed: first.lo === first.hi ? first.lo : [first.lo, first.hi],
    ...(severity ? { severity } : {}),
  })
  return true
}

/** Amounts stated on the same line as the rate they contradict (实际支出…，控制率为95%): the writer's own numbers. */
function amountsBeside(computed: RateCandidate, stated: RateCandidate[]): boolean {
  const statedLines = new Set(stated.flatMap((s) => s.figures.map((f) => f.line)))
  return computed.figures.some((f) => statedLines.has(f.line))
}

function checkScale(item: SheetItem, read: Read, report: Report): void {
  const weight = item.weight?.value ?? null
  const score = item.score!.value
  const scale = scaleValues(read.criterion, weight)
  if (scale) {
    if (inSpans(scale, score)) return
    report({
      message: `${item.row.indicator} 得分 ${score} 不在评价标准“${quote(read.span.text)}”可给的分值 ${formatSpans(scale)} 之中`,
      evidence: baseEvidence(item, read),
      stated: score,
    })
    return
  }
  if (weight === null || score < 0 || score > weight) return // score-total reports those
  if (reachableByDeductions(read.criterion, weight, score) !== false) return
  report({
    message: `${item.row.indicator} 得分 ${score} 不能由分值 ${weight} 按评价标准“${quote(read.span.text)}”逐项扣 ${[...new Set(read.criterion.perCase)].join('、')} 分得到`,
    evidence: baseEvidence(item, read),
    stated: score,
    severity: 'info',
  })
}
