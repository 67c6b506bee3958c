/**
 * The subject a quantity belongs to, carried across the clauses of a sentence: in
 * 本年“三公经费”预算安排数为15.9万元，实际支出数为9.29万元 the second figure is 三公经费's
 * 实际支出数 although its own clause only says 实际支出数. Subjects are data
 * (data/label-topics.json).
 */
import { z } from 'zod'
import { loadDataJson } from '../data-files.js'

const TopicsSchema = z.object({
  topics: z.array(z.object({ text: z.string().min(1), as: z.string().optional() })),
  attributes: z.array(z.string()),
})
let loaded: { topics: Array<{ text: string; as: string }>; attributes: RegExp[] } | undefined

function data() {
  if (!loaded) {
    const file = TopicsSchema.parse(loadDataJson('label-topics.json'))
    loaded = {
      topics: file.topics.map((t) => ({ text: t.text, as: t.as ?? t.text })).sort((a, b) => b.text.length - a.text.length),
      attributes: file.attributes.map((a) => new RegExp(a)),
    }
  }
  return loaded
}

const topicList = () => data().topics

/** The last subject named in text[from, to), normalised, or null. */
export function lastTopic(text: string, from: number, to: number): string | null {
  const span = text.slice(from, to)
  let best: { at: number; as: string } | null = null
  for (const t of topicList()) {
    const at = span.lastIndexOf(t.text)
    // Longer forms come first, so a shorter one inside a longer match (项目 in 项目支出) never wins a tie.
    if (at !== -1 && (!best || at > best.at)) best = { at, as: t.as }
  }
  return best?.as ?? null
}

/** Whether a label already names a subject of its own. */
export function namesTopic(label: string): boolean {
  return topicOf(label) !== null
}

/** The subject a label names (the longest one), normalised, or null. */
export function topicOf(label: string): string | null {
  const plain = label.replace(/[“”"]/g, '')
  return topicList().find((t) => plain.includes(t.as))?.as ?? null
}

/** Whether a label names only an attribute (实际支出数, 控制率), which needs a subject. */
export function isAttribute(label: string): boolean {
  const plain = label.replace(/[“”"]/g, '')
  return data().attributes.some((a) => a.test(plain))
}

/** The label, prefixed with the sentence's subject when it names only an attribute. */
export function qualifyLabel(label: string | null, topic: string | null): string | null {
  if (!label || !topic || namesTopic(label) || !isAttribute(label)) return label
  return `${topic}${label}`
}
