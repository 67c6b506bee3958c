/**
 * A heading while the tree is being inferred: the line it stands on, what kind of
 * evidence made it a heading, and its links to the previous/next sibling of its
 * numbering sequence (一、→二、→三、→4、 when auto-numbering was lost).
 */
import type { Enumerator } from './heading-enumerator.js'
import type { HeadingLine } from './heading-lines.js'

export type HeadingKind =
  /** Starts with an enumerator (一、 （一） 1. …). */
  | 'numbered'
  /** An unnumbered short line standing alone (`存在的问题`). */
  | 'bare'
  /** An unnumbered run-in title (`强化安全生产责任落实。一是…`), one of a group. */
  | 'run-in'
  /** An unnumbered line that fills a gap in a numbering sequence (（一）, ?, （三）). */
  | 'gap'
  /** A document, report or table title (level 0). */
  | 'title'
  /** An attachment marker, 附件3 (level 0). */
  | 'attachment'
  /** A heading the source marked up itself (Word heading style). */
  | 'styled'

export interface Heading {
  line: HeadingLine
  kind: HeadingKind
  enumerator: Enumerator | null
  /**
   * Nesting rank, smaller = higher: titles 0, then the template ranks of heading-enumerator.ts,
   * refined from context (fractions place unnumbered headings between two styles).
   */
  rank: number
  /** Previous sibling of the same numbering sequence. */
  prev: Heading | null
  next: Heading | null
  /** A title continued on the following line(s): the last line it covers. */
  lastLine?: number
}

export function newHeading(line: HeadingLine, kind: HeadingKind, rank: number): Heading {
  return { line, kind, enumerator: line.enumerator, rank, prev: null, next: null }
}

/** The members of the sequence `h` belongs to, in order. */
export function chainOf(h: Heading): Heading[] {
  let first = h
  while (first.prev) first = first.prev
  const out: Heading[] = []
  for (let x: Heading | null = first; x; x = x.next) out.push(x)
  return out
}
