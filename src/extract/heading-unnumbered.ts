/**
 * Headings without an enumerator. Three kinds of evidence, from strongest to weakest:
 *
 * - a gap in a numbering sequence: （一） … （三） with no （二） means one line between
 *   them is the （二） whose number was lost; the most heading-like line fills it;
 * - a group of run-in titles: two or more paragraphs of one section that each open with a
 *   short clause closed by 。 (`强化安全生产责任落实。一是…`);
 * - a bare title: a short line without punctuation between prose paragraphs (`存在的问题`).
 */
import { sameStyle } from './heading-enumerator.js'
import { WRAP_LENGTH, type HeadingLine } from './heading-lines.js'
import { findPredecessor } from './heading-chains.js'
import { newHeading, type Heading } from './heading-model.js'
import { isBareTitle } from './heading-text.js'

const DATE = /^\d{4}\s*年(\s*\d{1,2}\s*月(\s*\d{1,2}\s*日)?)?$/u

function prevContent(lines: readonly HeadingLine[], index: number): HeadingLine | null {
  for (let i = index - 1; i >= 0; i--) if (lines[i]!.content !== '' && !lines[i]!.toc) return lines[i]!
  return null
}

function nextContent(lines: readonly HeadingLine[], index: number): HeadingLine | null {
  for (let i = index + 1; i < lines.length; i++) if (lines[i]!.content !== '') return lines[i]!
  return null
}

/**
 * The line ends its paragraph: a heading, a finished sentence, or a line too short to have
 * been wrapped. A line after a long unfinished one continues it (PDF text wraps paragraphs).
 */
function closesParagraph(l: HeadingLine): boolean {
  return endsSentence(l) || l.content.length < WRAP_LENGTH
}

/** A heading line, or a line that ends with sentence punctuation. */
function endsSentence(l: HeadingLine): boolean {
  return l.enumerator !== null || /[。！？!?；;：:]$/u.test(l.content)
}

/** Shortest unnumbered title: 存在问题, 支出结构分析. */
export const MIN_BARE_TITLE = 4

/** Short unnumbered lines standing between paragraphs, not inside a table, not a signature. */
export function findBareTitles(lines: readonly HeadingLine[], taken: ReadonlySet<number>): Heading[] {
  const out: Heading[] = []
  for (const [i, l] of lines.entries()) {
    if (taken.has(l.line) || l.cell || l.toc || l.enumerator || !isBareTitle(l.content)) continue
    // Two or three characters alone (说明, 的支出) are the tail of a wrapped line, not a title.
    if (l.content.length < MIN_BARE_TITLE) continue
    const prev = prevContent(lines, i)
    const next = nextContent(lines, i)
    if (!prev || prev.cell || !next || next.cell || DATE.test(next.content)) continue
    // A title follows a heading, a finished sentence or a complete short line — not a
    // one-word table row (无 / 合计), nor a long line it merely continues (PDF wrapping).
    if (!endsSentence(prev) && (prev.content.length < 6 || prev.content.length >= WRAP_LENGTH)) continue
    // What follows must be a heading or body text, not another short line.
    if (!next.enumerator && (isBareTitle(next.content) || next.content.length <= Math.max(l.content.length, 15))) continue
    // The only line between two headings of one level is the first one's body (无其他需要说明的情况).
    if (prev.enumerator && next.enumerator && next.enumerator.rank <= prev.enumerator.rank) continue
    out.push(newHeading(l, 'bare', 1))
  }
  return out
}

/**
 * An unnumbered paragraph opening with a short title closed by 。 (not a `标签：` label) —
 * inside a table cell too: a 实际完成情况 cell can hold a whole report.
 */
function opensWithRunInTitle(l: HeadingLine): boolean {
  if (l.toc || l.enumerator || l.body.form !== 'run-in') return false
  if (!'。！？!?'.includes(l.body.closer)) return false
  const head = l.text.slice(l.body.titleStart, l.body.titleEnd)
  if (head.length < 4 || /[0-9０-９%％]/.test(head)) return false
  // A body of bare labels (数量指标：质量指标：) is an empty template, not a titled paragraph.
  return !/[：:]\s*$/u.test(l.text)
}

/**
 * Groups of run-in titles: at least two such paragraphs in one section, with at most one
 * other paragraph between neighbours. One alone is too weak: prose often opens that way.
 */
export function findRunInGroups(lines: readonly HeadingLine[], boundaries: ReadonlySet<number>, taken: ReadonlySet<number>): Heading[] {
  let prev: HeadingLine | null = null
  const out: Heading[] = []
  let group: HeadingLine[] = []
  let others = 0
  const flush = (): void => {
    if (group.length >= 2) for (const l of group) out.push(newHeading(l, 'run-in', 1))
    group = []
    others = 0
  }
  for (const l of lines) {
    if (boundaries.has(l.line)) {
      flush()
      continue
    }
    if (l.content === '' || taken.has(l.line)) continue
    const starts = prev === null || closesParagraph(prev)
    prev = l
    if (!starts || !opensWithRunInTitle(l)) {
      others++
      continue
    }
    // Too far from the previous member: that group is over.
    if (others > 1) flush()
    group.push(l)
    others = 0
  }
  flush()
  return out
}

/** Character bigrams, for comparing a candidate line with the titles of its would-be siblings. */
function bigrams(s: string): Set<string> {
  const t = s.replace(/[\s\u3000\d０-９.,，。、；：:（）()“”《》%]+/gu, '')
  const out = new Set<string>()
  for (let i = 0; i + 1 < t.length; i++) out.add(t.slice(i, i + 2))
  return out
}

/**
 * Share of the candidate's bigrams found in a sibling's title, averaged over the siblings.
 * Short candidates count as four bigrams: one shared word (支出) is no evidence.
 */
function likeness(candidate: string, siblings: readonly string[]): number {
  const a = bigrams(candidate)
  if (a.size === 0 || siblings.length === 0) return 0
  let sum = 0
  for (const s of siblings) {
    const b = bigrams(s)
    let shared = 0
    for (const g of a) if (b.has(g)) shared++
    sum += shared / Math.max(a.size, 4)
  }
  return sum / siblings.length
}

function titleOf(l: HeadingLine): string {
  return l.text.slice(l.body.titleStart, l.body.titleEnd)
}

/**
 * How much a line looks like the missing sibling: wording shared with the siblings' titles
 * (template headings repeat their phrasing: 部门整体支出概况 / 部门整体支出绩效目标), then
 * the shape of a heading (a bare title, or a run-in title).
 */
function gapScore(l: HeadingLine, siblings: readonly string[]): number {
  let score = 2 * likeness(titleOf(l), siblings)
  if (isBareTitle(l.content)) score += 0.3
  else if (l.body.form === 'run-in') score += 0.2
  if (l.cell) score -= 0.1
  return score
}

/** Below this a gap stays unfilled: no line between looks like the missing sibling. */
export const MIN_GAP_SCORE = 0.25

/**
 * Fills numbering gaps. For a numbered heading of value n without a predecessor: when a
 * sibling of value n−2 exists, the best line between the two becomes the missing n−1; when
 * n is 2, the best bare title since the enclosing heading becomes the missing first item
 * (a first item whose number was lost with Word auto-numbering, often inside a table cell).
 */
export function fillGaps(
  numbered: readonly Heading[],
  lines: readonly HeadingLine[],
  barriers: ReadonlySet<number>,
  taken: Set<number>,
): Heading[] {
  const out: Heading[] = []
  for (const [i, x] of numbered.entries()) {
    const ex = x.enumerator
    if (!ex || x.prev || ex.value < 2 || ex.shape === 'shi') continue
    // The sibling two back: of the same style if there is one (（一） for （三）, not a （1） between).
    const y =
      ex.value >= 3
        ? (findPredecessor(numbered, i, ex.value - 2, (e) => sameStyle(e, ex), barriers) ??
          findPredecessor(numbered, i, ex.value - 2, (e) => e.shape === ex.shape, barriers))
        : null
    if (ex.value >= 3 && !y) continue
    const from = y ? y.line.line : scopeStart(numbered, i, barriers)
    const siblings = [x, ...(y ? [y] : [])].map((h) => titleOf(h.line))
    let best: HeadingLine | null = null
    let bestScore = MIN_GAP_SCORE
    for (let n = from + 1; n < x.line.line; n++) {
      const l = lines[n - 1]!
      if (l.content === '' || l.toc || l.enumerator || taken.has(n) || barriers.has(n)) continue
      // A missing first item must look like a title; a table cell only stands in for one
      // (the first heading of a cell whose numbering was lost), never for a middle one.
      if (y ? l.cell : !isBareTitle(l.content) || l.content.includes('\t')) continue
      const score = gapScore(l, siblings)
      if (score >= bestScore) {
        best = l
        bestScore = score
      }
    }
    if (!best) continue
    const u = newHeading(best, 'gap', x.rank)
    if (y) {
      y.next = u
      u.prev = y
    }
    u.next = x
    x.prev = u
    taken.add(best.line)
    out.push(u)
  }
  return out
}

/** The line after which a missing first item may stand: the last heading of x's rank or higher, or a barrier. */
function scopeStart(numbered: readonly Heading[], index: number, barriers: ReadonlySet<number>): number {
  const x = numbered[index]!
  let start = 0
  for (const b of barriers) if (b < x.line.line) start = Math.max(start, b)
  for (let j = index - 1; j >= 0; j--) {
    const h = numbered[j]!
    if (h.rank <= x.rank) return Math.max(start, h.line.line)
  }
  return start
}
