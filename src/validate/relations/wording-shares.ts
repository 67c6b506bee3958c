/**
 * Shares stated in words: “a，占b%” after a part of a breakdown is a share of that
 * breakdown's total; “a，占X的b%” (占X比重为b%) is a share of the figure labelled X nearby.
 * Each becomes a RatioRelation b = a / base. A share whose base cannot be found is left
 * alone: guessing a base would make findings out of the guess.
 */
import type { Figure } from '../../contract.js'
import type { RatioRelation } from './types.js'
import type { Breakdown } from './wording-breakdowns.js'
import { localLabel, type Paragraph, paragraphs, sameQuantity, SENTENCE_END } from './wording-text.js'
import { relationWords } from './wording-words.js'

/** How many paragraphs back a named base (占基本支出的…) is looked for. */
const NAMED_BASE_REACH = 3

export function shareRelations(doc: { text: string; figures: Figure[] }, breakdowns: Breakdown[]): RatioRelation[] {
  return [...bareShares(doc.text, breakdowns), ...namedShares(doc)]
}

/** 占b% right after a listed part: the part over the breakdown's total. */
function bareShares(text: string, breakdowns: Breakdown[]): RatioRelation[] {
  const { bare } = relationWords().share
  const out: RatioRelation[] = []
  for (const b of breakdowns) {
    const p = b.paragraph
    const total = p.figures[b.total]!
    b.parts.forEach((j, k) => {
      const next = b.parts[k + 1] ?? p.figures.length
      // The share follows its part directly: 基本支出a，占b%.
      const s = j + 1
      if (s >= next || s >= p.figures.length) return
      const share = p.figures[s]!
      if (share.kind !== 'percent' || !bare.test(localLabel(text, p, s))) return
      if (SENTENCE_END.test(text.slice(p.figures[j]!.end, share.start))) return
      out.push(ratio(share, p.figures[j]!, total, '占比（分项/合计）'))
    })
  }
  return out
}

/** 占X的b%: the figure before over the nearest figure named X. */
function namedShares(doc: { text: string; figures: Figure[] }): RatioRelation[] {
  const { named, bare } = relationWords().share
  const paras = paragraphs(doc)
  const out: RatioRelation[] = []
  paras.forEach((p, pi) => {
    p.figures.forEach((share, s) => {
      if (share.kind !== 'percent' || s === 0) return
      const local = localLabel(doc.text, p, s)
      if (bare.test(local)) return
      const m = named.exec(local)
      const baseName = m?.[1] ? normalise(m[1]) : ''
      if (baseName.length < 2) return
      const numerator = p.figures[s - 1]!
      if (numerator.kind !== 'money' && numerator.kind !== 'count') return
      const base = findNamed(doc.text, paras, pi, s - 1, baseName, numerator)
      if (base) out.push(ratio(share, numerator, base, `占${baseName}的比重`))
    })
  })
  return out
}

/** The nearest figure before (paragraph pi, index before) whose name is `name`. */
function findNamed(text: string, paras: Paragraph[], pi: number, before: number, name: string, like: Figure): Figure | null {
  for (let q = pi; q >= Math.max(0, pi - NAMED_BASE_REACH); q--) {
    const p = paras[q]!
    const from = q === pi ? before - 1 : p.figures.length - 1
    for (let j = from; j >= 0; j--) {
      const f = p.figures[j]!
      if (f === like || !sameQuantity(f, like)) continue
      const label = normalise(f.label ?? '')
      const local = normalise(localLabel(text, p, j))
      if (label === name || local === name || local.replace(/^(?:其中|包括|包含)[：:]?/, '') === name) return f
    }
  }
  return null
}

function normalise(s: string): string {
  return s.replace(/[“”"‘’'\s]/g, '')
}

function ratio(stated: Figure, numerator: Figure, denominator: Figure, note: string): RatioRelation {
  return { kind: 'ratio', stated, numerator: [{ figure: numerator, sign: 1 }], denominator, origin: 'wording', note }
}
