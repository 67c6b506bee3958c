/**
 * Section (heading) precision, recall and level accuracy against the gold heading tree.
 * A heading is identified by its line: titles may be cut differently (run-in headings
 * continue as body text on the same line), but a heading found on the right line is found.
 * Level accuracy is measured among matched headings only, so it says how well we read the
 * depth of what we found, not how much we found.
 */
import type { ExtractResult, Section } from '../contract.js'
import type { GoldDocument, GoldSection } from './gold.js'
import { formatRate, rate, type Column } from './table.js'

export interface SectionCounts {
  /** All gold sections (titles and 附件 markers, level 0, included). */
  gold: number
  predicted: number
  /** One-to-one pairs on the same line. */
  matched: number
  /** Matched pairs with the same level. */
  levelCorrect: number
}

/** A heading for display. */
export interface SectionRef {
  line: number
  level: number
  /** The enumerator as written; '' when none. */
  number: string
  title: string
}

export interface SectionScore extends SectionCounts {
  precision: number | null
  recall: number | null
  levelAccuracy: number | null
  missed: SectionRef[]
  extra: SectionRef[]
  levelWrong: Array<{ gold: SectionRef & { styleLevel?: number }; ours: SectionRef }>
}

export function emptySectionCounts(): SectionCounts {
  return { gold: 0, predicted: 0, matched: 0, levelCorrect: 0 }
}

export function addSectionCounts(a: SectionCounts, b: SectionCounts): SectionCounts {
  return { gold: a.gold + b.gold, predicted: a.predicted + b.predicted, matched: a.matched + b.matched, levelCorrect: a.levelCorrect + b.levelCorrect }
}

export function sectionRates(c: SectionCounts): { precision: number | null; recall: number | null; levelAccuracy: number | null } {
  return { precision: rate(c.matched, c.predicted), recall: rate(c.matched, c.gold), levelAccuracy: rate(c.levelCorrect, c.matched) }
}

/** `result` null means the document could not be analysed: every gold heading is missed. */
export function evaluateSections(gold: GoldDocument, result: Pick<ExtractResult, 'sections'> | null): SectionScore {
  const sections = result?.sections ?? []
  const byLine = new Map<number, Section[]>()
  for (const s of sections) byLine.set(s.line, [...(byLine.get(s.line) ?? []), s])
  const used = new Set<Section>()
  const pairs: Array<{ gold: GoldSection; ours: Section }> = []
  const missed: GoldSection[] = []
  for (const g of gold.sections) {
    const free = (byLine.get(g.line) ?? []).filter((s) => !used.has(s))
    // Two headings on one line are rare (a title and its run-in subheading); prefer the one at the gold's level.
    const ours = free.find((s) => s.level === g.level) ?? free[0]
    if (!ours) {
      missed.push(g)
      continue
    }
    used.add(ours)
    pairs.push({ gold: g, ours })
  }
  const wrong = pairs.filter((p) => p.ours.level !== p.gold.level)
  const counts: SectionCounts = {
    gold: gold.sections.length,
    predicted: sections.length,
    matched: pairs.length,
    levelCorrect: pairs.length - wrong.length,
  }
  return {
    ...counts,
    ...sectionRates(counts),
    missed: missed.map(goldRef),
    extra: sections.filter((s) => !used.has(s)).map(oursRef),
    levelWrong: wrong.map((p) => ({
      gold: { ...goldRef(p.gold), ...(p.gold.style_level !== undefined ? { styleLevel: p.gold.style_level } : {}) },
      ours: oursRef(p.ours),
    })),
  }
}

const goldRef = (g: GoldSection): SectionRef => ({ line: g.line, level: g.level, number: g.number ?? '', title: g.title })
const oursRef = (s: Section): SectionRef => ({ line: s.line, level: s.level, number: s.number, title: s.title })

/** Table columns: P R tp/pred tp/gold level. */
export const sectionColumns: Array<Column<SectionCounts>> = [
  { header: 'P', cell: (c) => formatRate(sectionRates(c).precision) },
  { header: 'R', cell: (c) => formatRate(sectionRates(c).recall) },
  { header: 'tp/pred', cell: (c) => `${c.matched}/${c.predicted}` },
  { header: 'tp/gold', cell: (c) => `${c.matched}/${c.gold}` },
  { header: 'level', cell: (c) => formatRate(sectionRates(c).levelAccuracy) },
]

// Gold writes attachment markers as number 附件3, title 附件3: show it once.
const heading = (r: SectionRef) => `L${r.level}  ${r.number && r.number !== r.title ? `${r.number} ` : ''}${r.title}`

/** `--verbose` lines for one document. */
export function describeSections(s: SectionScore): string[] {
  const out = [
    `sections: ${s.matched}/${s.gold} gold found, ${s.matched}/${s.predicted} predictions right; ` +
      `${s.missed.length} missed, ${s.extra.length} extra, ${s.levelWrong.length} at the wrong level`,
  ]
  for (const r of s.missed) out.push(`  missed  ${r.line}  ${heading(r)}`)
  for (const r of s.extra) out.push(`  extra   ${r.line}  ${heading(r)}`)
  for (const { gold, ours } of s.levelWrong) {
    const style = gold.styleLevel !== undefined ? ` (its enumerator style says ${gold.styleLevel})` : ''
    out.push(`  level   ${gold.line}  gold ${gold.level}${style}, ours ${ours.level}  ${heading(gold)}`)
  }
  return out
}
