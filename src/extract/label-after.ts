/**
 * Counts often name what they count after the number, not before it: 取缔11家非法烟花爆竹
 * 经营户, 对全区11家危化品生产经营单位开展检查, 有2个下属事业单位. When the clause before a
 * count names nothing of its own — a preposition, a scope word, a verb alone — the label is
 * the noun phrase after the unit.
 */
import { cutWords } from './segmenter.js'

/** A clause before the number that names no quantity: 对 / 向全区 / 共有 / 各 … */
const WEAK_BEFORE = /^(?:对|向|为|给|与|和|及|同|把|将|从|在|由|共|共有|有|计|达|约|其中|分别|各|各类|全区|全市|全县|全镇|全省|辖区|累计|先后|已|新)*$/
/** What ends the noun phrase after a count. */
const PHRASE_BREAK = /[，,。；;、：:（）()\n\t“”"]/
/** Words that start the clause's predicate after the noun (…单位开展检查): the noun ends there. */
const PREDICATE = new Set(['进行', '开展', '完成', '实施', '实现', '落实', '参加', '参与', '签订', '发放', '开展了', '均', '全部', '已', '已经', '共', '作为', '纳入', '达到', '进行了'])
const MAX_PHRASE = 12

export function isWeakLabel(label: string | null): boolean {
  return label === null || label.length <= 1 || WEAK_BEFORE.test(label)
}

/** The noun phrase right after a figure (up to the clause break or the predicate), or null. */
export function nounAfter(text: string, end: number): string | null {
  let stop = end
  while (stop < text.length && stop - end < 24 && !PHRASE_BREAK.test(text[stop]!)) stop++
  const phrase = text.slice(end, stop).replace(/^[的之]/, '').trim()
  if (!/^[\u4e00-\u9fff]/.test(phrase)) return null
  const kept: string[] = []
  for (const word of cutWords(phrase)) {
    if (PREDICATE.has(word) || /^\d/.test(word)) break
    if (kept.join('').length + word.length > MAX_PHRASE) break
    kept.push(word)
  }
  const noun = kept.join('')
  return noun.length >= 2 ? noun : null
}
