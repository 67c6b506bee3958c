/**
 * ExtractResult → rows, one spec per table. Kept apart from the SQL so the mapping
 * (booleans → 0/1, optional → NULL, computed tuples → lo/hi, alternatives → extra record
 * rows) is in one readable place; better-sqlite3 binds neither booleans nor undefined.
 *
 * Rows are arrays in the order of the spec's `columns`, bound positionally: binding named
 * parameters from objects costs better-sqlite3 a property lookup per column, about 1 µs of a
 * row's 2–3 µs outside SQLite, and a bulk ingest writes ≈ 450 rows per document on the
 * single writer thread. Each row literal lists its values in the order of `columns` above it.
 */
import type { ExtractResult, Finding } from '../contract.js'

/** A value better-sqlite3 binds. */
export type Value = string | number | null

/** How one table's rows come out of a result. */
export interface TableRows {
  /** The table written. */
  table: string
  /** Its columns, in the order of each row's values; document_id first. */
  columns: readonly string[]
  /** The rows of document `id`, each one value per column. */
  rows(r: ExtractResult, id: string): Value[][]
}

/** The INSERT of one row of `table`, its `columns` bound by position (the order of a row's values). */
export function insertSql(table: string, columns: readonly string[]): string {
  return `INSERT INTO ${table} (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`
}

const bit = (b: boolean | undefined): number => (b ? 1 : 0)
const orNull = <T>(v: T | undefined | null): T | null => (v === undefined ? null : v)

/** Columns of the documents row, in the order of documentRow's values. */
export const DOCUMENT_COLUMNS = [
  'id', 'path', 'format', 'title', 'department',
  'province', 'city', 'county', 'region_code',
  'fiscal_year', 'kind', 'self_score',
  'text', 'char_count', 'line_count',
  'ingested_at', 'tool_version',
] as const

export function documentRow(r: ExtractResult, ingestedAt: string, toolVersion: string): Value[] {
  const d = r.document
  return [
    d.id, d.path, d.format, d.title, d.department,
    d.region?.province ?? null, d.region?.city ?? null, d.region?.county ?? null, d.region?.code ?? null,
    d.fiscalYear, d.kind, d.selfScore,
    r.text, r.text.length, lineCount(r.text),
    ingestedAt, toolVersion,
  ]
}

/** Lines as LineIndex counts them (an empty text has one), without splitting a copy of the text. */
function lineCount(text: string): number {
  let n = 1
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++
  return n
}

export const pages: TableRows = {
  table: 'pages',
  columns: ['document_id', 'number', 'start', 'end'],
  rows: (r, id) => (r.pages ?? []).map((p) => [id, p.number, p.start, p.end]),
}

export const sections: TableRows = {
  table: 'sections',
  columns: ['document_id', 'id', 'parent_id', 'level', 'number', 'title', 'line', 'start', 'end', 'heading_start', 'heading_end'],
  rows: (r, id) =>
    r.sections.map((s) => [id, s.id, s.parentId, s.level, s.number, s.title, s.line, s.start, s.end, s.heading?.start ?? null, s.heading?.end ?? null]),
}

export const tables: TableRows = {
  table: 'tables',
  columns: ['document_id', 'id', 'unit', 'start', 'end', 'row_count'],
  rows: (r, id) => (r.tables ?? []).map((t) => [id, t.id, orNull(t.unit), orNull(t.start), orNull(t.end), t.rows.length]),
}

export const cells: TableRows = {
  table: 'table_cells',
  columns: ['document_id', 'table_id', 'row', 'col', 'text', 'start', 'end', 'row_span', 'col_span'],
  rows: (r, id) => {
    const rows: Value[][] = []
    for (const t of r.tables ?? [])
      for (let row = 0; row < t.rows.length; row++) {
        const cells = t.rows[row] ?? []
        for (let col = 0; col < cells.length; col++) {
          const c = cells[col]!
          rows.push([id, t.id, row, col, c.text, c.start, c.end, c.rowSpan ?? 1, c.colSpan ?? 1])
        }
      }
    return rows
  },
}

export const figures: TableRows = {
  table: 'figures',
  columns: [
    'document_id', 'id', 'kind', 'raw', 'value', 'decimals', 'unit', 'yuan',
    'approx', 'comparator', 'label', 'line', 'start', 'end',
    'section_id', 'page', 'table_id', 'row', 'col',
    'unit_inferred', 'malformed',
  ],
  rows: (r, id) =>
    r.figures.map((f) => [
      id, f.id, f.kind, f.raw, f.value, f.decimals, f.unit, orNull(f.yuan),
      bit(f.approx), orNull(f.comparator), f.label, f.line, f.start, f.end,
      f.sectionId, orNull(f.page), f.cell?.tableId ?? null, f.cell?.row ?? null, f.cell?.col ?? null,
      bit(f.unitInferred), bit(f.malformed),
    ]),
}

export const diagnostics: TableRows = {
  table: 'diagnostics',
  columns: ['document_id', 'seq', 'level', 'code', 'message', 'start', 'end'],
  rows: (r, id) => r.diagnostics.map((d, seq) => [id, seq, d.level, orNull(d.code), d.message, d.span?.start ?? null, d.span?.end ?? null]),
}

/** The primary statement of each field (seq 0) and its alternatives (seq 1, 2, …). */
export const recordFields: TableRows = {
  table: 'record_fields',
  columns: ['document_id', 'field', 'seq', 'is_primary', 'value', 'unit', 'figure_id', 'line'],
  rows: (r, id) => {
    const rows: Value[][] = []
    for (const [field, rf] of Object.entries(r.record)) {
      if (!rf) continue
      rows.push([id, field, 0, 1, rf.value, rf.unit, rf.figureId, rf.line])
      const alternatives = rf.alternatives ?? []
      for (let i = 0; i < alternatives.length; i++) {
        const alt = alternatives[i]!
        rows.push([id, field, i + 1, 0, alt.value, rf.unit, alt.figureId, alt.line])
      }
    }
    return rows
  },
}

export const findings: TableRows = {
  table: 'findings',
  columns: ['document_id', 'seq', 'fingerprint', 'rule_id', 'severity', 'message', 'stated', 'computed_lo', 'computed_hi', 'evidence'],
  rows: (r, id) => r.findings.map((f, seq) => findingRow(id, seq, f)),
}

/** One findings row, in the order of findings.columns; the cross-document checks write them too. */
export function findingRow(documentId: string, seq: number, f: Finding): Value[] {
  const [lo, hi] = f.computed === undefined ? [null, null] : typeof f.computed === 'number' ? [f.computed, f.computed] : f.computed
  return [documentId, seq, f.fingerprint, f.ruleId, f.severity, f.message, orNull(f.stated), lo, hi, JSON.stringify(f.evidence)]
}

/** Indicator rows; a target or actual becomes text, figure and span columns. */
export const indicators: TableRows = {
  table: 'indicators',
  columns: [
    'document_id', 'id', 'table_id', 'row', 'section_id', 'level1', 'level2', 'level3',
    'target_text', 'target_figure_id', 'target_start', 'target_end',
    'actual_text', 'actual_figure_id', 'actual_start', 'actual_end',
    'weight', 'score', 'reason', 'line', 'start', 'end',
  ],
  rows: (r, id) =>
    (r.indicators ?? []).map((i) => [
      id, i.id, orNull(i.tableId), orNull(i.row), i.sectionId ?? null, i.level1, i.level2, i.level3,
      i.target?.text ?? null, i.target?.figureId ?? null, i.target?.start ?? null, i.target?.end ?? null,
      i.actual?.text ?? null, i.actual?.figureId ?? null, i.actual?.start ?? null, i.actual?.end ?? null,
      orNull(i.weight), orNull(i.score), orNull(i.reason), i.line, i.start, i.end,
    ]),
}

/** Score rows; `path` as a JSON array so SQL can query it with json_each. */
export const scores: TableRows = {
  table: 'scores',
  columns: [
    'document_id', 'id', 'table_id', 'row', 'indicator', 'level', 'path',
    'weight', 'score', 'weight_figure_id', 'score_figure_id', 'line', 'start', 'end',
  ],
  rows: (r, id) =>
    (r.scores ?? []).map((s) => [
      id, s.id, s.tableId, s.row, s.indicator, s.level, JSON.stringify(s.path),
      s.weight, s.score, orNull(s.weightFigureId), orNull(s.scoreFigureId), s.line, s.start, s.end,
    ]),
}

export const scoreTotals: TableRows = {
  table: 'score_totals',
  columns: [
    'document_id', 'seq', 'table_id',
    'stated', 'stated_figure_id', 'stated_line', 'stated_start', 'stated_end', 'stated_weight',
    'sum_of_scores', 'sum_of_weights', 'row_count',
  ],
  rows: (r, id) =>
    (r.scoreTotals ?? []).map((t, seq) => [
      id, seq, t.tableId,
      t.stated?.value ?? null, t.stated?.figureId ?? null, t.stated?.line ?? null, t.stated?.start ?? null, t.stated?.end ?? null, orNull(t.statedWeight),
      t.sumOfScores, t.sumOfWeights, t.rows,
    ]),
}

/** Every child table of a document, parents before children (deferred keys allow any order). */
export const CHILD_ROWS: readonly TableRows[] = [pages, sections, tables, cells, figures, diagnostics, recordFields, findings, indicators, scores, scoreTotals]
