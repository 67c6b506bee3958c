/**
 * When a Chinese numeral is a quantity. Reports write counts in words (九个专委会, 三项目标,
 * 百分之九十五) but the same characters make idioms, names and slogans (一是, 一批, 三年行动,
 * 八项规定, “五个确保”, 十分重要). A Chinese numeral is taken only where that is unlikely:
 * never 一 alone, never an ordinal or enumerator, never inside quotation marks, never a year
 * or digit string, and not before the words in data/chinese-numerals.json.
 */
import { z } from 'zod'
import { loadDataJson } from '../data-files.js'
import { type ChineseNumberLiteral, readChineseNumber } from './chinese-numerals.js'
import { digitAt, readArabicNumber, type NumberLiteral } from './numbers.js'

const StopWordsSchema = z.object({ notBefore: z.array(z.string()), notAfter: z.array(z.string()), notWithUnit: z.array(z.string()) })
let stopWords: z.infer<typeof StopWordsSchema> | undefined

function stops() {
  return (stopWords ??= StopWordsSchema.parse(loadDataJson('chinese-numerals.json')))
}

/** A Chinese numeral at `pos` that may be a quantity, or null. */
export function chineseNumeralAt(text: string, pos: number): ChineseNumberLiteral | null {
  const literal = readChineseNumber(text, pos)
  if (!literal) return null
  const written = text.slice(literal.start, literal.end)
  if (written === '一') return null // 一个, 一次, 一批: idioms far more often than counts
  if (isFinancial(written) && [...written].length === 1) return null // 队伍, 陆续: 大写 digits inside words
  if ([...written].length > 1 && /^[零〇一二两三四五六七八九]+$/.test(written)) return null // 二〇二三: a year
  if (stops().notAfter.some((w) => text.startsWith(w, pos - w.length))) return null // 第三, 数十, 每一
  if (isNumeralNeighbour(text[pos - 1])) return null // the tail of a numeral already passed over
  if (text[literal.end] === '是') return null // 一是、二是: enumerators
  if (insideQuotes(text, pos)) return null // “五个确保”, “六个一”: slogans
  return literal
}

/** 大写 numerals (壹佰, 贰拾叁) are written for amounts of money only. */
export function isFinancial(written: string): boolean {
  return /[壹贰貳叁參肆伍陆陸柒捌玖拾佰仟]/.test(written)
}

/** True when the figure a Chinese numeral heads is an idiom after all (十分重要, 八项规定). */
export function isChineseIdiom(text: string, numeral: string, kind: string, unit: string, figureEnd: number): boolean {
  if (isFinancial(numeral) && kind !== 'money') return true
  if (stops().notWithUnit.includes(unit)) return true
  return stops().notBefore.some((w) => text.startsWith(w, figureEnd))
}

/** 百分之九十五 / 百分之95: a percentage written in words. Returns the numeral and where 百分之 starts. */
export function percentInWords(text: string, pos: number): NumberLiteral | null {
  if (!text.startsWith('百分之', pos)) return null
  const at = pos + 3
  return digitAt(text, at) !== null ? readArabicNumber(text, at) : readChineseNumber(text, at)
}

/** A numeral character right before: 十一 inside 二十一 is not a new number. */
function isNumeralNeighbour(ch: string | undefined): boolean {
  return ch !== undefined && /[零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟]/.test(ch)
}

function insideQuotes(text: string, pos: number): boolean {
  const lineStart = text.lastIndexOf('\n', pos - 1) + 1
  const before = text.slice(lineStart, pos)
  const opens = (before.match(/[“「『]/g) ?? []).length
  const closes = (before.match(/[”」』]/g) ?? []).length
  return opens > closes
}
