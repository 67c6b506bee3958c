/**
 * Label accuracy: among our figures that the figure metric paired with a gold figure, the
 * share whose `label` names the same thing as the gold's. Labels are free text that the
 * annotator and the extractor word differently (2023年度收入总计 / 收入总计, “三公”经费 /
 * 三公经费, 公用经费明细·印刷费（决算） / 印刷费·决算), so the rule is lenient but must still
 * reject a label that does not say what the figure is (市 for 预算·共同财政事权转移支付·市).
 *
 * Rule (printed by `cnreport eval --help`): normalise both labels (`normalizeLabel`); they
 * agree when ours contains the gold's, or when their character-bigram Dice coefficient is
 * at least 0.5. A label of ours inside the gold's thus agrees once it holds about a third of
 * it (橡皮艇 for 储备橡皮艇, not 比例 for 实际在用固定资产总额占固定资产总额（现值）比例).
 * A figure we leave unlabelled counts as wrong; a gold figure without a label is not counted.
 */
import type { ExtractResult } from '../contract.js'
import { LineIndex } from '../document.js'
import type { GoldDocument } from './gold.js'
import { matchFigures, type FigureMatching } from './figure-match.js'
import { formatRate, rate, type Column } from './table.js'

/** Dice coefficient at or above which two normalised labels agree. */
export const LABEL_DICE_THRESHOLD = 0.5

/** Counts of one document, or summed over documents. */
export interface LabelCounts {
  /** Matched pairs whose gold figure has a label: the denominator. */
  evaluated: number
  /** Of those, pairs whose labels agree. */
  agree: number
  /** Of those, pairs where our figure has no label (counted wrong). */
  unlabelled: number
  /** Matched pairs not counted because the gold figure has no label. */
  noGoldLabel: number
}

/** A pair whose labels disagree, for `--verbose`. */
export interface LabelDisagreement {
  line: number
  /** 1-based UTF-16 column of our figure. */
  column: number
  /** Our figure's `raw`. */
  text: string
  gold: string
  ours: string | null
}

export interface LabelScore extends LabelCounts {
  accuracy: number | null
  disagreements: LabelDisagreement[]
}

export function emptyLabelCounts(): LabelCounts {
  return { evaluated: 0, agree: 0, unlabelled: 0, noGoldLabel: 0 }
}

export function addLabelCounts(a: LabelCounts, b: LabelCounts): LabelCounts {
  return { evaluated: a.evaluated + b.evaluated, agree: a.agree + b.agree, unlabelled: a.unlabelled + b.unlabelled, noGoldLabel: a.noGoldLabel + b.noGoldLabel }
}

export function labelAccuracy(c: LabelCounts): number | null {
  return rate(c.agree, c.evaluated)
}

/**
 * The comparable core of a label: NFKC (full-width brackets and digits to ASCII); asides in
 * brackets holding Latin letters dropped (the gold's notes to the reader: “（as labelled; …）”);
 * quotes and brackets removed, their content kept (公用经费明细·印刷费（决算） keeps 决算); a
 * leading year or date dropped (2023年度, 2021年末, 2023年12月31日) since one side often omits
 * it; the joiners · 的 中的 removed (固定资产中的通用设备 = 固定资产通用设备); then every
 * character that is not a letter, digit or % (punctuation, spaces).
 */
export function normalizeLabel(label: string): string {
  return label
    .normalize('NFKC')
    .replace(/\([^()]*[A-Za-z][^()]*\)/g, '')
    .replace(/[“”"'‘’「」『』《》〈〉【】[\]()]/g, '')
    .replace(/^\s*\d{4}年(?:度|末|初|底)?(?:\d{1,2}月(?:\d{1,2}日)?)?/, '')
    .replace(/中的|[·・•的]/g, '')
    .replace(/[^\p{L}\p{N}%]/gu, '')
}

/** Character bigrams of `s` with their multiplicities (code points, so 𠮷 is one character). */
function bigrams(s: string): Map<string, number> {
  const chars = Array.from(s)
  const out = new Map<string, number>()
  for (let i = 0; i + 1 < chars.length; i++) {
    const b = chars[i]! + chars[i + 1]!
    out.set(b, (out.get(b) ?? 0) + 1)
  }
  return out
}

/** Sørensen–Dice over character bigrams (multisets): 2·|A∩B| / (|A|+|B|); 0 when either has none. */
export function bigramDice(a: string, b: string): number {
  const x = bigrams(a)
  const y = bigrams(b)
  const size = (m: Map<string, number>) => [...m.values()].reduce((n, k) => n + k, 0)
  const total = size(x) + size(y)
  if (total === 0 || size(x) === 0 || size(y) === 0) return 0
  let shared = 0
  for (const [gram, n] of x) shared += Math.min(n, y.get(gram) ?? 0)
  return (2 * shared) / total
}

/** Whether our label names what the gold label names (the rule in the module comment). */
export function labelsAgree(gold: string, ours: string | null): boolean {
  if (ours === null) return false
  const g = normalizeLabel(gold)
  const o = normalizeLabel(ours)
  if (g === '' || o === '') return false
  return o.includes(g) || bigramDice(g, o) >= LABEL_DICE_THRESHOLD
}

/** A gold label worth comparing: present and not empty once normalised. */
const goldLabelOf = (label: string | null | undefined): string | null => (label != null && normalizeLabel(label) !== '' ? label : null)

/**
 * Scores one document over the figure metric's pairs (`matching`, computed here when not
 * given). `result` null means the analysis failed: nothing was paired, nothing is counted.
 */
export function evaluateLabels(gold: GoldDocument, result: ExtractResult | null, matching?: FigureMatching): LabelScore {
  const counts = emptyLabelCounts()
  const disagreements: LabelDisagreement[] = []
  if (result) {
    const lines = new LineIndex(result.text)
    const m = matching ?? matchFigures(gold, result, lines)
    for (const { ours, gold: g } of m.matches) {
      const goldLabel = goldLabelOf(g.gold.label)
      if (goldLabel === null) {
        counts.noGoldLabel++
        continue
      }
      counts.evaluated++
      if (ours.label === null) counts.unlabelled++
      if (labelsAgree(goldLabel, ours.label)) counts.agree++
      else disagreements.push({ ...lines.locate(ours.start), text: ours.raw, gold: goldLabel, ours: ours.label })
    }
  }
  return { ...counts, accuracy: labelAccuracy(counts), disagreements }
}

/** Table column: acc (labels agreeing / matched figures with a gold label). */
export const labelColumns: Array<Column<LabelCounts>> = [{ header: 'acc', cell: (c) => formatRate(labelAccuracy(c)) }]

/** `--verbose` lines for one document. */
export function describeLabels(s: LabelScore): string[] {
  const out = [
    `labels: ${s.agree}/${s.evaluated} agree; ${s.evaluated - s.agree - s.unlabelled} differ, ${s.unlabelled} unlabelled` +
      (s.noGoldLabel ? ` (${s.noGoldLabel} matched figures have no gold label)` : ''),
  ]
  for (const d of s.disagreements) out.push(`  label≠  ${d.line}:${d.column}  ${d.text}  gold ${d.gold}; ours ${d.ours ?? '(none)'}`)
  return out
}
