/**
 * What `cnreport eval` prints: a table (one row per document and an overall row), the
 * `--verbose` lists a developer fixes from, notes for stderr, and the `--json` shape.
 */
import { basename, extname } from 'node:path'
import type { DocumentEvaluation, EvalReport, OverallCounts } from './run.js'
import { describeFigures, figureColumns, figureRates } from './figures.js'
import { describeSections, sectionColumns, sectionRates } from './sections.js'
import { describeMetadata, metadataAccuracy, metadataColumns } from './metadata.js'
import { describeLabels, labelAccuracy, labelColumns } from './labels.js'
import { describeRecord, recordAccuracy, recordColumns } from './record.js'
import { describeFindings, findingColumns, findingRates } from './findings.js'
import { group, renderTable, type Column } from './table.js'
import { counted } from '../counted.js'

/** A table row: a document's counts or the overall sums. */
interface Row {
  name: string
  counts: Pick<OverallCounts, 'figures' | 'sections' | 'metadata' | 'labels' | 'record' | 'findings'>
}

const groups = [
  group('figures', figureColumns, (r: Row) => r.counts.figures),
  group('sections', sectionColumns, (r: Row) => r.counts.sections),
  group('metadata', metadataColumns, (r: Row) => r.counts.metadata),
  group('labels', labelColumns, (r: Row) => r.counts.labels),
  group('record', recordColumns, (r: Row) => r.counts.record),
  group('findings', findingColumns, (r: Row) => r.counts.findings),
]
const docColumn: Column<Row> = { header: 'doc', cell: (r) => r.name }

const docName = (d: DocumentEvaluation) => basename(d.file, extname(d.file)) + (d.error !== undefined ? ' (failed)' : '')

export function formatTable(report: EvalReport): string {
  const rows: Row[] = report.documents.map((d) => ({ name: docName(d), counts: d }))
  const n = report.overall.documents
  const overall: Row = { name: `overall (${counted(n, 'doc')})`, counts: report.overall }
  return renderTable(docColumn, groups, rows, [overall])
}

/** Per document: every miss, false positive and mismatch, one per line (line:col text kind; findings by rule and evidence). */
export function formatVerbose(report: EvalReport): string {
  const out: string[] = []
  for (const d of report.documents) {
    out.push('', `== ${d.file}  (gold ${d.goldPath})`)
    if (d.error !== undefined) out.push(`analysis failed: ${d.error}`)
    for (const w of d.warnings) out.push(`warning: ${w}`)
    out.push(...describeFigures(d.figures), ...describeSections(d.sections), ...describeMetadata(d.metadata), ...describeLabels(d.labels), ...describeRecord(d.record), ...describeFindings(d.findings))
  }
  return out.join('\n') + '\n'
}

/** Lines for stderr: what was not evaluated and what makes a score doubtful. */
export function formatNotes(report: EvalReport): string {
  const out: string[] = []
  for (const s of report.skipped) out.push(`skipped ${s.goldPath}: ${s.reason} (${s.file})`)
  for (const d of report.documents) {
    if (d.error !== undefined) out.push(`${d.file}: analysis failed: ${d.error}`)
    for (const w of d.warnings) out.push(`${d.file}: ${w}`)
  }
  return out.length ? out.map((l) => `cnreport eval: ${l}`).join('\n') + '\n' : ''
}

/** The `--json` object: the whole report, with the rates beside the overall counts. */
export function toJson(report: EvalReport): unknown {
  const { figures, sections, metadata, labels, record, findings, documents } = report.overall
  return {
    goldDir: report.goldDir,
    corpusDir: report.corpusDir,
    overall: {
      documents,
      figures: { ...figures, ...figureRates(figures) },
      sections: { ...sections, ...sectionRates(sections) },
      metadata: { ...metadata, accuracy: metadataAccuracy(metadata) },
      labels: { ...labels, accuracy: labelAccuracy(labels) },
      record: { ...record, accuracy: recordAccuracy(record) },
      findings: { ...findings, ...findingRates(findings) },
    },
    documents: report.documents,
    skipped: report.skipped,
  }
}
