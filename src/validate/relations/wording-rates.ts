/**
 * Rates stated with their operands in one sentence: “预算安排…总额A，实际支出…B，…控制率为C%”,
 * “本年预算及追加预算合计A，年末结余B，预算完成率为C%”, “年初预算A，年中追加预算B，
 * 预算调整率为C%”. Which operands a rate takes is data (data/relation-words.json `rates`):
 * each formula names roles (实际, 预算, 追加, 结余 …) that figures of the sentence play.
 * Where several formulas fit a rate, a reading that holds is preferred — the wording is
 * then consistent under some reading, and a finding would only report our guess.
 */
import type { Figure } from '../../contract.js'
import { topicOf } from '../../extract/label-topic.js'
import type { RatioRelation, Term } from './types.js'
import { checkRatio } from './wording-evaluate.js'
import { localLabel, namingText, type Paragraph, paragraphs, sameQuantity, SENTENCE_END } from './wording-text.js'
import { type RateFormula, relationWords } from './wording-words.js'

export function rateRelations(doc: { text: string; figures: Figure[] }): RatioRelation[] {
  const out: RatioRelation[] = []
  const { bare } = relationWords().share
  for (const p of paragraphs(doc)) {
    let windowStart = 0
    p.figures.forEach((f, r) => {
      if (r > 0 && SENTENCE_END.test(doc.text.slice(p.figures[r - 1]!.end, f.start))) windowStart = r
      if (f.kind !== 'percent' || bare.test(localLabel(doc.text, p, r))) return
      const found = readRate(doc.text, p, r, windowStart)
      if (found) out.push(found)
      // Operands before one rate are that rate's: the next rate looks only after it.
      windowStart = r + 1
    })
  }
  return out
}

/** The relation of the rate at index r, its operands among figures [from, r). */
function readRate(text: string, p: Paragraph, r: number, from: number): RatioRelation | null {
  const rate = p.figures[r]!
  const naming = namingText(text, p, r)
  const readings: RatioRelation[] = []
  for (const formula of relationWords().rates) {
    if (!formula.rate.test(naming)) continue
    const reading = fill(text, p, r, from, formula)
    if (reading) readings.push(reading)
  }
  if (readings.length === 0) return null
  return readings.find((x) => checkRatio(x)?.holdsWithinRounding) ?? readings[0]!
}

/** Assigns each role of a formula the nearest fitting figure before the rate, or null. */
function fill(text: string, p: Paragraph, r: number, from: number, formula: RateFormula): RatioRelation | null {
  const rate = p.figures[r]!
  const rateTopic = topicOf(rate.label ?? '')
  const chosen = new Map<string, number>()
  for (const [role, pattern] of formula.roles) {
    for (let j = r - 1; j >= from; j--) {
      const f = p.figures[j]!
      if (f.kind !== formula.kind || [...chosen.values()].includes(j)) continue
      if (!pattern.test(namingText(text, p, j))) continue
      const topic = topicOf(f.label ?? '')
      if (rateTopic && topic && topic !== rateTopic) continue
      chosen.set(role, j)
      break
    }
  }
  baseBeforePaid(text, p, from, formula, chosen)
  if ([...formula.roles.keys()].some((role) => !chosen.has(role))) return null
  const used = new Set(chosen.values())
  if (formula.unless) {
    for (let j = from; j < r; j++) if (!used.has(j) && p.figures[j]!.kind === formula.kind && formula.unless.test(namingText(text, p, j))) return null
  }
  const figure = (role: string) => p.figures[chosen.get(role)!]!
  const operands = [...chosen.values()].map((j) => p.figures[j]!)
  if (!operands.every((f) => sameQuantity(f, operands[0]!))) return null
  const numerator: Term[] = formula.numerator.map((t) => ({ figure: figure(t.role), sign: t.sign }))
  return { kind: 'ratio', stated: rate, numerator, denominator: figure(formula.denominator), origin: 'wording', note: rateName(rate, formula) }
}

/**
 * “追加专项资金A，已执行B，执行率C%”: the amount executed is named by 已…, its base only by
 * what it is; when no figure is named as the base, the one just before 已… is it.
 */
function baseBeforePaid(text: string, p: Paragraph, from: number, formula: RateFormula, chosen: Map<string, number>): void {
  if (formula.numerator.length !== 1 || chosen.has(formula.denominator)) return
  const paid = chosen.get(formula.numerator[0]!.role)
  if (paid === undefined || paid - 1 < from || !/^已/.test(localLabel(text, p, paid))) return
  const base = p.figures[paid - 1]!
  if (base.kind === formula.kind && !SENTENCE_END.test(text.slice(base.end, p.figures[paid]!.start))) chosen.set(formula.denominator, paid - 1)
}

/** How a finding names the rate: as the report labels it, with the formula read. */
function rateName(rate: Figure, formula: RateFormula): string {
  const label = rate.label?.replace(/[“”"]/g, '')
  return label ? `${label}（${formula.name}）` : formula.name
}
