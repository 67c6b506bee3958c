/**
 * Year-on-year changes stated in words: “本年A，上年B，比上年减少C，变动率为D%”. The amount
 * is the difference (C = B − A for a decrease: a SumRelation with a negative part) and the
 * rate its share of last year (D = (A − B)/B). A rate worded with its direction (下降D%) is
 * a magnitude; a rate named neutrally (变动率, 增长率) carries the sign, so a decrease gives a
 * negative one — which sign-mismatch checks, from the relation or, when the years' amounts
 * are not both stated, from the wording alone (findChanges).
 */
import type { Figure } from '../../contract.js'
import type { RatioRelation, SumRelation, Term } from './types.js'
import { clauseBefore, type Paragraph, paragraphs, sameQuantity, SENTENCE_END } from './wording-text.js'
import { relationWords } from './wording-words.js'

export type Direction = 'decrease' | 'increase'

/** One change a sentence states; any of its figures may be missing. */
export interface ChangeStatement {
  /** This year's amount (A). */
  current?: Figure
  /** Last year's amount (B). */
  prior?: Figure
  /** The change amount (C) and the direction its wording gives. */
  amount?: { figure: Figure; direction: Direction }
  /** The rate (D): worded with a direction (下降D%) or signed (变动率D%). */
  rate?: { figure: Figure; wording: Direction | 'signed' }
}

/** Read by the wording source and again by sign-mismatch: found once per figure list (and text). Shared: callers must not change them. */
const found = new WeakMap<readonly Figure[], { text: string; changes: ChangeStatement[] }>()

export function findChanges(doc: { text: string; figures: Figure[] }): ChangeStatement[] {
  const hit = found.get(doc.figures)
  if (hit && hit.text === doc.text) return hit.changes
  const out: ChangeStatement[] = []
  for (const p of paragraphs(doc)) for (const sentence of sentencesOf(doc.text, p)) out.push(...changesIn(doc.text, p, sentence))
  found.set(doc.figures, { text: doc.text, changes: out })
  return out
}

/** Figure indexes of each sentence of a paragraph. */
function sentencesOf(text: string, p: Paragraph): number[][] {
  const out: number[][] = []
  p.figures.forEach((f, i) => {
    if (i === 0 || SENTENCE_END.test(text.slice(p.figures[i - 1]!.end, f.start))) out.push([])
    out[out.length - 1]!.push(i)
  })
  return out
}

function changesIn(text: string, p: Paragraph, sentence: number[]): ChangeStatement[] {
  const words = relationWords().change
  const amounts: Array<{ i: number; direction: Direction }> = []
  const rates: Array<{ i: number; wording: Direction | 'signed' }> = []
  const priors: number[] = []
  for (const i of sentence) {
    const f = p.figures[i]!
    const clause = clauseBefore(text, p, i)
    if (f.kind === 'percent') {
      const cue = words.rateCue.exec(clause)
      if (cue) rates.push({ i, wording: words.signedRate.test(cue[1]!) ? 'signed' : directionOf(cue[1]!) })
      continue
    }
    if (f.kind !== 'money' && f.kind !== 'count') continue
    const cue = words.amountCue.exec(clause)
    if (cue) amounts.push({ i, direction: directionOf(cue[1]!) })
    else if ((words.prior.test(f.label ?? '') || words.prior.test(clause)) && !words.notPrior.test(`${f.label ?? ''}|${clause}`)) priors.push(i)
  }
  const out: ChangeStatement[] = []
  const used = new Set<number>()
  for (const b of priors) {
    const prior = p.figures[b]!
    const a = sentence.find((i) => i !== b && !priors.includes(i) && !amounts.some((x) => x.i === i) && sameQuantity(p.figures[i]!, prior) && stem(p.figures[i]!) === stem(prior))
    const amount = amounts.find((x) => x.i > b && !used.has(x.i) && sameQuantity(p.figures[x.i]!, prior))
    const rate = rates.find((x) => x.i > b && !used.has(x.i))
    if (!amount && !rate) continue
    if (amount) used.add(amount.i)
    if (rate) used.add(rate.i)
    out.push(statement(p, a, b, amount, rate))
  }
  // A rate after an amount, with no year's amount stated: the wording alone gives the direction.
  for (const rate of rates.filter((x) => !used.has(x.i))) {
    const amount = [...amounts].reverse().find((x) => x.i < rate.i && !used.has(x.i))
    if (amount) used.add(amount.i)
    out.push(statement(p, undefined, undefined, amount, rate))
  }
  return out
}

function statement(p: Paragraph, a: number | undefined, b: number | undefined, amount?: { i: number; direction: Direction }, rate?: { i: number; wording: Direction | 'signed' }): ChangeStatement {
  const s: ChangeStatement = {}
  if (a !== undefined) s.current = p.figures[a]!
  if (b !== undefined) s.prior = p.figures[b]!
  if (amount) s.amount = { figure: p.figures[amount.i]!, direction: amount.direction }
  if (rate) s.rate = { figure: p.figures[rate.i]!, wording: rate.wording }
  return s
}

function directionOf(word: string): Direction {
  return relationWords().change.decrease.test(word) ? 'decrease' : 'increase'
}

/** A label without its period words: 上年度“三公”经费合计 and 本年度“三公”经费合计 share 三公经费合计. */
function stem(f: Figure): string {
  const { prior, current } = relationWords().change
  const strip = (s: string, re: RegExp) => s.replace(new RegExp(re.source, 'g'), '')
  return strip(strip((f.label ?? '').replace(/[“”"\s]/g, ''), prior), current).replace(/^(?:较|比)/, '')
}

/** The relations of the changes: the amount as a difference of the years, the rate as a ratio. */
export function changeRelations(changes: ChangeStatement[]): { sums: SumRelation[]; ratios: RatioRelation[] } {
  const sums: SumRelation[] = []
  const ratios: RatioRelation[] = []
  for (const c of changes) {
    const { current: a, prior: b, amount, rate } = c
    if (a && b && amount) {
      const parts: Term[] = amount.direction === 'decrease' ? [{ figure: b, sign: 1 }, { figure: a, sign: -1 }] : [{ figure: a, sign: 1 }, { figure: b, sign: -1 }]
      sums.push({ kind: 'sum', total: amount.figure, parts, origin: 'wording', complete: true, note: amount.direction === 'decrease' ? '比上年减少额（上年−本年）' : '比上年增加额（本年−上年）' })
    }
    if (!rate || !b) continue
    const decreaseWording = rate.wording === 'decrease'
    if (a) {
      const numerator: Term[] = decreaseWording ? [{ figure: b, sign: 1 }, { figure: a, sign: -1 }] : [{ figure: a, sign: 1 }, { figure: b, sign: -1 }]
      ratios.push({ kind: 'ratio', stated: rate.figure, numerator, denominator: b, origin: 'wording', note: `${nameOf(rate.figure, '变动率')}${decreaseWording ? '（上年−本年）/上年' : '（本年−上年）/上年'}` })
    } else if (amount) {
      // Only the amount: its wording gives the sign a neutral rate must carry.
      const sign = rate.wording === 'signed' && amount.direction === 'decrease' ? -1 : 1
      ratios.push({ kind: 'ratio', stated: rate.figure, numerator: [{ figure: amount.figure, sign }], denominator: b, origin: 'wording', note: `${nameOf(rate.figure, '变动率')}（增减额/上年）` })
    }
  }
  return { sums, ratios }
}

function nameOf(f: Figure, fallback: string): string {
  return f.label?.replace(/[“”"]/g, '') || fallback
}
