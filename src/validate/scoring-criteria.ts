/**
 * A scoring criterion (评价标准 of a 计分表) read into pieces a check can evaluate:
 *
 * - bands: a condition and the points it gives — 90%（含）以上计6分, 大于30%不得分, 效果较好的
 *   计6分 (a condition in words: qualitative), 100%以下（含）计满分;
 * - steps: points lost per step beyond an anchor — 每超过一个百分点扣0.2分, 每低于5%扣2分;
 *   the anchor is the clause's own condition (＞0，每超过…), the bound of the band before
 *   it (≦100%，计7分；每超过…), or 以100%为标准;
 * - per-case deductions: 每出现一例不符合要求的扣2分, 未按时公开扣1分.
 *
 * The text is scanned for the scoring expressions (计6分, 扣2分, 不得分 …); the text between
 * one expression and the previous one, within its sentence, is that expression's condition.
 * Wording that leaves the score to judgement or to a formula (酌情扣分, 得分=…×…) marks the
 * criterion `open`: evaluations then say nothing rather than guess.
 */
import { parseCondition, type Range } from './scoring-conditions.js'
import { scoringWords } from './scoring-words.js'

/** Points a band gives: a number, a span (计4-6分) or the item's full 分值 (计满分). */
export type Points = { lo: number; hi: number } | 'full'

export interface Band {
  /** Condition on the measured value; null when the condition is in words (效果较好的). */
  when: Range | null
  points: Points
}

export interface Step {
  /** Points are lost above the anchor (每超过) or below it (每低于); null when the text does not say. */
  direction: 'above' | 'below' | null
  /** Size of one step in the measured unit: 一个百分点 → 1, 5% → 5. */
  per: number
  /** Points lost per step. */
  deduct: number
  /** Value from which steps count; null when the criterion does not give one. */
  anchor: number | null
  /** Points at the anchor, before deductions. */
  base: Points
  /** The clause's own condition (＞0，每超过…), when it has one. */
  when: Range | null
}

export interface Criterion {
  bands: Band[]
  steps: Step[]
  /** Points lost per failing case (每出现一例…扣2分) or once (未…扣1分). */
  perCase: number[]
  /** Most points deductions may take (最多扣3分); null when unlimited (扣完为止). */
  cap: number | null
  /** The score is left to judgement or a formula somewhere in the criterion. */
  open: boolean
}

const NUM = String.raw`(\d+(?:\.\d+)?)`
const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 }

type Token =
  | { kind: 'step'; start: number; end: number; what: string; deduct: number }
  | { kind: 'once'; start: number; end: number; deduct: number }
  | { kind: 'cap'; start: number; end: number; deduct: number }
  | { kind: 'points'; start: number; end: number; points: Points }
  | { kind: 'weight'; start: number; end: number }

/** In priority order: each pattern only sees text the ones before it left. */
const PATTERNS: Array<{ re: RegExp; token: (m: RegExpExecArray) => Omit<Token, 'start' | 'end'> | undefined }> = [
  { re: /(?:最多|最高|至多|累计最多|最多可)扣(?:除)?\s*(\d+(?:\.\d+)?)\s*分/gu, token: (m) => ({ kind: 'cap', deduct: Number(m[1]) }) },
  { re: new RegExp(String.raw`每([^;。扣减]{0,30}?)(?:扣|减)(?:除|去)?\s*${NUM}\s*分`, 'gu'), token: (m) => ({ kind: 'step', what: m[1]!, deduct: Number(m[2]) }) },
  { re: new RegExp(String.raw`(?:扣|减)(?:除|去)?\s*${NUM}\s*分`, 'gu'), token: (m) => ({ kind: 'once', deduct: Number(m[1]) }) },
  // 本项共10分, 满分5分, 分值为6分: the item's 分值 restated, not a tier (the rest may add up to it).
  { re: new RegExp(String.raw`(?:满分|共|总分|合计|分值|本项|本指标|该项|该指标)\s*(?:为|是|计)?\s*${NUM}\s*分`, 'gu'), token: () => ({ kind: 'weight' }) },
  {
    re: new RegExp(String.raw`(?:计|得|给|记|评|打|为)?\s*${NUM}\s*分?\s*(?:-|~|—|–|至|到)\s*${NUM}\s*分(?![值点析别配数钟])`, 'gu'),
    token: (m) => ({ kind: 'points', points: { lo: Math.min(Number(m[1]), Number(m[2])), hi: Math.max(Number(m[1]), Number(m[2])) } }),
  },
  { re: /(?:不得分|不计分|不给分|零分|计0分|得0分)/gu, token: () => ({ kind: 'points', points: { lo: 0, hi: 0 } }) },
  { re: /(?:计|得|给|记|按|为|打|获)?满分/gu, token: () => ({ kind: 'points', points: 'full' }) },
  { re: new RegExp(String.raw`(?:计|得|给|记|评|打|为)?\s*${NUM}\s*分(?![值点析别配数钟])`, 'gu'), token: (m) => ({ kind: 'points', points: { lo: Number(m[1]), hi: Number(m[1]) } }) },
]

const STANDARD = new RegExp(String.raw`以\s*${NUM}\s*%\s*(?:为|作为)\s*(?:标准|基准|目标|上限|下限)`, 'u')
const STEP_SIZE = /(\d+(?:\.\d+)?|[一二两三四五六七八九十])\s*(?:个)?\s*(?:百分点|%)/u

/**
 * Reads a criterion; null when it states no scoring at all (an explanation, a formula of
 * the rate only). `text` is the cell as written; it is NFKC-folded here.
 */
export function parseCriterion(text: string): Criterion | null {
  const folded = text.normalize('NFKC')
  const words = scoringWords()
  const open = words.openMarkers.some((re) => re.test(folded))
  const standard = STANDARD.exec(folded)
  let masked = standard ? folded.replace(standard[0], ' '.repeat(standard[0].length)) : folded
  const tokens: Token[] = []
  for (const { re, token } of PATTERNS) {
    masked = masked.replace(re, (...args) => {
      const m = args.slice(0, -2) as unknown as RegExpExecArray
      const at = args.at(-2) as number
      const t = token(m)
      if (!t) return m[0]!
      tokens.push({ ...t, start: at, end: at + m[0]!.length } as Token)
      return ' '.repeat(m[0]!.length)
    })
  }
  if (tokens.length === 0) return null
  tokens.sort((a, b) => a.start - b.start)

  const out: Criterion = { bands: [], steps: [], perCase: [], cap: null, open }
  let previousEnd = 0
  let lastBand: Band | undefined
  for (const t of tokens) {
    // The condition: from the previous expression (or the sentence start) to this one.
    const sentenceStart = Math.max(previousEnd, lastSeparator(folded, t.start) + 1)
    const when = parseCondition(masked.slice(sentenceStart, t.start))
    previousEnd = t.end
    if (t.kind === 'weight') continue
    if (t.kind === 'cap') out.cap = out.cap === null ? t.deduct : Math.min(out.cap, t.deduct)
    else if (t.kind === 'once') out.perCase.push(t.deduct)
    else if (t.kind === 'points') {
      lastBand = { when, points: t.points }
      out.bands.push(lastBand)
    } else {
      const step = readStep(t.what, t.deduct, when, lastBand, standard ? Number(standard[1]) : null)
      if (step) out.steps.push(step)
      else out.perCase.push(t.deduct)
    }
  }
  return out
}

function lastSeparator(text: string, before: number): number {
  const head = text.slice(0, before)
  return Math.max(head.lastIndexOf(';'), head.lastIndexOf('。'), head.lastIndexOf('；'))
}

/** A 每…扣 deduction measured in percent (a step), or undefined when it counts cases. */
function readStep(what: string, deduct: number, when: Range | null, previous: Band | undefined, standard: number | null): Step | undefined {
  const size = STEP_SIZE.exec(what)
  if (!size && !/百分点/u.test(what)) return undefined
  const per = size ? (CN_DIGITS[size[1]!] ?? Number(size[1])) : 1
  if (!(per > 0)) return undefined
  const words = scoringWords()
  const direction = words.above.some((w) => what.includes(w)) ? 'above' : words.below.some((w) => what.includes(w)) ? 'below' : null
  // The anchor: the clause's own condition, else where the band before it ends, else 以X%为标准.
  const own = direction === 'above' ? when?.lo?.value : direction === 'below' ? when?.hi?.value : undefined
  const fromBand = previous?.when ? (direction === 'above' ? (previous.when.hi?.value ?? previous.when.lo?.value) : (previous.when.lo?.value ?? previous.when.hi?.value)) : undefined
  const anchor = own ?? fromBand ?? standard
  const touches = fromBand !== undefined && fromBand === anchor
  return { direction, per, deduct, anchor: anchor ?? null, base: touches && previous ? previous.points : 'full', when }
}
