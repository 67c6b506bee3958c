/**
 * Differences stated in words, each a SumRelation with a negative part:
 * - “预算A，实际支出B，超支C” (C = B − A) or “…，节余C” (C = A − B);
 * - “金额T，已支付a；剩余b” (T = a + b: the paid and the remaining split the amount).
 * Only plainly worded differences count: 年末结转和结余 carries other years' money, so a
 * 结余 qualified that way is no difference of the two amounts beside it.
 */
import type { Figure } from '../../contract.js'
import type { SumRelation } from './types.js'
import { clauseBefore, localLabel, namingText, type Paragraph, paragraphs, sameQuantity, SENTENCE_END } from './wording-text.js'
import { relationWords } from './wording-words.js'

export function differenceRelations(doc: { text: string; figures: Figure[] }): SumRelation[] {
  const out: SumRelation[] = []
  for (const p of paragraphs(doc)) {
    p.figures.forEach((f, i) => {
      if (f.kind !== 'money' && f.kind !== 'count') return
      const rel = overrunOrSaving(doc.text, p, i) ?? paidAndRemaining(doc.text, p, i)
      if (rel) out.push(rel)
    })
  }
  return out
}

/** Figure indexes before i in its sentence, nearest first. */
function before(text: string, p: Paragraph, i: number): number[] {
  const out: number[] = []
  for (let j = i - 1; j >= 0; j--) {
    if (SENTENCE_END.test(text.slice(p.figures[j]!.end, p.figures[j + 1]!.start))) break
    out.push(j)
  }
  return out
}

/** 超支 / 节余 C after a budget and an actual amount of the same sentence. */
function overrunOrSaving(text: string, p: Paragraph, i: number): SumRelation | null {
  const words = relationWords().difference
  const local = localLabel(text, p, i)
  const overrun = words.overrun.test(local)
  if (!overrun && !words.saving.test(local)) return null
  const c = p.figures[i]!
  const candidates = before(text, p, i).filter((j) => sameQuantity(p.figures[j]!, c))
  const naming = (j: number) => namingText(text, p, j)
  const actual = candidates.find((j) => words.actual.test(naming(j)) && !words.budget.test(naming(j)))
  const budget = candidates.find((j) => words.budget.test(naming(j)) && !words.actual.test(naming(j)))
  if (actual === undefined || budget === undefined) return null
  const [a, b] = [p.figures[actual]!, p.figures[budget]!]
  return {
    kind: 'sum',
    total: c,
    parts: overrun ? [{ figure: a, sign: 1 }, { figure: b, sign: -1 }] : [{ figure: b, sign: 1 }, { figure: a, sign: -1 }],
    origin: 'wording',
    complete: true,
    note: overrun ? '超支额（实际−预算）' : '节余额（预算−实际）',
  }
}

/** 剩余 b after 已支付 a, which split the amount named just before a. */
function paidAndRemaining(text: string, p: Paragraph, i: number): SumRelation | null {
  const words = relationWords().difference
  if (!words.remaining.test(localLabel(text, p, i))) return null
  const rest = p.figures[i]!
  const earlier = before(text, p, i).filter((j) => sameQuantity(p.figures[j]!, rest))
  const paid = earlier.find((j) => words.paid.test(clauseBefore(text, p, j)))
  if (paid === undefined) return null
  // The amount split: the figure just before the paid one, in the same sentence.
  const total = earlier.find((j) => j < paid)
  if (total === undefined || total !== paid - 1) return null
  return {
    kind: 'sum',
    total: p.figures[total]!,
    parts: [{ figure: p.figures[paid]!, sign: 1 }, { figure: rest, sign: 1 }],
    origin: 'wording',
    complete: true,
    note: '已支付与剩余之和',
  }
}
