/**
 * Breakdowns stated in words: a total followed by the list of its parts —
 * “支出合计A，其中：基本支出a1，项目支出a2”, “A（包含中央a1、省a2、市a3）”, “A（a1、a2）”,
 * “A。其中：a1…；a2…”. Each becomes a SumRelation whose `complete` says whether the parts
 * are meant to be all of the total: a list naming a known partition (基本支出/项目支出;
 * 中央/省/市), or ending in a remainder (其他收入), is; a list that may name only some parts
 * (其中：在岗人数…) is not, and only contradicts its total when the parts exceed it.
 */
import type { Figure } from '../../contract.js'
import type { SumRelation } from './types.js'
import { checkSum } from './wording-evaluate.js'
import { clauseBefore, gapAfter, gapBefore, localLabel, type Paragraph, paragraphs, SENTENCE_END, sameQuantity } from './wording-text.js'
import { relationWords } from './wording-words.js'

/** A total and the parts the wording lists for it. */
export interface Breakdown {
  paragraph: Paragraph
  /** Index of the total in the paragraph's figures. */
  total: number
  /** Indexes of the parts, in order. */
  parts: number[]
  /** The parts are meant to be all of the total. */
  complete: boolean
  /** The list stands in brackets after the total: A（a1、a2）. */
  bracketed: boolean
}

const OPEN = /[（(]/
const CLOSE = /[）)]/

/** Breakdowns of every paragraph of a document. */
export function findBreakdowns(doc: { text: string; figures: Figure[] }): Breakdown[] {
  const out: Breakdown[] = []
  for (const p of paragraphs(doc)) {
    for (let t = 0; t < p.figures.length; t++) {
      const b = breakdownAt(doc.text, p, t)
      if (b) out.push(b)
    }
  }
  return out
}

/** The breakdown whose total is figure t of paragraph p, if the wording after it opens one. */
function breakdownAt(text: string, p: Paragraph, t: number): Breakdown | null {
  const total = p.figures[t]!
  if (total.kind !== 'money' && total.kind !== 'count') return null
  // A change (比上年增加…) describes the figure before it; a list after it is that figure's.
  if (relationWords().change.amountCue.test(clauseBefore(text, p, t))) return null
  const opening = openingAfter(text, p, t)
  if (!opening) return null
  const words = relationWords().breakdown
  const parts: number[] = []
  const outsiders: number[] = []
  const totalName = `${total.label ?? ''}|${localLabel(text, p, t)}`
  // Bracket depth relative to the list: a bracketed list lives at depth 1, a worded one at 0.
  const base = opening.bracketed ? 1 : 0
  let depth = opening.bracketed ? 1 : 0
  for (let j = opening.first; j < p.figures.length; j++) {
    const gap = j === opening.first ? opening.tail : gapBefore(text, p, j)
    const walked = walkDepth(gap, depth, base)
    if (walked.below || (walked.depth <= base && SENTENCE_END.test(gap) && j !== opening.first)) break
    // The figure just before opens a worded breakdown of its own (“；实有人数21人，其中：”):
    // it is a new total, not a part, and this list is over.
    if (j !== opening.first && depth <= base && opensOwnList(gap, opening.bracketed)) {
      if (parts[parts.length - 1] === j - 1) parts.pop()
      break
    }
    depth = walked.depth
    if (depth > base) continue // inside a part's own bracket: that part's breakdown
    const f = p.figures[j]!
    if (!sameQuantity(total, f)) continue
    const local = stripOpener(localLabel(text, p, j))
    if (words.attribute.test(local)) continue
    if (words.outsiders.some((o) => o.part.test(local) && !o.unlessTotal.test(totalName))) {
      outsiders.push(j)
      continue
    }
    if (words.totalWord.test(local) || words.totalWord.test(f.label ?? '')) break
    // A list of one partition (中央/省/市; 年初/追加) ends at a name outside it, in brackets
    // (a bracket left open) or after a semicolon (“；全年执行数…” starts another statement).
    if ((opening.bracketed || /[；;]/.test(gap)) && parts.length >= 2 && leavesPartition(text, p, parts, local)) break
    parts.push(j)
  }
  // A list part followed by a worded list of its own at the paragraph's end is a total too.
  const last = parts[parts.length - 1]
  if (last !== undefined && opensOwnList(gapAfter(text, p, last), opening.bracketed) && parts.length > 1) parts.pop()
  // A bracket not introduced by a word (A（a1、a2）) is a breakdown only when it lists several parts.
  if (parts.length === 0 || (opening.bracketed && !opening.worded && parts.length < 2)) return null
  const found: Breakdown = { paragraph: p, total: t, parts, complete: isComplete(text, p, parts), bracketed: opening.bracketed }
  // 退休 beside 实有人员 is outside the total, beside 共有人员 inside it: take the reading that adds up.
  const withOutsiders = { ...found, parts: [...parts, ...outsiders.filter((j) => j > parts[0]!)].sort((a, b) => a - b) }
  if (outsiders.length > 0 && !checkSum(toRelation(found))?.holds && checkSum(toRelation(withOutsiders))?.holds) return withOutsiders
  return found
}

interface Opening {
  /** The first figure after the opener. */
  first: number
  /** Text between the opener and that figure. */
  tail: string
  bracketed: boolean
  /** An opener word (其中, 包含 …) introduces the list. */
  worded: boolean
}

/**
 * Where a list of parts opens after figure t: a bracket right after it, or an opener word
 * (其中, 包括 …) before the next figure — shares of the total in between (“，占42%。其中：”)
 * are passed over, a rate is not (“执行率97%。其中：项目21个” lists projects, not parts).
 */
function openingAfter(text: string, p: Paragraph, t: number): Opening | null {
  let j = t + 1
  let between = ''
  while (j < p.figures.length) {
    between += gapBefore(text, p, j)
    if (!describesTotal(text, p, j)) break
    between += p.figures[j]!.raw
    j++
  }
  if (j >= p.figures.length) return null
  const bracket = /^[\s\u3000]*[（(]/.exec(between)
  if (bracket) {
    const tail = between.slice(bracket[0].length)
    return { first: j, tail, bracketed: true, worded: openerIn(`（${tail}`) !== -1 }
  }
  const opener = openerIn(between)
  if (opener === -1) return null
  // The opener follows the total closely: only punctuation, the total's share or change, or
  // a sentence end between.
  let before = between.slice(0, opener)
  for (let k = t + 1; k < j; k++) before = before.replace(clauseBefore(text, p, k), '').replace(p.figures[k]!.raw, '')
  if (before.replace(/[\s\u3000，,。；;：:“”"]/g, '').length > 0) return null
  return { first: j, tail: between.slice(opener), bracketed: false, worded: true }
}

/**
 * Whether figure j only describes the total before it — its share (占42%), its change
 * (比上年增加12万元，增长5%) — so that an opener after it still opens the total's list.
 */
function describesTotal(text: string, p: Paragraph, j: number): boolean {
  const { share, change } = relationWords()
  const f = p.figures[j]!
  const clause = clauseBefore(text, p, j)
  if (f.kind === 'percent') return share.bare.test(localLabel(text, p, j)) || change.rateCue.test(clause)
  return change.amountCue.test(clause)
}

/** Position of an opener word in s (含 only right after a bracket), or −1. */
function openerIn(s: string): number {
  const { openers } = relationWords().breakdown
  let best = -1
  for (const o of openers) {
    // A lone 含 is an opener only right after a bracket: （含中央…）, not 含税.
    const at = o.length === 1 ? bracketedAt(s, o) : s.indexOf(o)
    if (at !== -1 && (best === -1 || at < best)) best = at
  }
  return best
}

function bracketedAt(s: string, word: string): number {
  const at = s.search(new RegExp(`[（(]${word}`))
  return at === -1 ? -1 : at + 1
}

/** A local label without the opener words in front: 包含中央 → 中央, 其中：财政拨款收入 → 财政拨款收入. */
export function stripOpener(local: string): string {
  return local.replace(/^(?:(?:其中|包括|包含|含|分别为|分别是|即)[：:]?)+/, '')
}

/** Whether text after a part opens a worded breakdown of that part. */
function opensOwnList(gap: string, inBracket: boolean): boolean {
  const opener = openerIn(gap)
  // An opener whose clause ends before the next figure (主要包括…；公用经费…) lists no figures.
  if (opener === -1 || /[；;。！？!?]/.test(gap.slice(opener))) return false
  const before = gap.slice(0, opener)
  // “A（其中…）” inside a worded list is a part with details; inside a bracketed list, or
  // unbracketed (“，其中：”), the figure is a total of its own.
  const bracketed = /[（(][\s\u3000]*$/.test(before)
  return inBracket || !bracketed
}

/** Bracket depth after a gap; `below` when the bracket the list stands in closes. */
function walkDepth(gap: string, depth: number, base: number): { depth: number; below: boolean } {
  let d = depth
  for (const ch of gap) {
    if (OPEN.test(ch)) d++
    else if (CLOSE.test(ch)) d--
    if (d < base) return { depth: d, below: true }
  }
  return { depth: d, below: false }
}

/** Whether the parts so far all belong to one partition (中央/省/市) that `local` is outside of. */
function leavesPartition(text: string, p: Paragraph, parts: number[], local: string): boolean {
  const names = parts.map((j) => stripOpener(localLabel(text, p, j)))
  return relationWords().breakdown.partitions.some(
    (g) => names.every((n) => g.members.some((m) => m.test(n))) && !g.members.some((m) => m.test(local)),
  )
}

/** Whether the listed parts are meant to be all of the total. */
function isComplete(text: string, p: Paragraph, parts: number[]): boolean {
  const words = relationWords().breakdown
  const names = parts.map((j) => stripOpener(localLabel(text, p, j)) || (p.figures[j]!.label ?? ''))
  if (parts.length >= 2 && words.remainder.test(names[names.length - 1]!)) return true
  return words.partitions.some((g) => {
    if (!names.every((n) => g.members.some((m) => m.test(n)))) return false
    const matched = new Set(names.map((n) => g.members.findIndex((m) => m.test(n))))
    return matched.size >= g.min && g.required.every((r) => names.some((n) => r.test(n)))
  })
}

/** SumRelations of the breakdowns. */
export function breakdownRelations(breakdowns: Breakdown[]): SumRelation[] {
  return breakdowns.map(toRelation)
}

function toRelation(b: Breakdown): SumRelation {
  const total = b.paragraph.figures[b.total]!
  const name = total.label?.replace(/[“”"]/g, '')
  return {
    kind: 'sum',
    total,
    parts: b.parts.map((j) => ({ figure: b.paragraph.figures[j]!, sign: 1 as const })),
    origin: 'wording',
    complete: b.complete,
    note: `${name ? `${name}的` : ''}${b.bracketed ? '括号内分项' : '“其中”分项'}`,
  }
}
