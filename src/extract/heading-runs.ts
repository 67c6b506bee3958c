/**
 * Which enumerated lines are headings. An enumerator alone does not say: duty lists
 * (`1、负责应急管理工作，指导…`) and enumerations (`1.长期做好辖区安全稳定工作；`) are
 * numbered too. The unit of decision is the *run* — the items of one numbering style
 * linked 1→2→3 — because an author writes a run either as headings or as a list:
 * a run is headings when its items read as titles or run-in titles at least as often
 * as they read as list entries or prose.
 *
 * 一是/二是 runs are headings only when other headings nest between their items (they
 * structure a section); otherwise they are the ordinary way of listing points in prose.
 */
import { sameStyle } from './heading-enumerator.js'
import type { HeadingLine } from './heading-lines.js'
import { chainOf, newHeading, type Heading } from './heading-model.js'

/**
 * Links each numbered line to the nearest earlier line of the same style whose value is one
 * less and that has no successor yet, unless a line of a higher style (smaller rank) or a
 * level-0 barrier lies between: a new 二、 closes every 1、 run before it.
 */
export function linkSameStyle(items: Heading[], barriers: ReadonlySet<number>): void {
  for (let i = 0; i < items.length; i++) {
    const x = items[i]!
    const ex = x.enumerator!
    if (ex.value <= 1) continue
    for (let j = i - 1; j >= 0; j--) {
      const y = items[j]!
      const ey = y.enumerator!
      if (ey.rank < ex.rank && ey.shape !== 'shi') break
      if (y.next === null && sameStyle(ex, ey) && ey.value === ex.value - 1) {
        if (!crossesBarrier(y.line.line, x.line.line, barriers)) {
          y.next = x
          x.prev = y
        }
        break
      }
    }
  }
}

export function crossesBarrier(from: number, to: number, barriers: ReadonlySet<number>): boolean {
  for (const b of barriers) if (b > from && b < to) return true
  return false
}

/**
 * Longest one-sentence item that still reads as a heading under a Chinese-numeral
 * enumerator: 一、 and （一） head sections far more often than they list duties, so a short
 * sentence there (（一）绩效管理的整体性上还有差距，管理体系需进一步健全。) is a heading.
 */
export const MAX_CN_SENTENCE_TITLE = 32

/**
 * Wording that announces a department's duties (主要职责是：, （一）职能职责, 1、主要职能).
 * Duty statements are written as run-in sentences (`（三）负责推进本区法治政府建设工作。
 * 指导、监督…`) that look exactly like run-in headings; only the context tells them apart.
 */
const DUTY_CONTEXT = /职能|职责/u

/** The run follows a line about duties: a short heading, or an intro ending in a colon. */
export function inDutyContext(run: readonly Heading[], lines: readonly HeadingLine[]): boolean {
  for (let i = run[0]!.line.line - 2; i >= 0; i--) {
    const l = lines[i]!
    if (l.content === '') continue
    return DUTY_CONTEXT.test(l.content) && (l.content.length <= 30 || /[：:]$/u.test(l.content))
  }
  return false
}

/**
 * True when the items of a run read as headings rather than list entries. In a duty
 * context only bare titles count: run-in sentences there are duties.
 */
export function runReadsAsHeadings(run: readonly Heading[], duty = false): boolean {
  let yes = 0
  let no = 0
  for (const h of run) {
    const { form, headLength } = h.line.body
    const shortCn = form === 'sentence' && h.enumerator!.script === 'cn' && headLength <= MAX_CN_SENTENCE_TITLE
    if (form === 'title' || (!duty && (form === 'run-in' || shortCn))) yes++
    else no++
  }
  return yes >= no
}

/** Fewest items of a bare list: three short titles in a row can still be headings. */
export const MIN_BARE_LIST = 4

/**
 * A list of short titles, one per line with nothing between them (十、节能环保支出 /
 * 十一、城乡社区支出 / …): the rows of a table or an outline, not sections — a heading
 * heads some text.
 */
export function isBareList(run: readonly Heading[], lines: readonly HeadingLine[]): boolean {
  if (run.length < MIN_BARE_LIST || run.some((h) => h.line.body.form !== 'title')) return false
  for (let k = 0; k + 1 < run.length; k++) {
    for (let n = run[k]!.line.line + 1; n < run[k + 1]!.line.line; n++) if (lines[n - 1]!.content !== '') return false
  }
  return true
}

/**
 * A numbered table cell that opens running text (a 实际完成情况 cell holding a report of its
 * own) can be a heading; a numbered row label (一、财政拨款收入 followed by amounts) cannot.
 */
function headsProseInCell(l: HeadingLine, lines: readonly HeadingLine[]): boolean {
  for (let n = l.line; n < lines.length; n++) {
    const next = lines[n]!
    if (next.content === '') continue
    return !next.text.startsWith('\t') && (next.content.length >= 30 || /[。！？]$/u.test(next.content))
  }
  return false
}

/**
 * The enumerated headings of a document: every line with an enumerator (outside tables,
 * or opening running text in a cell), grouped into same-style runs, keeping the runs that
 * read as headings or have headings nested under them. Returned in line order, with
 * same-style sibling links set.
 */
export function findNumberedHeadings(lines: HeadingLine[], barriers: ReadonlySet<number>): Heading[] {
  const items = lines
    .filter((l) => l.enumerator !== null && (!l.cell || headsProseInCell(l, lines)) && !barriers.has(l.line))
    .map((l) => newHeading(l, 'numbered', l.enumerator!.rank))
  linkSameStyle(items, barriers)

  const accepted = new Set<Heading>()
  const runs: Heading[][] = []
  const seen = new Set<Heading>()
  for (const h of items) {
    if (seen.has(h)) continue
    const run = chainOf(h)
    for (const m of run) seen.add(m)
    runs.push(run)
    if (h.enumerator!.shape !== 'shi' && runReadsAsHeadings(run, inDutyContext(run, lines)) && !isBareList(run, lines)) for (const m of run) accepted.add(m)
  }
  // Structure outweighs wording: a run whose items have headings nested under them, or a
  // 一是 run with headings between its items, heads sections. Repeat: a rescued run may
  // in turn be what nests under another.
  for (let changed = true; changed; ) {
    changed = false
    for (const run of runs) {
      if (accepted.has(run[0]!)) continue
      const shi = run[0]!.enumerator!.shape === 'shi'
      if (shi ? structuresSection(run, accepted) : hasNestedHeadings(run, items, accepted, barriers)) {
        for (const m of run) accepted.add(m)
        changed = true
      }
    }
  }

  // Rejected items leave the sequences: their neighbours must not link through them.
  for (const h of items) {
    if (accepted.has(h)) continue
    if (h.prev && accepted.has(h.prev)) h.prev.next = null
    if (h.next && accepted.has(h.next)) h.next.prev = null
  }
  return items.filter((h) => accepted.has(h))
}

/** Some member of `run` is directly followed by an accepted heading of a deeper rank. */
function hasNestedHeadings(run: Heading[], items: Heading[], accepted: ReadonlySet<Heading>, barriers: ReadonlySet<number>): boolean {
  for (const m of run) {
    const next = items.find((h) => h.line.line > m.line.line && (accepted.has(h) || run.includes(h)))
    if (!next || run.includes(next) || crossesBarrier(m.line.line, next.line.line, barriers)) continue
    if (next.enumerator!.rank > m.enumerator!.rank) return true
  }
  return false
}

/** A 一是 run structures its section when some accepted heading lies between two of its items. */
function structuresSection(run: Heading[], accepted: ReadonlySet<Heading>): boolean {
  if (run.length < 2) return false
  const first = run[0]!.line.line
  const last = run[run.length - 1]!.line.line
  for (const h of accepted) if (h.line.line > first && h.line.line < last) return true
  return false
}
