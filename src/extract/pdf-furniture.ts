/**
 * Page furniture: page numbers and running headers/footers are not part of the report's
 * text (they would split paragraphs and tables that run over a page break, and read as
 * figures: "- 3 -"). A line is furniture when it sits among the first or last lines of
 * its page, in the top or bottom margin band, and either
 *   - reads as a page number (3, - 3 -, 第3页, 第 3 页 共 25 页, 3/25), or
 *   - repeats, digits aside, at the same height on at least half the pages with text
 *     (and on two pages at least).
 */
import { lineText } from './pdf-lines.js'
import type { PageItem, PageLayout } from './pdf-page-layout.js'

/** Margin band: the top and bottom share of the page height. @default 0.12 */
const BAND = 0.12
/** Lines from either end of a page examined. @default 3 */
const EDGE_LINES = 3
/** Same height across pages, within this many points. @default 4 */
const SAME_Y = 4

const PAGE_NUMBER =
  /^(?:[-—–－‒·•\s]*[0-9０-９]{1,4}[-—–－‒·•\s]*|第\s*[0-9０-９]{1,4}\s*页(?:\s*[,，/]?\s*共\s*[0-9０-９]{1,4}\s*页)?|[0-9０-９]{1,4}\s*[/／]\s*[0-9０-９]{1,4}|(?:page|Page|PAGE)\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$/

/** How many furniture lines were left out. */
export interface FurnitureRemoved {
  /** Lines that read as a page number. */
  pageNumbers: number
  /** Running header and footer lines. */
  running: number
}

type LineItem = Extract<PageItem, { kind: 'line' }>

/** Removes furniture lines from the pages in place; returns how many of each. */
export function removeFurniture(pages: PageLayout[]): FurnitureRemoved {
  const candidates = new Map<LineItem, { page: PageLayout; band: 'top' | 'bottom'; key: string; text: string }>()
  for (const page of pages) {
    const lines = page.items.filter((i): i is LineItem => i.kind === 'line')
    const edge = new Set([...lines.slice(0, EDGE_LINES), ...lines.slice(-EDGE_LINES)])
    for (const item of edge) {
      const { line } = item
      const band = line.y - line.size < BAND * page.height ? 'top' : line.y > (1 - BAND) * page.height ? 'bottom' : null
      if (!band) continue
      // Nothing of the body may lie between the line and its edge of the page.
      const index = page.items.indexOf(item)
      const outer = band === 'top' ? page.items.slice(0, index) : page.items.slice(index + 1)
      if (outer.some((i) => i.kind === 'table')) continue
      const text = lineText(line).trim()
      candidates.set(item, { page, band, key: text.replace(/[0-9０-９]+/g, '#').replace(/\s+/g, ''), text })
    }
  }
  const textPages = pages.filter((p) => p.chars > 0).length
  const needed = Math.max(2, Math.ceil(textPages / 2))
  const removed: FurnitureRemoved = { pageNumbers: 0, running: 0 }
  const drop = new Set<LineItem>()
  for (const [item, c] of candidates) {
    if (PAGE_NUMBER.test(c.text)) {
      drop.add(item)
      removed.pageNumbers++
      continue
    }
    const repeats = new Set<PageLayout>()
    for (const [other, o] of candidates)
      if (o.key === c.key && o.band === c.band && Math.abs(other.line.y - item.line.y) <= SAME_Y) repeats.add(o.page)
    if (repeats.size >= needed) {
      drop.add(item)
      removed.running++
    }
  }
  for (const page of pages) page.items = page.items.filter((i) => !(i.kind === 'line' && drop.has(i)))
  return removed
}
