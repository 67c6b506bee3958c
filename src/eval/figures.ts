/**
 * Figure recall and precision against the gold.
 *
 * - Recall set G: gold figures of kind money/percent/count that are not optional
 *   (Chinese-numeral counts such as 四个方面 are optional: finding them is a bonus).
 * - Predictions P: our figures of kind money/percent/count.
 * - Recall = matched G / |G|. Precision = P matched to *any* gold figure / |P| — an
 *   optional or differently-kinded gold figure (a measure we called a count) is still a real
 *   quantity at that place, so finding it is not a false positive.
 *
 * "Position matched but value differs" is counted apart: it is usually a unit or parsing
 * slip (万元 read as 元, a thousands separator) and the quickest thing to fix.
 */
import type { ExtractResult, Figure, FigureKind } from '../contract.js'
import { LineIndex } from '../document.js'
import type { GoldDocument } from './gold.js'
import { isRecalled, matchFigures, type FigurePair, type PlacedGoldFigure } from './figure-match.js'
import { formatRate, rate, type Column } from './table.js'

/** Counts of one document, or summed over documents (micro average). */
export interface FigureCounts {
  /** |G|: gold money/percent/count figures, optional ones excluded. */
  gold: number
  /** |P|: our money/percent/count figures. */
  predicted: number
  /** Figures of G matched by P. */
  recallHits: number
  /** Figures of P matched to any gold figure. */
  precisionHits: number
  /** Pairs at the same place whose values disagree. */
  valueMismatches: number
  /** Matched pairs whose kinds disagree (our count vs gold measure); gold kinds the contract lacks are mapped first (money_rate → money). */
  kindMismatches: number
  /** Gold figures whose text is not at their stated place in our text (gold and corpus out of step). */
  misalignedGold: number
}

/** A figure for display: where it is and what it says. */
export interface FigureRef {
  line: number
  /** 1-based UTF-16 column, as editors and `LineIndex.locate` count. */
  column: number
  /** Gold `text` or our `raw`. */
  text: string
  kind: string
  value: number
  /** Money: the value in 元, when known. */
  yuan?: number
}

export interface FigurePairRef {
  gold: FigureRef
  ours: FigureRef
}

export interface FigureScore extends FigureCounts {
  precision: number | null
  recall: number | null
  /** G figures not matched and not part of a value mismatch. */
  missed: FigureRef[]
  /** P figures not matched and not part of a value mismatch. */
  falsePositives: FigureRef[]
  valueMismatchPairs: FigurePairRef[]
  kindMismatchPairs: FigurePairRef[]
  /** Missed G figures that one of our measure/score figures found with the right value. */
  foundAsOtherKind: FigurePairRef[]
  misaligned: FigureRef[]
}

export function emptyFigureCounts(): FigureCounts {
  return { gold: 0, predicted: 0, recallHits: 0, precisionHits: 0, valueMismatches: 0, kindMismatches: 0, misalignedGold: 0 }
}

export function addFigureCounts(a: FigureCounts, b: FigureCounts): FigureCounts {
  const sum = emptyFigureCounts()
  for (const key of Object.keys(sum) as Array<keyof FigureCounts>) sum[key] = a[key] + b[key]
  return sum
}

/**
 * Scores one document. `result` null means the document could not be analysed: every G
 * figure is missed, so the failure weighs on the overall recall instead of vanishing from it.
 */
export function evaluateFigures(gold: GoldDocument, result: ExtractResult | null): FigureScore {
  if (!result) return unanalysed(gold)
  const lines = new LineIndex(result.text)
  const m = matchFigures(gold, result, lines)
  const recalled = m.golds.filter((g) => g.recalled)
  const matchedGold = new Set(m.matches.map((p) => p.gold))
  const matchedOurs = new Set(m.matches.map((p) => p.ours))
  const mismatchGold = new Set(m.valueMismatches.map((p) => p.gold))
  const mismatchOurs = new Set(m.valueMismatches.map((p) => p.ours))
  const kindPairs = m.matches.filter((p) => kindDisagrees(p.ours.kind, p.gold.gold.kind))
  const misaligned = m.golds.filter((g) => !g.place?.aligned)

  const oursRef = (f: Figure): FigureRef => ({
    ...lines.locate(f.start),
    text: f.raw,
    kind: f.kind,
    value: f.value,
    ...(f.yuan !== undefined ? { yuan: f.yuan } : {}),
  })
  const pairRef = (p: FigurePair): FigurePairRef => ({ gold: goldRef(p.gold, lines), ours: oursRef(p.ours) })

  const counts: FigureCounts = {
    gold: recalled.length,
    predicted: m.predicted.length,
    recallHits: recalled.filter((g) => matchedGold.has(g)).length,
    precisionHits: m.matches.length,
    valueMismatches: m.valueMismatches.length,
    kindMismatches: kindPairs.length,
    misalignedGold: misaligned.length,
  }
  return {
    ...counts,
    ...figureRates(counts),
    missed: recalled.filter((g) => !matchedGold.has(g) && !mismatchGold.has(g)).map((g) => goldRef(g, lines)),
    falsePositives: m.predicted.filter((f) => !matchedOurs.has(f) && !mismatchOurs.has(f)).map(oursRef),
    valueMismatchPairs: m.valueMismatches.map(pairRef),
    kindMismatchPairs: kindPairs.map(pairRef),
    foundAsOtherKind: m.foundAsOtherKind.map(pairRef),
    misaligned: misaligned.map((g) => goldRef(g, lines)),
  }
}

function unanalysed(gold: GoldDocument): FigureScore {
  const recalled = gold.figures.filter(isRecalled)
  // Without our text the code-point offset is the best column there is.
  const missed = recalled.map((g) => ({ line: g.line, column: g.char_offset + 1, text: g.text, kind: g.kind, value: g.value }))
  const counts = { ...emptyFigureCounts(), gold: recalled.length }
  return { ...counts, ...figureRates(counts), missed, falsePositives: [], valueMismatchPairs: [], kindMismatchPairs: [], foundAsOtherKind: [], misaligned: [] }
}

/**
 * The gold has finer kinds than the contract. Each maps to the contract kind an extractor
 * should give it; null where the contract has no counterpart (a scoring-rule threshold of
 * 90% is a percent to us and a rule_param to the gold: neither is wrong).
 */
const GOLD_KIND_AS_OURS: Record<string, FigureKind | null> = {
  money_rate: 'money',
  score_weight: 'score',
  duration: 'measure',
  rule_param: null,
  formula: null,
  unknown: null,
}

export function kindDisagrees(ours: FigureKind, goldKind: string): boolean {
  const expected = goldKind in GOLD_KIND_AS_OURS ? GOLD_KIND_AS_OURS[goldKind] : goldKind
  return expected != null && expected !== ours
}

export function figureRates(c: FigureCounts): { precision: number | null; recall: number | null } {
  return { precision: rate(c.precisionHits, c.predicted), recall: rate(c.recallHits, c.gold) }
}

function goldRef(g: PlacedGoldFigure, lines: LineIndex): FigureRef {
  // Without a place (line outside our text) fall back to the gold's own code-point offset.
  const column = g.place ? g.place.start - lines.lineStarts[g.place.line - 1]! + 1 : g.gold.char_offset + 1
  return {
    line: g.gold.line,
    column,
    text: g.gold.text,
    kind: g.gold.kind,
    value: g.gold.value,
    ...(g.gold.value_yuan != null ? { yuan: g.gold.value_yuan } : {}),
  }
}

/** Table columns: P R tp/pred tp/gold val≠. */
export const figureColumns: Array<Column<FigureCounts>> = [
  { header: 'P', cell: (c) => formatRate(figureRates(c).precision) },
  { header: 'R', cell: (c) => formatRate(figureRates(c).recall) },
  { header: 'tp/pred', cell: (c) => `${c.precisionHits}/${c.predicted}` },
  { header: 'tp/gold', cell: (c) => `${c.recallHits}/${c.gold}` },
  { header: 'val≠', cell: (c) => String(c.valueMismatches) },
]

const at = (r: FigureRef) => `${r.line}:${r.column}`
const amount = (r: FigureRef) => (r.yuan !== undefined ? `${r.value} (${r.yuan}元)` : String(r.value))

/** `--verbose` lines for one document, most actionable first. */
export function describeFigures(s: FigureScore): string[] {
  const out = [
    `figures: ${s.recallHits}/${s.gold} gold found, ${s.precisionHits}/${s.predicted} predictions right; ` +
      `${s.gold - s.recallHits} missed, ${s.predicted - s.precisionHits} false positives, value≠ ${s.valueMismatches}`,
  ]
  for (const p of s.valueMismatchPairs)
    out.push(`  value≠  ${at(p.gold)}  gold ${p.gold.text} = ${amount(p.gold)} ${p.gold.kind}; ours ${p.ours.text} = ${amount(p.ours)} ${p.ours.kind}`)
  for (const r of s.missed) out.push(`  missed  ${at(r)}  ${r.text}  ${r.kind}`)
  for (const p of s.foundAsOtherKind) out.push(`  kind    ${at(p.gold)}  ${p.gold.text}: found as ${p.ours.kind}, gold ${p.gold.kind}`)
  for (const r of s.falsePositives) out.push(`  false+  ${at(r)}  ${r.text}  ${r.kind}`)
  for (const p of s.kindMismatchPairs) out.push(`  kind≠   ${at(p.ours)}  ${p.ours.text}: ours ${p.ours.kind}, gold ${p.gold.kind}`)
  for (const r of s.misaligned) out.push(`  gold?   ${at(r)}  ${r.text}: not found at this place in the corpus text`)
  return out
}
