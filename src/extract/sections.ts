/**
 * The heading tree of a report (SectionSchema in contract.ts).
 *
 * 1. level-0 lines: the document title, 附件 markers and their titles (heading-titles.ts);
 * 2. enumerated lines, kept when their run reads as headings, not as a duty list (heading-runs.ts);
 * 3. numbering sequences across slips of style, and the rank each stands for (heading-chains.ts);
 * 4. unnumbered headings: run-in groups, gap fillers, bare titles (heading-unnumbered.ts);
 * 5. source markup (Word heading styles) overrides all of that where present;
 * 6. parents, levels and spans (section-tree.ts).
 */
import type { Section } from '../contract.js'
import type { LineIndex, SourceDocument } from '../document.js'
import { applySequenceRanks, linkAcrossScripts } from './heading-chains.js'
import { readHeadingLines, type HeadingLine } from './heading-lines.js'
import { newHeading, type Heading } from './heading-model.js'
import { findNumberedHeadings } from './heading-runs.js'
import { findTitles, titleLines } from './heading-titles.js'
import { fillGaps, findBareTitles, findRunInGroups } from './heading-unnumbered.js'
import { buildSections } from './section-tree.js'

export function findSections(doc: SourceDocument, lines: LineIndex): Section[] {
  const headingLines = readHeadingLines(doc, lines)
  const titles = findTitles(headingLines)
  const barriers = titleLines(titles)
  const numbered = findNumberedHeadings(headingLines, barriers)
  linkAcrossScripts(numbered, barriers)

  const taken = new Set<number>([...barriers, ...numbered.map((h) => h.line.line)])
  const runIns = findRunInGroups(headingLines, taken, taken)
  for (const h of runIns) taken.add(h.line.line)
  const gaps = fillGaps(numbered, headingLines, barriers, taken)
  applySequenceRanks(numbered)
  const bare = findBareTitles(headingLines, taken)

  const all = applyStyles([...titles, ...numbered, ...runIns, ...gaps, ...bare], headingLines)
  all.sort((a, b) => a.line.line - b.line.line)
  return buildSections(all, headingLines, doc.text.length)
}

/**
 * Headings the source marked up itself (DOCX heading styles): their level wins over
 * inference, and a marked line that inference missed becomes a heading — with its styled
 * level, or placed like a bare title when the markup gives none.
 */
function applyStyles(headings: Heading[], lines: readonly HeadingLine[]): Heading[] {
  const byLine = new Map(headings.map((h) => [h.line.line, h]))
  for (const l of lines) {
    if (!l.marked || l.content === '') continue
    const h = byLine.get(l.line)
    if (l.styledLevel === undefined) {
      if (!h) byLine.set(l.line, newHeading(l, 'bare', 1))
      continue
    }
    if (h) {
      h.rank = l.styledLevel
      // A styled heading keeps its rank: the bare/run-in inference must not recompute it.
      if (h.kind === 'bare' || h.kind === 'run-in') h.kind = 'styled'
    } else byLine.set(l.line, newHeading(l, 'styled', l.styledLevel))
  }
  return [...byLine.values()]
}
