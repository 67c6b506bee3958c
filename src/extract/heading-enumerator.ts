/**
 * Enumerators at the start of a line: 一、 （一） 1、 1. （1） ① a. 一是 第一部分.
 *
 * Chinese official documents (GB/T 9704 and the 财政 report templates) number headings
 * 一、 → （一） → 1. → （1）. What an author actually types varies: half-width or mixed
 * parentheses `(四）`, full-width digits, `4、` where Word's auto-numbering 四、 was lost.
 * So an enumerator is described by its *shape* (the punctuation around the number) and
 * its *script* (Chinese or Arabic numeral); the default rank follows the template, and
 * the level a heading finally gets is inferred from context (heading-chains.ts).
 */

/** The punctuation around the number: 、/. (`dun`), parentheses (`paren`), 是 (`shi`), … */
export type EnumShape = 'dun' | 'paren' | 'shi' | 'circled' | 'latin' | 'part'

/** Chinese numerals (一 十二) or Arabic digits (1 １２); `other` for ① and a. */
export type EnumScript = 'cn' | 'ar' | 'other'

export interface Enumerator {
  /** The enumerator as written, e.g. `（一）`, `4、`, `(四）`, `1．`. */
  raw: string
  shape: EnumShape
  script: EnumScript
  /** Its ordinal: 4 for 四、 and for (4). */
  value: number
  /**
   * Template level of this style: 1 = 一、, 2 = （一）, 3 = 1、/1., 4 = （1）, 5 = ①/a.;
   * 1.5 for 一是 (between 一、 and （一） when used as a heading), 0.5 for 第一部分.
   */
  rank: number
  /** Offset of the enumerator in the line (after leading blanks and residue). */
  start: number
  /** Offset just past the enumerator and any blanks after it: where the title begins. */
  end: number
}

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 }

/** Value of a Chinese numeral up to 99 (一 十 十一 二十 二十三), or null. */
export function parseChineseNumeral(s: string): number | null {
  if (s.length === 0 || s.length > 3) return null
  const ten = s.indexOf('十')
  if (ten === -1) return s.length === 1 ? (CN_DIGITS[s] ?? null) : null
  const tensPart = s.slice(0, ten)
  const onesPart = s.slice(ten + 1)
  const tens = tensPart === '' ? 1 : CN_DIGITS[tensPart]
  const ones = onesPart === '' ? 0 : CN_DIGITS[onesPart]
  if (tens === undefined || ones === undefined || tens === 0 || onesPart.length > 1 || tensPart.length > 1) return null
  return tens * 10 + ones
}

/** Value of ASCII or full-width digits (１２ → 12). */
export function parseDigits(s: string): number {
  let v = 0
  for (const ch of s) {
    const c = ch.charCodeAt(0)
    v = v * 10 + (c >= 0xff10 ? c - 0xff10 : c - 48)
  }
  return v
}

/**
 * Blanks and converter residue before a line's first real character: spaces, U+3000
 * ideographic and U+2002 en spaces that Word indentation turns into, NBSP, and
 * `[bookmark: _GoBack]` markers that DOCX→TXT converters leave. Tabs count too here;
 * whether a line is a table cell is decided separately (a *leading* tab).
 */
export function skipLeadingJunk(line: string, from = 0): number {
  let i = from
  for (;;) {
    while (i < line.length && /[\s\u3000\u2002\u2003\u00a0\ufeff]/.test(line[i]!)) i++
    if (line.startsWith('[bookmark:', i)) {
      const close = line.indexOf(']', i)
      if (close === -1) return i
      i = close + 1
      continue
    }
    return i
  }
}

const CN = '[一二三四五六七八九十两〇零]{1,3}'
const AR = '[0-9０-９]{1,2}'
const BLANKS = '[ \\t\\u3000\\u2002\\u00a0]*'

interface Pattern {
  re: RegExp
  shape: EnumShape
  script: EnumScript
  rank: number
  value: (m: RegExpExecArray) => number | null
}

/** A digit that does not start a year (2022年): after `1.` it makes a decimal (3.57亿), after `1、` a list of numbers (1、2月). */
const NOT_YEAR_DIGIT = '(?![0-9０-９]{4}年)[0-9０-９]'

// Order matters: 一是 before 一、; （一） before （1）. Each regex is sticky at the line's first
// real character. `1.2022年度预算执行情况` is an enumerator followed by a year.
const PATTERNS: Pattern[] = [
  { re: new RegExp(`第(${CN}|${AR})(部分|章|篇)${BLANKS}`, 'y'), shape: 'part', script: 'cn', rank: 0.5, value: (m) => numeral(m[1]!) },
  { re: new RegExp(`(${CN})是`, 'y'), shape: 'shi', script: 'cn', rank: 1.5, value: (m) => parseChineseNumeral(m[1]!) },
  { re: new RegExp(`(${CN})${BLANKS}[、.．]${BLANKS}`, 'y'), shape: 'dun', script: 'cn', rank: 1, value: (m) => parseChineseNumeral(m[1]!) },
  { re: new RegExp(`[（(]${BLANKS}(${CN})${BLANKS}[）)][、.．]?${BLANKS}`, 'y'), shape: 'paren', script: 'cn', rank: 2, value: (m) => parseChineseNumeral(m[1]!) },
  { re: new RegExp(`(${AR})${BLANKS}[、.．](?!${NOT_YEAR_DIGIT})${BLANKS}`, 'y'), shape: 'dun', script: 'ar', rank: 3, value: (m) => parseDigits(m[1]!) },
  { re: new RegExp(`[（(]${BLANKS}(${AR})${BLANKS}[）)][、.．]?${BLANKS}`, 'y'), shape: 'paren', script: 'ar', rank: 4, value: (m) => parseDigits(m[1]!) },
  // 1） with only a closing parenthesis: a level below 1、 in many templates.
  { re: new RegExp(`(${AR})[）)]${BLANKS}`, 'y'), shape: 'paren', script: 'ar', rank: 4, value: (m) => parseDigits(m[1]!) },
  { re: new RegExp(`([\\u2460-\\u2473])${BLANKS}`, 'y'), shape: 'circled', script: 'other', rank: 5, value: (m) => m[1]!.charCodeAt(0) - 0x2460 + 1 },
  { re: new RegExp(`([a-z])(?:[.．、]|[）)])(?![a-zA-Z0-9])${BLANKS}`, 'y'), shape: 'latin', script: 'other', rank: 5, value: (m) => m[1]!.charCodeAt(0) - 96 },
]

function numeral(s: string): number | null {
  return /^[0-9０-９]+$/.test(s) ? parseDigits(s) : parseChineseNumeral(s)
}

/** The enumerator at the start of `line` (after leading junk), or null. */
export function readEnumerator(line: string, from = skipLeadingJunk(line)): Enumerator | null {
  for (const p of PATTERNS) {
    p.re.lastIndex = from
    const m = p.re.exec(line)
    if (!m) continue
    const value = p.value(m)
    if (value === null || value <= 0) continue
    const end = from + m[0].length
    // An enumerator alone on its line, or followed only by punctuation, is not a heading.
    if (end >= line.trimEnd().length) continue
    const raw = m[0].replace(/[ \t\u3000\u2002\u00a0]+$/u, '')
    return { raw, shape: p.shape, script: p.script, value, rank: p.rank, start: from, end }
  }
  return null
}

/** Two enumerators belong to the same numbering style (1、 and 1. count as one style). */
export function sameStyle(a: Enumerator, b: Enumerator): boolean {
  return a.shape === b.shape && a.script === b.script
}
