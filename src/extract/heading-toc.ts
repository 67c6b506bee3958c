/**
 * Tables of contents. A 目录 lists the headings the document has further on; its
 * entries are not sections. Entries are recognised by dot leaders (一、部门主要职能……3)
 * or, when a PDF export dropped the leaders, by reappearing later as a line of the text.
 */

/** `目 录`, `目录`, `目次`: the line that opens a table of contents. */
export function isTocHeading(content: string): boolean {
  return /^(目录|目次)$/u.test(content.replace(/[\s\u3000]+/gu, ''))
}

/** A table-of-contents entry with leaders: a title, dot leaders, maybe a page number. */
export function hasLeaders(content: string): boolean {
  return /(?:…{2,}|\.{4,}|·{4,}|－{4,}|-{6,})\s*\d*\s*$/u.test(content)
}

/** An entry without its leaders and page number, blanks removed, for comparison. */
function entryKey(content: string): string {
  return content
    .replace(/(?:…+|\.{2,}|·{2,}|－{2,}|-{2,})\s*\d*\s*$/u, '')
    .replace(/\s*\d+\s*$/u, '')
    .replace(/[\s\u3000]+/gu, '')
}

/** Page furniture pdf.js text carries (-- 2 of 25 --): transparent inside a TOC. */
const PAGE_MARK = /^-+\s*\d+\s*(of|\/)\s*\d+\s*-+$/iu

/** A short line without sentence punctuation: what a leader-less entry looks like. */
function entryShaped(content: string): boolean {
  return content.length <= 60 && !/[。；;，,：:]/u.test(content)
}

/**
 * 1-based numbers of the lines that belong to a table of contents: the 目录 line and the
 * entries after it. With leaders, the entries are the leader lines. Without, they are the
 * short lines up to the first prose line or up to where the first entry reappears (the body
 * begins); trailing lines whose title does not reappear later are the body's first
 * headings, not entries; and at least half the entries must reappear, or 目录 announced
 * nothing recognisable.
 */
export function findTocLines(contents: readonly string[]): Set<number> {
  const out = new Set<number>()
  const start = contents.findIndex(isTocHeading)
  if (start === -1) return out
  out.add(start + 1)
  const entries: number[] = []
  let leaders: boolean | null = null
  for (let i = start + 1; i < contents.length; i++) {
    const c = contents[i]!
    if (c === '' || PAGE_MARK.test(c)) continue
    leaders ??= hasLeaders(c)
    if (leaders) {
      if (!hasLeaders(c)) break
      out.add(i + 1)
      continue
    }
    if (entries.length > 0 && entryKey(c) === entryKey(contents[entries[0]!]!)) break
    if (!entryShaped(c)) break
    entries.push(i)
  }
  while (entries.length > 0 && !reappears(contents, entries[entries.length - 1]!)) entries.pop()
  const found = entries.filter((i) => reappears(contents, i)).length
  if (found * 2 >= entries.length) for (const i of entries) out.add(i + 1)
  return out
}

/** The entry's title (without enumerator) occurs in a later line. */
function reappears(contents: readonly string[], index: number): boolean {
  const title = entryKey(contents[index]!).replace(/^(第[一二三四五六七八九十\d]+(部分|章|篇)|[（(]?[一二三四五六七八九十\d]+[)）]?[、.．]?)/u, '')
  if (title.length < 2) return false
  for (let j = index + 1; j < contents.length; j++) {
    if (contents[j]!.replace(/[\s\u3000]+/gu, '').includes(title) && !hasLeaders(contents[j]!)) return true
  }
  return false
}

/** Page furniture pdf.js text carries (-- 2 of 25 --). */
export function isPageMark(content: string): boolean {
  return PAGE_MARK.test(content)
}

