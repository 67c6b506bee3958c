/**
 * Chinese numerals: 三百二十, 两千, 一亿二千万, 一百零五, 十五, 〇 and the 大写 forms of
 * amounts (壹佰万, 贰拾叁); digit strings such as 二〇二三 read digit by digit.
 * Returns the same literal shape as Arabic numerals so the figure scanner treats both alike.
 */
import { CharClass } from './char-class.js'
import type { NumberLiteral } from './numbers.js'

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
  壹: 1, 贰: 2, 貳: 2, 叁: 3, 參: 3, 肆: 4, 伍: 5, 陆: 6, 陸: 6, 柒: 7, 捌: 8, 玖: 9,
}
const SMALL_UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 }
const LARGE_UNITS: Record<string, number> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 }

export interface ChineseNumberLiteral extends NumberLiteral {
  chinese: true
}

/** Every numeral character, for the scanner's per-character test (a Set is several times faster than three `in` lookups). */
const NUMERAL_CHARS = new Set([...Object.keys(DIGITS), ...Object.keys(SMALL_UNITS), ...Object.keys(LARGE_UNITS)])
/**
 * The same characters by code unit (each is one): the figure scanner asks at every character
 * of the text, and `text[i]` builds a new one-character string for every Chinese character.
 */
const NUMERAL_CODES = new CharClass([...NUMERAL_CHARS].join(''))

export function isChineseNumeralChar(ch: string | undefined): boolean {
  return ch !== undefined && NUMERAL_CHARS.has(ch)
}

/** isChineseNumeralChar(text[at]) without building the character (false outside the text). */
export function isChineseNumeralAt(text: string, at: number): boolean {
  return NUMERAL_CODES.at(text, at)
}

/**
 * Parses the Chinese numeral starting at `pos`. Needs at least one digit or 十 — a bare 万
 * or 千 (万人行动, 千人下乡) is a word, not a number. 点 introduces decimals (三点五).
 */
export function readChineseNumber(text: string, pos: number): ChineseNumberLiteral | null {
  let end = pos
  while (end < text.length && isChineseNumeralAt(text, end)) end++
  // Do not swallow a trailing 万/亿 that belongs to a unit (三万元 keeps 万 inside; 五十万元 too).
  const chars = [...text.slice(pos, end)]
  if (!chars.some((c) => c in DIGITS || c === '十' || c === '拾')) return null
  // A leading large unit (万, 亿) cannot start a number.
  if (chars[0]! in LARGE_UNITS || chars[0] === '百' || chars[0] === '千' || chars[0] === '佰' || chars[0] === '仟') return null

  // 二〇二三 is read digit by digit; 三四 (three or four) is not a number.
  const isDigitString = chars.length > 1 && chars.every((c) => c in DIGITS)
  if (isDigitString && !chars.some((c) => DIGITS[c] === 0) && chars.length < 4) return null
  let value: number
  let precision = 0 // power of ten of the last written place (for decimals)
  if (isDigitString) {
    value = Number(chars.map((c) => DIGITS[c]).join(''))
  } else {
    const parsed = parseCounting(chars)
    if (!parsed) return null
    value = parsed.value
    precision = parsed.precision
  }

  let digits = String(value)
  let decimals = precision === 0 ? 0 : -precision
  if (text[end] === '点' && isChineseDigit(text[end + 1])) {
    let p = end + 1
    while (isChineseDigit(text[p])) p++
    const fraction = [...text.slice(end + 1, p)].map((c) => DIGITS[c]).join('')
    digits = `${value}.${fraction}`
    value = Number(digits)
    decimals = fraction.length
    end = p
  }
  return { start: pos, end, digits, value, decimals, grouped: false, chinese: true }
}

function isChineseDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch in DIGITS
}

/** 三百二十 → 320; 一亿二千万 → 120000000; 十五 → 15. Null when the characters do not form a number. */
function parseCounting(chars: string[]): { value: number; precision: number } | null {
  let total = 0
  let section = 0
  let digit: number | null = null
  for (const c of chars) {
    if (c in DIGITS) {
      // 三四 inside a counted number is not a numeral (零 may stand between places: 一百零五).
      if (digit !== null && digit !== 0 && DIGITS[c] !== 0) return null
      digit = DIGITS[c]!
    } else if (c in SMALL_UNITS) {
      const unit = SMALL_UNITS[c]!
      if (digit === null && unit !== 10) return null
      section += (digit ?? 1) * unit
      digit = null
    } else {
      const unit = LARGE_UNITS[c]!
      const block = section + (digit ?? 0)
      if (block === 0 && total === 0) return null
      total = unit === 1e8 ? (total + block) * unit : total + block * unit
      section = 0
      digit = null
    }
  }
  return { value: total + section + (digit ?? 0), precision: writtenPrecision(chars) }
}

/**
 * Power of ten of the last place written, when a 万/亿 makes it coarse, read as the
 * Arabic form would be: 五十万 like 50万 → 4, 三万五千 like 3.5万 → 3. Plain counts
 * (三百二十, 两千) are exact, as 320 and 2000 are.
 */
function writtenPrecision(chars: string[]): number {
  const last = chars[chars.length - 1]!
  const small = (c: string | undefined) => (c !== undefined && c in SMALL_UNITS ? Math.log10(SMALL_UNITS[c]!) : 0)
  if (last in LARGE_UNITS) return Math.log10(LARGE_UNITS[last]!)
  if (last in SMALL_UNITS && chars.some((c) => c in LARGE_UNITS)) return small(last)
  return 0
}
