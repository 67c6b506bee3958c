/**
 * The numeric condition of one clause of a scoring criterion — the part before 计6分 — as
 * a range of the measured value: 90%（含）以上 → [90, ∞); 80%（含）-90% → [80, 90);
 * 0-10%（含） → (0, 10]; 低于70% → (−∞, 70); ≦0 → (−∞, 0]; =0 → [0, 0]; 100% → [100, 100].
 *
 * Whether an end is included is often not said (90%以上 … 80%-90% meet at 90). Such an end
 * is left undecided and counts as included on both sides, so a value on the boundary is
 * allowed either score — a check built on this never blames the writer for an ambiguity
 * of their own criterion. A range that marks one end （含） excludes the other: that is
 * how 80%（含）-90% and 0-10%（含） are written in tiers that meet.
 *
 * Bare numbers count only after a comparison sign (≦0, >0, =0); otherwise a number must
 * carry % or 个百分点, so years, counts and amounts (2016年, 3次) are never conditions.
 */

/** One end of a range; `inclusive` undefined when the text does not say. */
export interface Bound {
  value: number
  inclusive?: boolean
}

/** A range of the measured value, in its own unit (percent points for a rate); open ends absent. */
export interface Range {
  lo?: Bound
  hi?: Bound
}

const NUM = String.raw`(\d+(?:\.\d+)?)`
const PCT = String.raw`(?:%|个百分点|百分点)`
const MARK = String.raw`(?:\((含|包含|包括|含本数|不含|不包含|不包括)\))`
const DASH = String.raw`(?:-|~|—|–|至|到)`

/** 80%(含)-90% · 0-10%(含) · 在80%至90%之间 */
const RANGE = new RegExp(String.raw`${NUM}\s*(${PCT})?\s*${MARK}?\s*${DASH}\s*${NUM}\s*(${PCT})?\s*${MARK}?`, 'gu')
/** 80%≤x<90% */
const BETWEEN = new RegExp(String.raw`${NUM}\s*${PCT}?\s*(<=|≤|≦|<)[^\d<>≤≥≦≧;]{0,16}?(<=|≤|≦|<)\s*${NUM}\s*${PCT}`, 'gu')
/** 90%(含)以上 · 100%以下(含) · 95%及以上 */
const AFTER = new RegExp(String.raw`${NUM}\s*${PCT}\s*${MARK}?\s*(及以上|以上|及以下|以下|以内|之内)\s*${MARK}?`, 'gu')
const SYMBOL = String.raw`>=|<=|≥|≧|≤|≦|>|<|=`
const WORD =
  '大于等于|小于等于|大于或等于|小于或等于|高于或等于|低于或等于|不低于|不少于|不小于|不超过|不高于|不大于|未达到|达到|高于|大于|超过|超出|低于|小于|少于|不足|不到|等于'
/** ≦100% · >0 · 低于70% (a bare number only after a sign, and not before a unit such as 年 or 人). */
const BEFORE = new RegExp(String.raw`(${SYMBOL}|${WORD})\s*${NUM}\s*(${PCT})?(?![\d.]|[年月日元万亿人个次项天家件篇条处分户名台辆套座])`, 'gu')
/** A percentage with no comparison: 100%计满分. */
const PLAIN = new RegExp(String.raw`${NUM}\s*${PCT}`, 'gu')

const LOWER_INCL = new Set(['>=', '≥', '≧', '大于等于', '大于或等于', '高于或等于', '不低于', '不少于', '不小于', '达到'])
const LOWER_EXCL = new Set(['>', '大于', '高于', '超过', '超出'])
const UPPER_INCL = new Set(['<=', '≤', '≦', '小于等于', '小于或等于', '低于或等于', '不超过', '不高于', '不大于'])
const UPPER_EXCL = new Set(['<', '小于', '低于', '少于', '不足', '不到', '未达到'])

function mark(text: string | undefined): boolean | undefined {
  if (text === undefined) return undefined
  return !text.startsWith('不')
}

/** Bounds of one comparison word or sign, or undefined for an unknown one. */
function compare(op: string, value: number): Range | undefined {
  if (LOWER_INCL.has(op)) return { lo: { value, inclusive: true } }
  if (LOWER_EXCL.has(op)) return { lo: { value, inclusive: false } }
  if (UPPER_INCL.has(op)) return { hi: { value, inclusive: true } }
  if (UPPER_EXCL.has(op)) return { hi: { value, inclusive: false } }
  if (op === '=' || op === '等于') return { lo: { value, inclusive: true }, hi: { value, inclusive: true } }
  return undefined
}

/**
 * The condition `text` states, every comparison in it taken together (80%≤…且<90%), or
 * null when it states none. `text` is NFKC-folded (％ → %, （ → (, ＞ → >).
 */
export function parseCondition(text: string): Range | null {
  let rest = text
  const found: Range[] = []
  const take = (re: RegExp, read: (m: RegExpExecArray) => Range | undefined) => {
    rest = rest.replace(re, (...args) => {
      const m = args.slice(0, -2) as unknown as RegExpExecArray
      const range = read(m)
      if (!range) return m[0]!
      found.push(range)
      return ' '.repeat(m[0]!.length)
    })
  }
  take(BETWEEN, (m) => ({ lo: { value: Number(m[1]), inclusive: m[2] !== '<' }, hi: { value: Number(m[4]), inclusive: m[3] !== '<' } }))
  take(RANGE, (m) => {
    if (!m[2] && !m[5]) return undefined // 2016-2020, 3-5项: not a rate
    const lo: Bound = { value: Number(m[1]) }
    const hi: Bound = { value: Number(m[4]) }
    const loMark = mark(m[3])
    const hiMark = mark(m[6])
    if (loMark !== undefined) lo.inclusive = loMark
    if (hiMark !== undefined) hi.inclusive = hiMark
    // One end marked （含） in tiers that meet: the other end belongs to the next tier.
    if (loMark === true && hiMark === undefined) hi.inclusive = false
    if (hiMark === true && loMark === undefined) lo.inclusive = false
    return lo.value <= hi.value ? { lo, hi } : { lo: hi, hi: lo }
  })
  take(AFTER, (m) => {
    const inclusive = mark(m[2] ?? m[4]) ?? (m[3]!.startsWith('及') ? true : undefined)
    const bound: Bound = inclusive === undefined ? { value: Number(m[1]) } : { value: Number(m[1]), inclusive }
    return m[3]!.endsWith('以上') ? { lo: bound } : { hi: bound }
  })
  take(BEFORE, (m) => {
    const isSymbol = new RegExp(`^(?:${SYMBOL})$`, 'u').test(m[1]!)
    if (!isSymbol && !m[3]) return undefined // 低于3次, 超过2016: not a rate
    return compare(m[1]!, Number(m[2]))
  })
  take(PLAIN, (m) => ({ lo: { value: Number(m[1]), inclusive: true }, hi: { value: Number(m[1]), inclusive: true } }))
  if (found.length === 0) return null
  return found.reduce(intersect)
}

function tighter(a: Bound | undefined, b: Bound | undefined, pick: (x: number, y: number) => boolean): Bound | undefined {
  if (!a) return b
  if (!b) return a
  if (a.value === b.value) return a.inclusive === false || b.inclusive === false ? { value: a.value, inclusive: false } : a.inclusive === undefined ? b : a
  return pick(a.value, b.value) ? a : b
}

export function intersect(a: Range, b: Range): Range {
  const out: Range = {}
  const lo = tighter(a.lo, b.lo, (x, y) => x > y)
  const hi = tighter(a.hi, b.hi, (x, y) => x < y)
  if (lo) out.lo = lo
  if (hi) out.hi = hi
  return out
}

/** Whether `x` lies in `range`; an undecided end counts as included. */
export function contains(range: Range, x: number): boolean {
  const { lo, hi } = range
  if (lo && (x < lo.value || (x === lo.value && lo.inclusive === false))) return false
  if (hi && (x > hi.value || (x === hi.value && hi.inclusive === false))) return false
  return true
}

/** 90%（含）以上 style text of a range, for messages. */
export function formatRange(range: Range): string {
  const { lo, hi } = range
  if (lo && hi && lo.value === hi.value) return `=${lo.value}`
  const left = lo ? `${lo.inclusive === false ? '>' : '≥'}${lo.value}` : ''
  const right = hi ? `${hi.inclusive === false ? '<' : '≤'}${hi.value}` : ''
  return [left, right].filter(Boolean).join(' 且 ') || '任意'
}
