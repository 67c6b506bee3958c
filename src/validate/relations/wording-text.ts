/**
 * The running text as the wording sources read it: paragraphs (one line, or one table cell
 * of a line) with their figures in order, and for each figure the words just before it —
 * its local label (“，已支付” → 已支付) — and whether a sentence ends between two figures.
 * Relations from wording never reach across a paragraph: a line break ends the thought.
 */
import type { Figure } from '../../contract.js'
import { CharClass, WHITESPACE } from '../../extract/char-class.js'
import type { ValidationInput } from '../rule.js'

/** One paragraph: a line of text, or the part of a line inside one table cell. */
export interface Paragraph {
  start: number
  end: number
  /** Its figures in document order. */
  figures: Figure[]
}

/** Characters that end a sentence. */
export const SENTENCE_END = /[。！？!?]/
/** Characters that separate the clauses or list items of a sentence (scanned by code unit: char-class.ts). */
const SEPARATOR = new CharClass(`，,、；;：:。！？!?（）()【】[]${WHITESPACE}`)
/** What ends the clause before a figure. */
const CLAUSE_SEPARATOR = new CharClass('，,；;。！？!?：:')

/**
 * Every wording source (breakdowns, shares, changes, differences, rates) and sign-mismatch
 * reads the same paragraphs and asks for the same figures' local words: the paragraphs are
 * cut once per figure list (and text), and each figure's words found once per paragraph.
 */
const cut = new WeakMap<readonly Figure[], { text: string; paragraphs: Paragraph[] }>()
const words = new WeakMap<Paragraph, { text: string; local: Array<string | undefined>; clause: Array<string | undefined> }>()

/** The document cut into paragraphs holding at least one figure. Shared: callers must not change them. */
export function paragraphs(doc: Pick<ValidationInput, 'text' | 'figures'>): Paragraph[] {
  const hit = cut.get(doc.figures)
  if (hit && hit.text === doc.text) return hit.paragraphs
  const found = cutParagraphs(doc)
  cut.set(doc.figures, { text: doc.text, paragraphs: found })
  return found
}

function cutParagraphs(doc: Pick<ValidationInput, 'text' | 'figures'>): Paragraph[] {
  const { text } = doc
  const byKey = new Map<string, Paragraph>()
  const figures = [...doc.figures].sort((a, b) => a.start - b.start)
  for (const f of figures) {
    const lineStart = text.lastIndexOf('\n', f.start - 1) + 1
    let lineEnd = text.indexOf('\n', f.end)
    if (lineEnd === -1) lineEnd = text.length
    // Figures of different cells of one line (a pipe table row) never relate by wording.
    const key = `${lineStart}|${f.cell ? `${f.cell.tableId}:${f.cell.row}:${f.cell.col}` : ''}`
    let p = byKey.get(key)
    if (!p) byKey.set(key, (p = { start: lineStart, end: lineEnd, figures: [] }))
    p.figures.push(f)
  }
  return [...byKey.values()].sort((a, b) => a.start - b.start)
}

/** The text between figure i−1 (or the paragraph's start) and figure i. */
export function gapBefore(text: string, p: Paragraph, i: number): string {
  const from = i === 0 ? p.start : p.figures[i - 1]!.end
  return text.slice(from, p.figures[i]!.start)
}

/** The text after the last figure up to the paragraph's end, or between figure i and i+1. */
export function gapAfter(text: string, p: Paragraph, i: number): string {
  const to = i + 1 < p.figures.length ? p.figures[i + 1]!.start : p.end
  return text.slice(p.figures[i]!.end, to)
}

/**
 * The words naming figure i in its own clause: the gap before it after the last separator,
 * without quotes, leading years (2021年) or copulas at the end (为, 是 …).
 * “；2021年已支付培训资金” → 已支付培训资金.
 */
export function localLabel(text: string, p: Paragraph, i: number): string {
  const memo = wordsOf(text, p)
  return (memo.local[i] ??= wordsBefore(text, p, i, SEPARATOR))
}

/** The clause before figure i, back to the previous figure or a clause separator (，；。), brackets kept. */
export function clauseBefore(text: string, p: Paragraph, i: number): string {
  const memo = wordsOf(text, p)
  return (memo.clause[i] ??= wordsBefore(text, p, i, CLAUSE_SEPARATOR))
}

function wordsOf(text: string, p: Paragraph): { text: string; local: Array<string | undefined>; clause: Array<string | undefined> } {
  let memo = words.get(p)
  if (!memo || memo.text !== text) words.set(p, (memo = { text, local: [], clause: [] }))
  return memo
}

/** The gap before figure i, trailing spaces off, from its last `separator` on, trimmed. */
function wordsBefore(text: string, p: Paragraph, i: number, separator: CharClass): string {
  const gap = gapBefore(text, p, i).replace(/[\s\u3000]+$/, '')
  return trimLocal(gap.slice(separator.runStart(gap, gap.length)))
}

function trimLocal(s: string): string {
  return s
    .replace(/[“”"‘’'《》\s\u3000]/g, '')
    .replace(/^(?:\d{4}年度?(?![初末底])|\d{1,2}月(?:份|底|末)?|\d{1,2}日)+/, '')
    .replace(/(?:为|是|有|达|达到|共|计|约|了|的)+$/, '')
}

/** Whether a sentence ends between the end of figure a and the start of figure b. */
export function sentenceEndsBetween(text: string, a: Figure, b: Figure): boolean {
  return SENTENCE_END.test(text.slice(a.end, b.start))
}

/**
 * The words a figure is named by for role matching: its label and its local wording (the
 * label may have lost a word the wording keeps, as in 2022年初预算 → 预算).
 */
export function namingText(text: string, p: Paragraph, i: number): string {
  return `${p.figures[i]!.label ?? ''}|${clauseBefore(text, p, i)}`
}

/** Whether two figures measure the same kind of thing (money with money, 人 with 名 …). */
export function sameQuantity(a: Figure, b: Figure): boolean {
  if (a.kind !== b.kind) return false
  if (a.kind === 'money' || a.kind === 'percent') return true
  return unitFamily(a.unit) === unitFamily(b.unit)
}

const PEOPLE = new Set(['人', '名', '位', '人次'])

function unitFamily(unit: string): string {
  return PEOPLE.has(unit) && unit !== '人次' ? '人' : unit
}
