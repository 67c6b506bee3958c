/**
 * A list counter shown in a Word number format (ECMA-376 Part 1 §17.18.59 ST_NumberFormat).
 * The formats Chinese reports use are here; the rest fall back to Arabic numerals, which is
 * also what Word does for values a format cannot show (①…㊿ stop at 50).
 */

const CN_DIGITS = '零一二三四五六七八九'
const CN_LEGAL_SIMPLIFIED = '零壹贰叁肆伍陆柒捌玖'
const CN_LEGAL_TRADITIONAL = '零壹貳參肆伍陸柒捌玖'
const HEAVENLY_STEMS = '甲乙丙丁戊己庚辛壬癸'
const EARTHLY_BRANCHES = '子丑寅卯辰巳午未申酉戌亥'
const IDEOGRAPH_DIGITS = '〇一二三四五六七八九'

/**
 * Chinese counting: 一 … 九, 十, 十一 … 十九, 二十, 二十一, 一百, 一百零一, 一千零一十 (1–9999).
 * 10–19 drop the leading 一 (十一, not 一十一), as everyone writes them.
 * `units` are the characters for 十 百 千 (plain or financial).
 */
export function chineseCounting(n: number, digits = CN_DIGITS, units = '十百千'): string {
  // No list reaches 10,000 items; Arabic numerals beyond keep the code simple.
  if (!Number.isInteger(n) || n <= 0 || n >= 10_000) return String(n)
  const places = [Math.floor(n / 1000), Math.floor(n / 100) % 10, Math.floor(n / 10) % 10, n % 10]
  const unitOf = [units[2], units[1], units[0], '']
  let out = ''
  let pendingZero = false
  for (let k = 0; k < 4; k++) {
    const d = places[k]!
    if (d === 0) {
      if (out !== '') pendingZero = true
      continue
    }
    if (pendingZero) out += digits[0]
    pendingZero = false
    out += digits[d]! + unitOf[k]
  }
  return n >= 10 && n < 20 && digits === CN_DIGITS ? out.slice(1) : out
}

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n)
  const table: Array<[number, string]> = [
    [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
    [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
  ]
  let out = ''
  for (const [value, symbol] of table) for (; n >= value; n -= value) out += symbol
  return out
}

/** Word's letters: A … Z, then AA … ZZ, AAA … (the letter repeated, not base 26). */
function letter(n: number): string {
  if (n <= 0) return String(n)
  return String.fromCharCode(65 + ((n - 1) % 26)).repeat(Math.ceil(n / 26))
}

/** ①…⑳ U+2460, ㉑…㉟ U+3251, ㊱…㊿ U+32B1. */
function enclosedCircle(n: number): string {
  if (n >= 1 && n <= 20) return String.fromCodePoint(0x2460 + n - 1)
  if (n >= 21 && n <= 35) return String.fromCodePoint(0x3251 + n - 21)
  if (n >= 36 && n <= 50) return String.fromCodePoint(0x32b1 + n - 36)
  return String(n)
}

/** A run of 1…20 glyphs starting at `first` (⑴ U+2474, ⒈ U+2488). */
function enclosed20(first: number, n: number): string {
  return n >= 1 && n <= 20 ? String.fromCodePoint(first + n - 1) : String(n)
}

function cycle(chars: string, n: number): string {
  return n >= 1 && n <= chars.length ? chars[n - 1]! : String(n)
}

function fullWidth(n: number): string {
  return String(n).replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)))
}

const FORMATS: Record<string, (n: number) => string> = {
  decimal: String,
  decimalHalfWidth: String,
  decimalZero: (n) => (n >= 0 && n < 10 ? `0${n}` : String(n)),
  decimalFullWidth: fullWidth,
  decimalFullWidth2: fullWidth,
  upperRoman: roman,
  lowerRoman: (n) => roman(n).toLowerCase(),
  upperLetter: letter,
  lowerLetter: (n) => letter(n).toLowerCase(),
  chineseCounting: (n) => chineseCounting(n),
  chineseCountingThousand: (n) => chineseCounting(n),
  japaneseCounting: (n) => chineseCounting(n),
  taiwaneseCounting: (n) => chineseCounting(n),
  taiwaneseCountingThousand: (n) => chineseCounting(n),
  chineseLegalSimplified: (n) => chineseCounting(n, CN_LEGAL_SIMPLIFIED, '拾佰仟'),
  ideographLegalTraditional: (n) => chineseCounting(n, CN_LEGAL_TRADITIONAL, '拾佰仟'),
  ideographDigital: (n) => String(n).replace(/[0-9]/g, (d) => IDEOGRAPH_DIGITS[Number(d)]!),
  ideographTraditional: (n) => cycle(HEAVENLY_STEMS, n),
  ideographZodiac: (n) => cycle(EARTHLY_BRANCHES, n),
  decimalEnclosedCircle: enclosedCircle,
  decimalEnclosedCircleChinese: enclosedCircle,
  ideographEnclosedCircle: (n) => (n >= 1 && n <= 10 ? String.fromCodePoint(0x3280 + n - 1) : String(n)),
  decimalEnclosedParen: (n) => enclosed20(0x2474, n),
  decimalEnclosedFullstop: (n) => enclosed20(0x2488, n),
  none: () => '',
}

/** True when Word shows numbers for this format (bullets and unknown formats aside). */
export function isKnownFormat(numFmt: string): boolean {
  return numFmt in FORMATS
}

/** `n` in format `numFmt`; unknown formats show Arabic numerals. */
export function formatNumber(n: number, numFmt: string): string {
  return (FORMATS[numFmt] ?? String)(n)
}
