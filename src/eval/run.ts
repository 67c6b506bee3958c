/**
 * `cnreport eval` without the CLI: load the gold, find each gold file's seed in the corpus,
 * analyse it, score every metric, and sum the counts (micro average: a document with many
 * figures weighs more than one with few, as in the corpus an analyst downloads).
 *
 * To add a metric: a module with
 * `evaluateX(gold, result)`, counts that add up, columns and `describeX`; then a field in
 * `DocumentEvaluation` and `OverallCounts`, a line in `evaluateDocument` and one in `overallOf`,
 * and a group in report.ts.
 */
import { readdir, stat } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { ExtractResultSchema, type ExtractResult } from '../contract.js'
import { InputError } from '../result.js'
import { loadGoldDir, type GoldDocument } from './gold.js'
import { addFigureCounts, emptyFigureCounts, evaluateFigures, type FigureCounts, type FigureScore } from './figures.js'
import { addSectionCounts, emptySectionCounts, evaluateSections, type SectionCounts, type SectionScore } from './sections.js'
import { addMetadataCounts, emptyMetadataCounts, evaluateMetadata, type MetadataCounts, type MetadataScore } from './metadata.js'
import { addLabelCounts, emptyLabelCounts, evaluateLabels, type LabelCounts, type LabelScore } from './labels.js'
import { addRecordCounts, emptyRecordCounts, evaluateRecord, type RecordCounts, type RecordScore } from './record.js'
import { addFindingCounts, emptyFindingCounts, evaluateFindings, type FindingCounts, type FindingScore } from './findings.js'
import { messageOf } from '../error-text.js'

/** Turns a corpus file into our result; `analyzeFile` in the CLI, a stub in tests. */
export type Analyze = (path: string) => Promise<ExtractResult>

export interface EvalOptions {
  goldDir: string
  corpusDir: string
  analyze: Analyze
  /** Evaluate only seeds whose file name contains one of these strings. @default all */
  only?: string[]
}

export interface DocumentEvaluation {
  /** Seed file name from the gold (`file`). */
  file: string
  goldPath: string
  corpusPath: string
  /** Set when analysis threw: the document then scores as if nothing was found. */
  error?: string
  /** Problems that make a score less trustworthy (gold out of step, contract violations). */
  warnings: string[]
  figures: FigureScore
  sections: SectionScore
  metadata: MetadataScore
  labels: LabelScore
  record: RecordScore
  findings: FindingScore
}

export interface OverallCounts {
  documents: number
  figures: FigureCounts
  sections: SectionCounts
  metadata: MetadataCounts
  labels: LabelCounts
  record: RecordCounts
  findings: FindingCounts
}

export interface EvalReport {
  goldDir: string
  corpusDir: string
  documents: DocumentEvaluation[]
  overall: OverallCounts
  /** Gold files not evaluated, with why (seed not in the corpus, duplicate, filtered out). */
  skipped: Array<{ goldPath: string; file: string; reason: string }>
}

/** Scores one analysed document (null: analysis failed) on every metric. */
export function evaluateDocument(gold: GoldDocument, result: ExtractResult | null): Pick<DocumentEvaluation, MetricKey> {
  return {
    figures: evaluateFigures(gold, result),
    sections: evaluateSections(gold, result),
    metadata: evaluateMetadata(gold, result?.document ?? null),
    // Over the figure metric's pairs: matchFigures is deterministic, so these are the pairs `figures` scored.
    labels: evaluateLabels(gold, result),
    record: evaluateRecord(gold, result),
    findings: evaluateFindings(gold, result),
  }
}

/** The scores of a document, one per metric. */
export type MetricKey = 'figures' | 'sections' | 'metadata' | 'labels' | 'record' | 'findings'

export function overallOf(documents: DocumentEvaluation[]): OverallCounts {
  return {
    documents: documents.length,
    figures: documents.reduce((sum, d) => addFigureCounts(sum, d.figures), emptyFigureCounts()),
    sections: documents.reduce<SectionCounts>((sum, d) => addSectionCounts(sum, d.sections), emptySectionCounts()),
    metadata: documents.reduce<MetadataCounts>((sum, d) => addMetadataCounts(sum, d.metadata), emptyMetadataCounts()),
    labels: documents.reduce<LabelCounts>((sum, d) => addLabelCounts(sum, d.labels), emptyLabelCounts()),
    record: documents.reduce<RecordCounts>((sum, d) => addRecordCounts(sum, d.record), emptyRecordCounts()),
    findings: documents.reduce<FindingCounts>((sum, d) => addFindingCounts(sum, d.findings), emptyFindingCounts()),
  }
}

/**
 * @throws InputError when the gold directory is missing, a gold file is malformed, or no gold
 *   file names a seed present in the corpus (nothing to measure is an error, not a 0% score).
 */
export async function evaluateCorpus(options: EvalOptions): Promise<EvalReport> {
  const goldFiles = await loadGoldDir(options.goldDir)
  const corpus = await indexCorpus(options.corpusDir)
  const skipped: EvalReport['skipped'] = []
  const documents: DocumentEvaluation[] = []
  const seen = new Set<string>()

  for (const { path: goldPath, gold } of goldFiles) {
    const name = basename(gold.file)
    const corpusPath = corpus.get(name)
    if (options.only?.length && !options.only.some((s) => name.includes(s))) {
      skipped.push({ goldPath, file: name, reason: 'not selected by --doc' })
    } else if (!corpusPath) {
      skipped.push({ goldPath, file: name, reason: `seed not in ${options.corpusDir}` })
    } else if (seen.has(name)) {
      skipped.push({ goldPath, file: name, reason: 'another gold file already covers this seed' })
    } else {
      seen.add(name)
      documents.push(await evaluateOne(gold, goldPath, corpusPath, options.analyze))
    }
  }

  if (documents.length === 0) {
    const reason = goldFiles.length === 0
      ? 'no gold files (*.json) in the gold directory'
      : `none of the ${goldFiles.length} gold files names a seed present in ${options.corpusDir}` +
        (options.only?.length ? ` and selected by --doc` : '') +
        ` (looked for ${goldFiles.slice(0, 3).map((g) => basename(g.gold.file)).join(', ')}${goldFiles.length > 3 ? ', …' : ''})`
    throw new InputError(options.goldDir, reason, 'eval-nothing-to-evaluate')
  }
  return { goldDir: options.goldDir, corpusDir: options.corpusDir, documents, overall: overallOf(documents), skipped }
}

async function evaluateOne(gold: GoldDocument, goldPath: string, corpusPath: string, analyze: Analyze): Promise<DocumentEvaluation> {
  const warnings: string[] = []
  let result: ExtractResult | null = null
  let error: string | undefined
  try {
    result = await analyze(corpusPath)
  } catch (e) {
    // An extractor bug on one document must not hide the scores of the others.
    error = messageOf(e)
  }
  if (result) {
    const check = ExtractResultSchema.safeParse(result)
    if (!check.success) {
      const first = check.error.issues[0]
      warnings.push(`our result breaks the JSON contract (${check.error.issues.length} issues; first: ${first?.path.join('.')}: ${first?.message})`)
    }
  }
  const scores = evaluateDocument(gold, result)
  if (scores.figures.misalignedGold > 0) {
    const first = scores.figures.misaligned[0]!
    warnings.push(
      `${scores.figures.misalignedGold} gold figures are not at their stated place in the corpus text ` +
        `(first: ${first.line}:${first.column} ${first.text}); is the corpus file the annotated version?`,
    )
  }
  return { file: basename(gold.file), goldPath, corpusPath, ...(error !== undefined ? { error } : {}), warnings, ...scores }
}

/** Corpus files by base name, searched recursively; the first in sorted order wins. */
async function indexCorpus(dir: string): Promise<Map<string, string>> {
  const info = await stat(dir).catch(() => null)
  if (!info?.isDirectory()) throw new InputError(dir, 'corpus directory not found (--corpus)', 'eval-corpus-missing')
  const files = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort()
  const index = new Map<string, string>()
  for (const path of files) if (!index.has(basename(path))) index.set(basename(path), path)
  return index
}

