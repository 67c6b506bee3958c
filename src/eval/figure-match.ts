/**
 * Pairs our figures with gold figures. A pair needs the same line, overlapping spans and
 * agreeing values; spans only need to overlap because the gold and an extractor may draw the
 * edges differently (约18.25公里 vs 18.25公里, ≦500元/人/天 vs 500元/人/天). Matching is
 * one-to-one, greedy by overlap: a figure split in two, or found twice, scores once.
 *
 * The matching is shared by every figure metric (recall/precision today; label accuracy
 * later reads `matches` instead of matching again).
 */
import type { ExtractResult, Figure } from '../contract.js'
import { LineIndex } from '../document.js'
import type { GoldDocument, GoldFigure } from './gold.js'
import { overlap, placeGold, type GoldPlacement } from './positions.js'

/** Kinds scored: gold figures of these kinds (not optional) are recalled, our figures of these kinds are predictions. */
export const SCORED_FIGURE_KINDS: readonly string[] = ['money', 'percent', 'count']

/** A gold figure with its position in our text. */
export interface PlacedGoldFigure {
  gold: GoldFigure
  /** Index in the gold file's `figures`. */
  index: number
  /** Null when the gold's line/offset lies outside our text. */
  place: GoldPlacement | null
  /** In the recall set G: a scored kind and not optional. */
  recalled: boolean
}

export interface FigurePair {
  ours: Figure
  gold: PlacedGoldFigure
  /** Shared UTF-16 units. */
  overlap: number
}

export interface FigureMatching {
  golds: PlacedGoldFigure[]
  /** P: our figures of a scored kind. */
  predicted: Figure[]
  /** One-to-one pairs of P with any gold figure whose values agree. */
  matches: FigurePair[]
  /** Among what `matches` left over, one-to-one pairs that overlap but disagree in value. */
  valueMismatches: FigurePair[]
  /** Recall-set gold figures left unmatched that one of our figures of an unscored kind (measure, score) found with the right value. */
  foundAsOtherKind: FigurePair[]
}

/** Integer 分, so that 12345600.000000004 and 12345600 are the same amount. */
export const fen = (yuan: number): number => Math.round(yuan * 100)

/** Equal up to float noise of folding 万/亿 in (1.8 × 10000 = 18000.000000000004). */
function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b))
}

/** Money is compared in 元 (exactly, in 分) when both sides know it; everything else by `value`. */
export function valuesAgree(ours: Figure, gold: GoldFigure): boolean {
  if (ours.kind === 'money' && ours.yuan !== undefined && gold.value_yuan != null) return fen(ours.yuan) === fen(gold.value_yuan)
  return sameNumber(ours.value, gold.value)
}

/** In the recall set G: a scored kind and not optional. */
export const isRecalled = (g: GoldFigure): boolean => SCORED_FIGURE_KINDS.includes(g.kind) && g.optional !== true

export function placeGoldFigures(gold: GoldDocument, text: string, lines: LineIndex): PlacedGoldFigure[] {
  return gold.figures.map((g, index) => ({
    gold: g,
    index,
    place: placeGold(text, lines, g.line, g.char_offset, g.text),
    recalled: isRecalled(g),
  }))
}

export function matchFigures(gold: GoldDocument, result: ExtractResult, lines = new LineIndex(result.text)): FigureMatching {
  const golds = placeGoldFigures(gold, result.text, lines)
  const byLine = new Map<number, PlacedGoldFigure[]>()
  for (const g of golds) if (g.place) byLine.set(g.place.line, [...(byLine.get(g.place.line) ?? []), g])

  const overlapping = (ours: Figure[]): FigurePair[] =>
    ours.flatMap((f) =>
      (byLine.get(lines.lineOf(f.start)) ?? [])
        .map((g) => ({ ours: f, gold: g, overlap: overlap(f, g.place!) }))
        .filter((p) => p.overlap > 0),
    )

  const predicted = result.figures.filter((f) => SCORED_FIGURE_KINDS.includes(f.kind))
  const candidates = overlapping(predicted)
  const matches = assignGreedy(candidates.filter((p) => valuesAgree(p.ours, p.gold.gold)))

  const usedOurs = new Set(matches.map((p) => p.ours))
  const usedGold = new Set(matches.map((p) => p.gold))
  const valueMismatches = assignGreedy(candidates.filter((p) => !usedOurs.has(p.ours) && !usedGold.has(p.gold)))

  const missed = new Set(golds.filter((g) => g.recalled && !usedGold.has(g)))
  const others = result.figures.filter((f) => !SCORED_FIGURE_KINDS.includes(f.kind))
  const foundAsOtherKind = assignGreedy(overlapping(others).filter((p) => missed.has(p.gold) && valuesAgree(p.ours, p.gold.gold)))

  return { golds, predicted, matches, valueMismatches, foundAsOtherKind }
}

/**
 * Greedy one-to-one assignment: largest overlap first; on ties a recall-set gold figure
 * first (so an optional or unscored gold never takes a pair a scored one could have), then
 * document order, so the result does not depend on input order.
 */
export function assignGreedy(candidates: FigurePair[]): FigurePair[] {
  const sorted = [...candidates].sort(
    (a, b) =>
      b.overlap - a.overlap ||
      Number(b.gold.recalled) - Number(a.gold.recalled) ||
      a.ours.start - b.ours.start ||
      a.gold.index - b.gold.index,
  )
  const ours = new Set<Figure>()
  const gold = new Set<PlacedGoldFigure>()
  const chosen: FigurePair[] = []
  for (const p of sorted) {
    if (ours.has(p.ours) || gold.has(p.gold)) continue
    ours.add(p.ours)
    gold.add(p.gold)
    chosen.push(p)
  }
  return chosen.sort((a, b) => a.ours.start - b.ours.start)
}
