/**
 * From headings with ranks to the Section tree of the contract: parents, levels, spans.
 *
 * Ranks order styles (一、 < （一） < 1. < （1）); the *level* is the depth of nesting. A
 * heading's parent is the nearest open heading of a smaller rank, and its level is one
 * below its parent's — so （1） items directly under （二） are level 3, not 4, and the
 * tree never skips a level. Under a title (level 0) a heading keeps its template level:
 * a report that starts at （二） has level-2 sections.
 */
import type { Section } from '../contract.js'
import type { Heading } from './heading-model.js'
import { readAttachmentMarker } from './heading-titles.js'
import { cleanTitle } from './heading-text.js'
import type { HeadingLine } from './heading-lines.js'

interface Placed {
  h: Heading
  level: number
  parent: Placed | null
}

/**
 * Rank of a bare title, from what surrounds it. Right under a heading (nothing between)
 * it opens that heading's first subsection — just above a sequence that starts after it.
 * Else it is a sibling of the latest unnumbered heading still open (an author who drops
 * numbers drops them at one level), else of the deepest open heading.
 */
function bareRank(h: Heading, next: Heading | undefined, stack: readonly Placed[], lines: readonly HeadingLine[]): number {
  const top = stack[stack.length - 1]?.h
  // The rank just above a sequence that starts right after the title (kept above 0, which is titles').
  const opens = next?.enumerator && next.prev === null && next.enumerator.value === 1 ? next.rank : null
  const above = opens === null ? null : Math.max(opens - 0.5, opens / 2)
  // Only a heading without body text of its own (unnumbered, or a numbered title not
  // closed by 。 — a run-in heading or list item is complete) opens subsections on the next line.
  const bodiless = top && (top.kind === 'gap' || top.kind === 'bare' || (top.line.body.form === 'title' && /^[：:]?$/u.test(top.line.body.closer)))
  if (top && top.rank > 0 && bodiless && nothingBetween(top, h, lines)) {
    return above !== null && opens! > top.rank ? above : top.rank + 0.5
  }
  let rank = top && top.rank > 0 ? top.rank : 1
  for (let i = stack.length - 1; i >= 0; i--) {
    const s = stack[i]!.h
    if (s.rank === 0) break
    if (s.kind === 'bare' || s.kind === 'gap') {
      rank = s.rank
      break
    }
  }
  // A title right before a new sequence (一、 二、 …) heads it.
  return above !== null ? Math.min(rank, above) : rank
}

function nothingBetween(a: Heading, b: Heading, lines: readonly HeadingLine[]): boolean {
  for (let n = (a.lastLine ?? a.line.line) + 1; n < b.line.line; n++) if (lines[n - 1]!.content !== '') return false
  return true
}

/** Assigns ranks to unnumbered headings and places every heading in the tree. */
function place(headings: readonly Heading[], lines: readonly HeadingLine[]): Placed[] {
  const stack: Placed[] = []
  const out: Placed[] = []
  let runInRank: number | null = null
  for (const [i, h] of headings.entries()) {
    if (h.kind === 'run-in') {
      // A group of run-in titles sits just below whatever heading opened before it.
      runInRank ??= (stack[stack.length - 1]?.h.rank ?? 0) + 0.5
      h.rank = runInRank
    } else {
      runInRank = null
      if (h.kind === 'bare') h.rank = bareRank(h, headings[i + 1], stack, lines)
    }
    while (stack.length > 0 && stack[stack.length - 1]!.h.rank >= h.rank) stack.pop()
    const parent = stack[stack.length - 1] ?? null
    const level = h.rank === 0 ? 0 : parent && parent.level > 0 ? parent.level + 1 : Math.max(1, Math.ceil(h.rank))
    const p: Placed = { h, level, parent }
    stack.push(p)
    out.push(p)
  }
  return out
}

function headingSpan(h: Heading, lines: readonly HeadingLine[]): { start: number; end: number } {
  const l = h.line
  const start = l.start + (h.enumerator ? h.enumerator.start : l.contentStart)
  let end = l.start + l.body.titleEnd
  if (h.lastLine !== undefined) {
    const last = lines[h.lastLine - 1]!
    end = last.start + last.text.trimEnd().length
  }
  if (end <= start) end = l.start + l.text.trimEnd().length
  return { start, end: Math.max(start, end) }
}

function numberAndTitle(h: Heading, lines: readonly HeadingLine[]): { number: string; title: string } {
  const l = h.line
  if (h.kind === 'attachment') {
    const m = readAttachmentMarker(l.content)
    const number = m?.number ?? l.content
    return { number, title: m && m.rest !== '' ? m.rest : number }
  }
  if (h.kind === 'title') {
    let title = l.content
    for (let n = l.line + 1; n <= (h.lastLine ?? l.line); n++) title += lines[n - 1]!.content
    return { number: '', title: cleanTitle(title) }
  }
  const title = cleanTitle(l.text.slice(l.body.titleStart, l.body.titleEnd))
  return { number: h.enumerator?.raw ?? '', title: title === '' ? cleanTitle(l.content) : title }
}

/** The sections of the contract, in document order, ids s1, s2, …. */
export function buildSections(headings: readonly Heading[], lines: readonly HeadingLine[], textLength: number): Section[] {
  const placed = place(headings, lines)
  const ids = new Map<Placed, string>()
  placed.forEach((p, i) => ids.set(p, `s${i + 1}`))
  return placed.map((p, i) => {
    let end = textLength
    for (let j = i + 1; j < placed.length; j++) {
      if (placed[j]!.level <= p.level) {
        end = placed[j]!.h.line.start
        break
      }
    }
    const { number, title } = numberAndTitle(p.h, lines)
    return {
      id: ids.get(p)!,
      level: p.level,
      number,
      title,
      line: p.h.line.line,
      parentId: p.parent ? ids.get(p.parent)! : null,
      start: p.h.line.start,
      end,
      heading: headingSpan(p.h, lines),
    }
  })
}
