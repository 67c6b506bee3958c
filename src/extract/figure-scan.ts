/**
 * Finds every written quantity in a text: a numeral with what surrounds it — sign,
 * comparator and approximation words before it; 万/亿 multipliers, 多/余, the unit,
 * rate suffixes (元/人/天) and 以上/左右 after it. Numerals that are dates, years, clock
 * times, codes or ordinals are dropped here; numerals with no unit are returned as bare
 * (the caller decides, e.g. from a table header, whether they are figures).
 */
import { Decimal } from 'decimal.js'
import { chineseNumeralAt, isChineseIdiom, percentInWords } from './chinese-figures.js'
import { isChineseNumeralAt } from './chinese-numerals.js'
import { type NumberLiteral, digitAt, readArabicNumber, scaleDecimal } from './numbers.js'
import { type FigureKind, bareMultiplierUnit, matchUnit, yuanPower } from './units.js'

export type Comparator = '>=' | '<=' | '>' | '<'

export interface ScannedFigure {
  /** Raw span: prefix, sign, numeral, multiplier, unit and suffix. */
  start: number
  end: number
  numeral: NumberLiteral
  /** null: a bare number, no unit written. */
  kind: FigureKind | null
  unit: string | null
  value: number
  decimals: number
  yuan?: number
  approx: boolean
  comparator?: Comparator
  /** The unit was written twice (612.30万元万元). */
  repeatedUnit?: boolean
  /** The unit was taken from the next member of a list or range (4125.49,4143.91万元; 10-20万元). */
  sharedUnit?: boolean
}

const SPACE = /[ \u3000\u00a0]/
const MULTIPLIER_POWER: Record<string, number> = { 万: 4, 萬: 4, 亿: 8, 億: 8 }
const COMPOUND_POWER: Record<string, number> = { 千: 3, 仟: 3, 百: 2, 佰: 2 }
const APPROX_INFIX = '多余来'
const SYMBOL_COMPARATORS: Record<string, Comparator> = { '≥': '>=', '≧': '>=', '⩾': '>=', '≤': '<=', '≦': '<=', '⩽': '<=', '>': '>', '＞': '>', '<': '<', '＜': '<' }
/** Words before a number that bound it; they are not part of the raw figure. */
const WORD_COMPARATORS: Array<[string, Comparator]> = [
  ['不少于', '>='], ['不低于', '>='], ['不小于', '>='], ['至少', '>='],
  ['不超过', '<='], ['不高于', '<='], ['不大于', '<='], ['最多', '<='],
  ['超过', '>'], ['高于', '>'], ['大于', '>'], ['多于', '>'],
  ['低于', '<'], ['少于', '<'], ['小于', '<'], ['不足', '<'], ['不到', '<'],
]
/** Words before a number that make it approximate; they are part of the raw figure. */
const APPROX_PREFIXES = ['大约', '将近', '接近', '约', '近']
/** Characters before 约/近 that make a word instead (节约, 合约, 最近, 附近). */
const NOT_APPROX_BEFORE: Record<string, string> = { 约: '节合预签制契简公', 近: '最接将附邻' }
const SUFFIXES: Array<[string, { approx?: boolean; comparator?: Comparator }]> = [
  ['以上', { approx: true, comparator: '>=' }],
  ['以下', { comparator: '<=' }],
  ['以内', { comparator: '<=' }],
  ['左右', { approx: true }],
  ['上下', { approx: true }],
]
/** What may follow `/` in a rate unit: 元/人/天, 元/平方米, 吨/年. */
const PER_UNIT = /^\/(平方米|立方米|公里|小时|人次|人|天|日|月|年|次|户|亩|吨|台|辆|件|个|家|项|份|米|kg|公斤|千克|平米|㎡)/
const LIST_SEPARATOR = /^[ \u3000]?([,、\-－~～—–至到])[ \u3000]?$/

export function scanFigures(text: string, from = 0, to = text.length): ScannedFigure[] {
  const found: ScannedFigure[] = []
  let i = from
  while (i < to) {
    if (digitAt(text, i) === null) {
      const words = readFigureInWords(text, i)
      if (words) found.push(words)
      i = words ? words.end : isChineseNumeralAt(text, i) ? skipChineseNumeral(text, i) : i + 1
      continue
    }
    const numeral = readArabicNumber(text, i)!
    i = Math.max(numeral.end, i + 1)
    if (isExcludedContext(text, numeral)) {
      // Skip the rest of a code such as G356线 or 4·17 as one token.
      while (i < to && (digitAt(text, i) !== null || /[A-Za-z·•]/.test(text[i]!))) i++
      continue
    }
    const figure = readFigureAround(text, numeral)
    if (figure) found.push(figure)
    i = Math.max(i, figure?.end ?? numeral.end)
  }
  shareUnitsAcrossLists(text, found)
  return found
}

/** A percentage or count written in words (百分之九十五, 九个, 三项), or null. */
function readFigureInWords(text: string, i: number): ScannedFigure | null {
  const percent = percentInWords(text, i)
  if (percent) {
    return { start: i, end: percent.end, numeral: percent, kind: 'percent', unit: '%', value: percent.value, decimals: percent.decimals, approx: false }
  }
  if (!isChineseNumeralAt(text, i)) return null
  const numeral = chineseNumeralAt(text, i)
  if (!numeral) return null
  const figure = readFigureAround(text, numeral)
  if (!figure || figure.kind === null) return null
  if (isChineseIdiom(text, text.slice(numeral.start, numeral.end), figure.kind, figure.unit!, figure.end)) return null
  return figure
}

/** Past a run of numeral characters, so the tail of 二十一 is not read as 十一. */
function skipChineseNumeral(text: string, i: number): number {
  let j = i
  while (isChineseNumeralAt(text, j)) j++
  return j
}

/** Years, dates, clock times, codes, ordinals: numerals that are not quantities. */
function isExcludedContext(text: string, n: NumberLiteral): boolean {
  const before = text[n.start - 1] ?? ''
  const after = text[n.end] ?? ''
  if (/[A-Za-z_#]/.test(before) || /[#_]/.test(after)) return true // G356线, image1.png, 3#楼
  if (/[A-Za-z]/.test(after) && matchUnit(text, n.end) === null) return true // 5G, 3D
  if (before === '·' || before === '•' || after === '·' || after === '•') return true // “4·17”
  if (before === '第' || (SPACE.test(before) && text[n.start - 2] === '第')) return true // 第21次
  if (before === '时' && digitAt(text, n.start - 2) !== null) return true // 6时20分
  if ((after === ':' || after === '：') && digitAt(text, n.end + 1) !== null && n.decimals === 0 && n.digits.length <= 2) return true // 8:30
  if ((before === ':' || before === '：') && digitAt(text, n.start - 2) !== null) return true
  return false
}

function skipSpaces(text: string, p: number, max = 2): number {
  let q = p
  while (q - p < max && SPACE.test(text[q] ?? '')) q++
  return q
}

function readFigureAround(text: string, numeral: NumberLiteral): ScannedFigure | null {
  if ((text[numeral.end] === '.' || text[numeral.end] === '．') && matchUnit(text, numeral.end + 1)) {
    // 7.50.万元: a stray point between number and unit; keep the figure, flag the slip.
    numeral.malformed ??= 'stray decimal point before the unit'
    numeral.end++
  }
  let p = skipSpaces(text, numeral.end)
  let approx = false
  let power = 0
  let compound: Decimal | null = null
  let unitMatch = matchUnit(text, p)

  if (!unitMatch && APPROX_INFIX.includes(text[p] ?? '') && (matchUnit(text, p + 1) || MULTIPLIER_POWER[text[p + 1] ?? ''])) {
    approx = true // 5400余项, 3500多万元
    p++
    unitMatch = matchUnit(text, p)
  }
  if (!unitMatch && MULTIPLIER_POWER[text[p] ?? '']) {
    power = MULTIPLIER_POWER[text[p]!]!
    const multiplierChar = text[p]!
    p++
    const tail = readCompound(text, p, power, numeral)
    if (tail) {
      compound = tail.value
      p = tail.end
    }
    if (APPROX_INFIX.includes(text[p] ?? '') && text[p] !== '来') {
      approx = true // 20万余元, 1.8万余份
      p++
    }
    unitMatch = matchUnit(text, p)
    if (!unitMatch) {
      const money = bareMultiplierUnit(multiplierChar)
      if (!money) return null
      unitMatch = { unit: money, kind: 'money', length: 0 } // 98万 → 98万元
      power = 0
    }
  }

  if (!unitMatch) {
    if (p !== numeral.end && !SPACE.test(text[numeral.end] ?? '')) return null
    return finish(text, numeral, { kind: null, unit: null, end: numeral.end, value: numeral.value, decimals: numeral.decimals, approx: false })
  }

  if (unitMatch.kind === 'percent' && power > 0) return null
  const unitStart = p
  p += unitMatch.length
  let unit = unitMatch.unit
  let kind: FigureKind = unitMatch.kind
  let value = numeral.value
  let decimals = numeral.decimals
  let digits = numeral.digits
  let yuan: number | undefined

  if (kind === 'money') {
    if (power > 0) {
      // 20万余元: the multiplier and 元 together make the unit 万元.
      unit = power === 8 ? '亿元' : '万元'
      if (compound) digits = new Decimal(digits).plus(compound.div(new Decimal(10).pow(power))).toString()
      value = Number(digits)
      decimals = decimalPlaces(digits)
    }
  } else if (power > 0) {
    // Counts and measures fold 万/亿 into the value: 1.8万份 → 18000 份, decimals −3.
    let folded = new Decimal(digits).times(new Decimal(10).pow(power))
    if (compound) folded = folded.plus(compound)
    value = folded.toNumber()
    decimals = numeral.decimals - power
    if (compound) decimals = -compoundPower(compound) // 2万5千: written to the thousand
  }

  let repeatedUnit = false
  const written = text.slice(unitStart, unitStart + unitMatch.length)
  if (written.length > 0 && text.startsWith(written, p)) {
    repeatedUnit = true // 612.30万元万元
    p += written.length
  }

  const per = PER_UNIT.exec(text.slice(p, p + 5))
  if (per) {
    // A rate (500元/人/天) is not an amount of money: it never enters a sum.
    unit += per[0]
    p += per[0].length
    const again = PER_UNIT.exec(text.slice(p, p + 5))
    if (again) {
      unit += again[0]
      p += again[0].length
    }
    kind = 'measure'
  } else if (kind === 'money') {
    const power10 = yuanPower(unit)
    if (power10 !== undefined) yuan = scaleDecimal(digits, power10)
  }

  let comparator: Comparator | undefined
  for (const [word, effect] of SUFFIXES) {
    if (text.startsWith(word, p)) {
      p += word.length
      approx ||= effect.approx ?? false
      comparator = effect.comparator
      break
    }
  }
  if (!comparator && kind === 'measure' && (text[p] === '多' || text[p] === '余') && !/[个次年]/.test(text[p + 1] ?? '')) {
    approx = true // 3年多
    p++
  }

  // A four-digit number of 年 is a year (2023年), not a duration.
  if (unit === '年' && numeral.decimals === 0 && numeral.digits.length === 4 && power === 0) return null

  const scanned = finish(text, numeral, { kind, unit, end: p, value, decimals, approx, comparator, yuan })
  if (scanned && repeatedUnit) scanned.repeatedUnit = true
  return scanned
}

/** 2万5千: digits and 千/百 after a multiplier, only for an integer head. */
function readCompound(text: string, p: number, power: number, head: NumberLiteral): { value: Decimal; end: number } | null {
  if (head.decimals > 0) return null
  const tail = readArabicNumber(text, p)
  if (!tail || tail.decimals > 0) return null
  const tailPower = COMPOUND_POWER[text[tail.end] ?? '']
  if (tailPower === undefined || tailPower >= power) return null
  return { value: new Decimal(tail.digits).times(new Decimal(10).pow(tailPower)), end: tail.end + 1 }
}

function compoundPower(value: Decimal): number {
  let power = 0
  let v = value
  while (!v.isZero() && v.mod(10).isZero()) {
    v = v.div(10)
    power++
  }
  return power
}

function decimalPlaces(digits: string): number {
  const dot = digits.indexOf('.')
  return dot === -1 ? 0 : digits.length - dot - 1
}

interface Core {
  kind: FigureKind | null
  unit: string | null
  end: number
  value: number
  decimals: number
  approx: boolean
  comparator?: Comparator | undefined
  yuan?: number | undefined
}

/** Adds what stands before the numeral: sign, comparator symbol or word, 约/近. */
function finish(text: string, numeral: NumberLiteral, core: Core): ScannedFigure {
  let start = numeral.start
  let value = core.value
  let yuan = core.yuan
  let approx = core.approx
  let comparator = core.comparator

  const sign = text[start - 1]
  if ((sign === '-' || sign === '－' || sign === '−') && !isRangeEnd(text[start - 2])) {
    start--
    value = -value
    if (yuan !== undefined) yuan = -yuan
  }
  const symbolAt = skipBackSpaces(text, start)
  const symbol = SYMBOL_COMPARATORS[text[symbolAt - 1] ?? '']
  if (symbol) {
    comparator ??= symbol
    start = symbolAt - 1
  } else {
    const prefix = APPROX_PREFIXES.find((w) => text.startsWith(w, symbolAt - w.length))
    const beforePrefix = prefix ? text[symbolAt - prefix.length - 1] : undefined
    if (prefix && !(beforePrefix !== undefined && NOT_APPROX_BEFORE[prefix]?.includes(beforePrefix))) {
      approx = true
      start = symbolAt - prefix.length
    }
    const word = WORD_COMPARATORS.find(([w]) => text.startsWith(w, start - w.length))
    if (word) comparator ??= word[1]
  }

  const figure: ScannedFigure = { start, end: core.end, numeral, kind: core.kind, unit: core.unit, value, decimals: core.decimals, approx }
  if (yuan !== undefined) figure.yuan = yuan
  if (comparator) figure.comparator = comparator
  return figure
}

/** Before a dash, these end the first half of a range (10-20, 80%（含）-90%): the dash is no minus sign. */
function isRangeEnd(ch: string | undefined): boolean {
  return ch !== undefined && /[0-9A-Za-z０-９%％）)\]】]/.test(ch)
}

function skipBackSpaces(text: string, p: number): number {
  let q = p
  while (q > p - 1 && SPACE.test(text[q - 1] ?? '')) q--
  return q
}

/**
 * A bare number directly followed by a separator and a number with a unit shares that
 * unit: 4125.49,4143.91万元 and 10-20万元 are two money figures; 1、2、3个 three counts.
 * Runs right to left so a chain passes the unit along. A number at the start of a line
 * followed by 、 is an enumerator (1、2个专题) and takes nothing.
 */
function shareUnitsAcrossLists(text: string, figures: ScannedFigure[]): void {
  for (let k = figures.length - 2; k >= 0; k--) {
    const bare = figures[k]!
    const next = figures[k + 1]!
    if (bare.kind !== null || next.kind === null || next.unit === null) continue
    const between = text.slice(bare.end, next.start)
    const sep = LIST_SEPARATOR.exec(between)?.[1]
    if (!sep) continue
    if (sep === '、' && isLineStart(text, bare.start)) continue
    bare.kind = next.kind
    bare.unit = next.unit
    bare.sharedUnit = true
    if (next.kind === 'money') {
      const power10 = yuanPower(next.unit)
      if (power10 !== undefined) bare.yuan = scaleDecimal(bare.numeral.digits, power10) * Math.sign(bare.value || 1)
    }
  }
}

function isLineStart(text: string, p: number): boolean {
  for (let q = p - 1; q >= 0; q--) {
    const ch = text[q]!
    if (ch === '\n') return true
    if (!/[\s\u3000（(]/.test(ch)) return false
  }
  return true
}
