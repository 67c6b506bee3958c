/**
 * A figure's label: the quantity named just before the number in the same clause
 * (“其中：财政拨款收入1210.50万元” → 财政拨款收入). The clause is cut into words with
 * nodejieba so that subjects, time words and copulas are trimmed at word boundaries,
 * never through a word. Shares (占98.04%) borrow the label of the figure they follow.
 */
import { z } from 'zod'
import { loadDataJson } from '../data-files.js'
import { CharClass } from './char-class.js'
import { cutWords } from './segmenter.js'

/** Characters that end a clause: a label never reaches across them. */
const CLAUSE_BREAK = new CharClass('。；;！？!?\n\t，,、：:（）()【】[]')
/** What ends the clause a formula stands in (brackets do not: they are part of the formula). */
const FORMULA_BREAK = new CharClass('。；;！？!?\n\t，,：:')
/** Longest label kept; longer clauses keep their last words, which name the quantity. */
const MAX_LABEL = 16

const LabelWordsSchema = z.object({ leading: z.array(z.string()), trailing: z.array(z.string()) })
let words: { leading: Set<string>; trailing: Set<string> } | undefined

function labelWords() {
  if (!words) {
    const file = LabelWordsSchema.parse(loadDataJson('label-words.json'))
    words = { leading: new Set(file.leading), trailing: new Set(file.trailing) }
  }
  return words
}

/** Start of the clause that ends at `end`, not reaching before `floor`. */
export function clauseStart(text: string, end: number, floor: number): number {
  return CLAUSE_BREAK.runStart(text, end, floor)
}

/**
 * The label for a figure whose raw text starts at `start`; `floor` is where the previous
 * figure ended (a label never reaches into another figure). `previousLabel` is the label
 * of the figure just before in the same sentence, which a bare 占…% refers to.
 */
export function labelBefore(text: string, start: number, floor: number, previousLabel: string | null, hardFloor = 0): string | null {
  let clause = text.slice(clauseStart(text, start, floor), start)
  // The result of a formula is named by the formula's left side — 在职人员控制率=实际在职人员数/
  // 编制人数×100%=131/131×100%=100% — which lies behind the formula's own numbers and brackets.
  if (/[=＝]\s*$/.test(clause)) {
    const p = FORMULA_BREAK.runStart(text, start, hardFloor)
    clause = text.slice(p, start).split(/[=＝]/)[0]!
  }
  const label = trimLabel(clause)
  if (label === '占' || label === '占比') return previousLabel ? `${previousLabel}占比` : '占比'
  const share = /^占(.+?)的?$/.exec(label)
  if (share) return `占${share[1]}比重`
  return label === '' ? null : label
}

/** Trims a clause to the quantity it names. Exported for tests. */
export function trimLabel(clause: string): string {
  const cleaned = clause
    .replace(/[“”"‘’'《》\s\u3000]/g, '')
    .replace(/^[^\p{L}\p{N}]+/u, '')
    // The reporting unit's own name in front (某区应急管理局追加预算) is the subject, not the quantity.
    .replace(ORGANISATION, '')
  if (!/[\u4e00-\u9fff]/.test(cleaned)) return ''
  const { leading, trailing } = labelWords()
  let tokens = cutWords(cleaned)
  // Subjects, connectives, dates and time words in front: 其中 / 本单位 / 2023年度 …
  for (let changed = true; changed && tokens.length > 1; ) {
    changed = false
    const head = tokens[0]!
    if (leading.has(head) || head === '的' || !/[\p{L}\p{N}]/u.test(head)) {
      tokens.shift()
      changed = true
      continue
    }
    const rest = tokens.join('')
    const date = LEADING_DATE.exec(rest)
    if (date && date[0].length < rest.length) {
      tokens = cutWords(rest.slice(date[0].length))
      changed = true
    }
  }
  // Copulas and verbs joining the quantity to its number: 为 / 达到 / 共计 …; 数为 → 数.
  while (tokens.length > 1 && trailing.has(tokens[tokens.length - 1]!)) tokens.pop()
  const last = tokens[tokens.length - 1]
  if (last && last.length > 1 && last.endsWith('为')) tokens[tokens.length - 1] = last.slice(0, -1)
  let label = tokens.join('')
  if (label.length > MAX_LABEL) {
    // Keep whole words from the end: the head of a Chinese noun phrase comes last.
    const kept: string[] = []
    let length = 0
    for (const token of [...tokens].reverse()) {
      if (length + token.length > MAX_LABEL) break
      kept.unshift(token)
      length += token.length
    }
    label = kept.join('')
  }
  return label
}

/** A unit's name at the front of a clause: 2–24 characters ending in 局/委员会/办公室/中心/厅 …, with more after it. */
const ORGANISATION = /^[\u4e00-\u9fff]{2,24}?(?:管理局|局|委员会|办公室|中心|厅)(?=[\u4e00-\u9fff]{2,})/

/** A date or year at the front of a clause: 2023年度, 12月, 5月18日. */
const LEADING_DATE = /^(?:[\d.]+(?:年[底初末]|年度?|月[底初末]|月份?|日|号)?)+/
