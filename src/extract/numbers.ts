/**
 * Arabic numerals as Chinese reports write them: ASCII or full-width digits, `.`/`．` as
 * the decimal point, `,` as a thousands separator — or as a list separator
 * (4125.49,4143.91万元 is two numbers), or malformed (2,041,18.00). Normalised while
 * parsing; the caller keeps the raw slice (DESIGN.md §2).
 */
import { Decimal } from 'decimal.js'

export interface NumberLiteral {
  start: number
  end: number
  /** Canonical decimal string: ASCII digits, no separators, e.g. "204118.00". */
  digits: string
  value: number
  /** Digits printed after the decimal point. */
  decimals: number
  /** Thousands separators were used. */
  grouped: boolean
  /** Why the literal is malformed, when it is (2,041,18.00). `value` is the best reading. */
  malformed?: string
}

const FULLWIDTH_ZERO = 0xff10

/** The ASCII digit for an ASCII or full-width digit, else null. */
export function digitAt(text: string, i: number): string | null {
  const c = text.charCodeAt(i)
  if (c >= 48 && c <= 57) return text[i]!
  if (c >= FULLWIDTH_ZERO && c <= FULLWIDTH_ZERO + 9) return String.fromCharCode(c - FULLWIDTH_ZERO + 48)
  return null
}

function isDecimalPoint(ch: string | undefined): boolean {
  return ch === '.' || ch === '．'
}

/** Reads a run of digits from i; returns the ASCII digits and the end offset. */
function readDigits(text: string, i: number): { digits: string; end: number } {
  let digits = ''
  let j = i
  for (let d = digitAt(text, j); d !== null; d = digitAt(text, ++j)) digits += d
  return { digits, end: j }
}

/**
 * Parses the numeral starting at `pos` (which must be a digit).
 * Grouping is accepted only in the shape 1-3 digits then groups of exactly 3; a comma
 * followed by a 1-2 digit group and a decimal point (2,041,18.00) is read as a slip of
 * grouping and flagged; any other comma ends the numeral (it separates list items).
 */
export function readArabicNumber(text: string, pos: number): NumberLiteral | null {
  const head = readDigits(text, pos)
  if (head.digits === '') return null
  let intDigits = head.digits
  let end = head.end
  let grouped = false
  let malformed: string | undefined

  if (intDigits.length <= 3) {
    for (;;) {
      if (text[end] !== ',') break
      const group = readDigits(text, end + 1)
      if (group.digits.length === 3) {
        intDigits += group.digits
        end = group.end
        grouped = true
        continue
      }
      const slip = group.digits.length > 0 && group.digits.length < 3 && grouped && isDecimalPoint(text[group.end]) && digitAt(text, group.end + 1) !== null
      if (slip) {
        intDigits += group.digits
        end = group.end
        malformed = `thousands group of ${group.digits.length} digits`
      }
      break
    }
  }

  let fraction = ''
  if (isDecimalPoint(text[end]) && digitAt(text, end + 1) !== null) {
    const frac = readDigits(text, end + 1)
    fraction = frac.digits
    end = frac.end
    // A second decimal point followed by digits (7.50.3) is not a number anyone meant.
    if (isDecimalPoint(text[end]) && digitAt(text, end + 1) !== null) {
      const extra = readDigits(text, end + 1)
      end = extra.end
      malformed = 'two decimal points'
    }
  }

  const digits = fraction ? `${stripLeadingZeros(intDigits)}.${fraction}` : stripLeadingZeros(intDigits)
  const literal: NumberLiteral = {
    start: pos,
    end,
    digits,
    value: Number(digits),
    decimals: fraction.length,
    grouped,
  }
  if (malformed) literal.malformed = malformed
  return literal
}

function stripLeadingZeros(s: string): string {
  const t = s.replace(/^0+(?=\d)/, '')
  return t === '' ? '0' : t
}

/** Exact `digits × 10^power` as a number (4.52 × 10^4 = 45200, with no float drift). */
export function scaleDecimal(digits: string, power: number): number {
  // Every money figure is converted to 元 here, and Decimal allocated several objects per
  // figure. Moving the decimal point in the digit string is the same exact product, and
  // Number() of it the same rounding as Decimal's toNumber(), as long as Decimal's product is
  // itself exact: at most 20 digits (its precision). Other shapes take the Decimal path.
  const plain = PLAIN_DIGITS.exec(digits)
  if (plain && Number.isInteger(power) && power >= 0 && power <= 20) {
    const whole = plain[1]!
    const fraction = plain[2] ?? ''
    if (whole.length + fraction.length <= 20) return Number(`${whole}${fraction.slice(0, power).padEnd(power, '0')}.${fraction.slice(power)}`)
  }
  return new Decimal(digits).times(new Decimal(10).pow(power)).toNumber()
}
const PLAIN_DIGITS = /^(\d+)(?:\.(\d+))?$/
