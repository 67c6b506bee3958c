/**
 * Level-0 headings: the document title on the first lines, attachment markers (附件3)
 * and the title that follows a marker (2022年部门整体支出绩效自评表). They close every
 * open section: an attachment starts its own tree.
 */
import type { HeadingLine } from './heading-lines.js'
import { newHeading, type Heading } from './heading-model.js'
import { isBareTitle } from './heading-text.js'

const ATTACHMENT = /^附\s*件\s*([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})?\s*([：:]?)\s*(.*)$/u

/** A title line that ends like this is complete; otherwise the next short line continues it. */
const TITLE_END = /(报告|报表|表|说明|情况|总结|方案|书|目录)$/u

const MAX_TITLE = 50

/** `附件3` → { number: '附件3', rest: '' }, or null when the line is no attachment marker. */
export function readAttachmentMarker(content: string): { number: string; rest: string } | null {
  const m = ATTACHMENT.exec(content)
  if (!m) return null
  const rest = m[3]!.trim()
  // 附件 followed by prose (附件材料齐全。) is a sentence, not a marker; so is 附件名称 without a number or colon.
  if (rest !== '' && !isBareTitle(rest, MAX_TITLE)) return null
  if (m[1] === undefined && m[2] === '' && rest !== '') return null
  return { number: content.slice(0, content.length - m[3]!.length).replace(/[\s：:]+$/u, ''), rest }
}

function nextContentLine(lines: readonly HeadingLine[], from: number, maxGap: number): HeadingLine | null {
  for (let i = from; i < lines.length && i < from + maxGap + 1; i++) {
    const l = lines[i]!
    if (l.content !== '') return l
  }
  return null
}

function titleLike(l: HeadingLine): boolean {
  return !l.cell && !l.toc && l.enumerator === null && isBareTitle(l.content, MAX_TITLE) && readAttachmentMarker(l.content) === null
}

/** A title and the short lines that continue it (某市某局2023年整体支出 / 绩效评价报告). */
function takeTitle(lines: readonly HeadingLine[], index: number): Heading {
  const first = lines[index]!
  const h = newHeading(first, 'title', 0)
  let text = first.content
  for (let i = index + 1; i < lines.length; i++) {
    const l = lines[i]!
    if (TITLE_END.test(text) || l.content === '' || !titleLike(l) || l.content.length > 30) break
    text += l.content
    h.lastLine = l.line
  }
  return h
}

/** Level-0 headings, in line order. */
export function findTitles(lines: readonly HeadingLine[]): Heading[] {
  const out: Heading[] = []
  const first = lines.findIndex((l) => l.content !== '')
  if (first === -1) return out
  for (let i = first; i < lines.length; i++) {
    const l = lines[i]!
    if (l.content === '' || l.cell || l.toc) continue
    if (i === first && titleLike(l)) {
      const t = takeTitle(lines, i)
      out.push(t)
      i = (t.lastLine ?? l.line) - 1
      continue
    }
    const marker = readAttachmentMarker(l.content)
    if (!marker || l.enumerator !== null) continue
    out.push(newHeading(l, 'attachment', 0))
    if (marker.rest !== '') continue
    // The attachment's own title: the next short line within two lines.
    const next = nextContentLine(lines, i + 1, 2)
    if (next && titleLike(next)) {
      const t = takeTitle(lines, next.line - 1)
      out.push(t)
      i = (t.lastLine ?? next.line) - 1
    }
  }
  return out
}

/** Lines covered by level-0 headings (continuation lines included). */
export function titleLines(titles: readonly Heading[]): Set<number> {
  const out = new Set<number>()
  for (const t of titles) for (let n = t.line.line; n <= (t.lastLine ?? t.line.line); n++) out.add(n)
  return out
}
