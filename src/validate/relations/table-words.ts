/**
 * The vocabulary of table relations — which row labels and column headers name a total, a
 * breakdown (其中), a rate, a difference, a code column — read from
 * data/table-relation-words.json, so a new report's wording is a data change, not a code change.
 */
import { z } from 'zod'
import { loadDataJson } from '../../data-files.js'

export const RATE_KINDS = ['execution', 'control', 'utilization', 'adjustment', 'change', 'share'] as const
/** What a rate column computes: 执行率 (actual/budget), 变动率 ((本年 − 上年)/上年), 比率 (share of the column total) … */
export type RateKind = (typeof RATE_KINDS)[number]

export const ROLES = ['actual', 'budget', 'prior', 'current', 'adjust', 'initial', 'income', 'spending'] as const
/** The part an amount line plays in a rate or a difference. */
export type Role = (typeof ROLES)[number]

const WordsSchema = z.object({
  total: z.array(z.string()),
  totalPrefix: z.array(z.string()),
  columnTotal: z.array(z.string()),
  subtotal: z.array(z.string()),
  partOf: z.array(z.string()),
  otherItem: z.array(z.string()),
  codeHeader: z.array(z.string()),
  codeHeaderContains: z.array(z.string()),
  rates: z.record(z.enum(RATE_KINDS), z.array(z.string())),
  roles: z.record(z.enum(ROLES), z.record(z.string(), z.number())),
  preferredDenominator: z.array(z.string()),
  difference: z.array(z.string()),
  decrease: z.array(z.string()),
  increase: z.array(z.string()),
  blank: z.array(z.string()),
  explicitFormula: z.string(),
})

type Words = z.infer<typeof WordsSchema>
let words: Words | undefined

function w(): Words {
  return (words ??= WordsSchema.parse(loadDataJson('table-relation-words.json')))
}

const ENUMERATOR = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）]|\d+[、.．](?!\d)|[（(]\d+[)）]|[①-⑳])\s*/u

/** A label as compared with the vocabulary: no spaces, no enumerator, no trailing bracket (（万元）, （含专用结余）). */
export function normalizeLabel(text: string): string {
  return text
    .replace(/[\s\u3000]+/g, '')
    .replace(ENUMERATOR, '')
    .replace(/[（(][^（()）]*[)）]$/u, '')
    .replace(/[:：]$/, '')
}

/** Hierarchy level the enumerator of a label gives: 一、 = 1, （一） = 2, 1. = 3, （1） = 4, none = 0. */
export function enumeratorLevel(text: string): number {
  const t = text.replace(/^[\s\u3000]+/, '')
  if (/^[一二三四五六七八九十]+[、.．]/.test(t)) return 1
  if (/^[（(][一二三四五六七八九十]+[)）]/.test(t)) return 2
  if (/^\d+[、.．](?!\d)/.test(t)) return 3
  if (/^([（(]\d+[)）]|[①-⑳])/.test(t)) return 4
  return 0
}

function endsWithAny(label: string, list: readonly string[]): boolean {
  return list.some((x) => x !== '' && label.endsWith(x))
}

export function isTotalLabel(text: string): boolean {
  const label = normalizeLabel(text.replace(/^其中[:：]?/, ''))
  if (label === '') return false
  return endsWithAny(label, w().total) || w().totalPrefix.some((p) => label.startsWith(p))
}

/**
 * A column header naming the sum of its sibling columns. Stricter than a row label: a column
 * headed 预算总额 or 固定资产总额 is an amount of its own, not the sum of the columns beside it.
 */
export function isColumnTotalHeader(text: string): boolean {
  const label = normalizeLabel(text)
  return endsWithAny(label, w().columnTotal) || w().columnTotal.some((x) => label.startsWith(x))
}

export function isSubtotalLabel(text: string): boolean {
  return endsWithAny(normalizeLabel(text), w().subtotal)
}

/** 其中：当年财政拨款 — a part of the row above (or of the total heading the list). */
export function isPartOfLabel(text: string): boolean {
  const t = text.replace(/[\s\u3000]+/g, '')
  return w().partOf.some((p) => t.startsWith(p))
}

/** 其他资金, 其他收入: the catch-all that makes a list of parts complete. */
export function isOtherItem(text: string): boolean {
  const label = normalizeLabel(text.replace(/^其中[:：]?/, ''))
  return w().otherItem.some((p) => label.startsWith(p))
}

export function isCodeHeader(text: string): boolean {
  const t = text.replace(/[\s\u3000]+/g, '')
  return w().codeHeader.includes(t) || w().codeHeaderContains.some((c) => t.includes(c))
}

/** The kind of rate a header names (执行率 → execution), if it names one. */
export function rateKind(text: string): RateKind | undefined {
  const label = normalizeLabel(text).replace(/[%％]$/, '')
  for (const kind of RATE_KINDS) if (w().rates[kind]!.some((x) => label.endsWith(x))) return kind
  return undefined
}

/** How strongly a header says it plays `role` (0 = not at all). */
export function roleScore(text: string, role: Role): number {
  const label = normalizeLabel(text)
  let best = 0
  for (const [word, weight] of Object.entries(w().roles[role] ?? {})) if (label.includes(word)) best = Math.max(best, weight)
  return best
}

export function isPreferredDenominator(text: string): boolean {
  return w().preferredDenominator.some((x) => normalizeLabel(text).includes(x))
}

export type DifferenceKind = 'difference' | 'decrease' | 'increase'

/** 差额 / 年末结转 (minuend − subtrahend), 结余减少 (prior − current), 增加 (current − prior). */
export function differenceKind(text: string): DifferenceKind | undefined {
  const label = normalizeLabel(text)
  if (rateKind(text)) return undefined
  if (endsWithAny(label, w().decrease)) return 'decrease'
  if (endsWithAny(label, w().increase)) return 'increase'
  if (endsWithAny(label, w().difference)) return 'difference'
  return undefined
}

/** A header that spells out its arithmetic, 执行差异（预算－决算） → ['预算', '决算']. */
export function explicitFormula(text: string): [string, string] | undefined {
  const m = new RegExp(w().explicitFormula, 'u').exec(text.replace(/[\s\u3000]+/g, ''))
  return m ? [m[1]!, m[2]!] : undefined
}

export function isBlankText(text: string): boolean {
  return w().blank.includes(text.replace(/[\s\u3000]+/g, ''))
}
