/**
 * ExtractResult → plain row objects, one function per table. Kept apart from the SQL so
 * the mapping (booleans → 0/1, optional → NULL, computed tuples → lo/hi, alternatives →
 * extra record rows) is in one readable place; better-sqlite3 binds neither booleans nor
 * undefined.
 */
import type { ExtractResult } from '../contract.js'

type Row = Record<string, string | number | null>

const bit = (b: boolean | undefined): number => (b ? 1 : 0)
const orNull = <T>(v: T | undefined | null): T | null => (v === undefined ? null : v)

export function documentRow(r: ExtractResult, ingestedAt: string, toolVersion: string): Row {
  const d = r.document
  return {
    id: d.id,
    path: d.path,
    format: d.format,
    title: d.title,
    department: d.department,
    province: d.region?.province ?? null,
    city: d.region?.city ?? null,
    county: d.region?.county ?? null,
    region_code: d.region?.code ?? null,
    fiscal_year: d.fiscalYear,
    kind: d.kind,
    self_score: d.selfScore,
    text: r.text,
    char_count: r.text.length,
    line_count: r.text.split('\n').length, // as LineIndex counts: an empty text has one line
    ingested_at: ingestedAt,
    tool_version: toolVersion,
  }
}

export function pageRows(r: ExtractResult): Row[] {
  return (r.pages ?? []).map((p) => ({ number: p.number, start: p.start, end: p.end }))
}

export function sectionRows(r: ExtractResult): Row[] {
  return r.sections.map((s) => ({
    id: s.id,
    parent_id: s.parentId,
    level: s.level,
    number: s.number,
    title: s.title,
    line: s.line,
    start: s.start,
    end: s.end,
    heading_start: s.heading?.start ?? null,
    heading_end: s.heading?.end ?? null,
  }))
}

export function tableRows(r: ExtractResult): Row[] {
  return (r.tables ?? []).map((t) => ({
    id: t.id,
    unit: orNull(t.unit),
    start: orNull(t.start),
    end: orNull(t.end),
    row_count: t.rows.length,
  }))
}

export function cellRows(r: ExtractResult): Row[] {
  const rows: Row[] = []
  for (const t of r.tables ?? [])
    for (const [row, cells] of t.rows.entries())
      for (const [col, c] of cells.entries())
        rows.push({
          table_id: t.id,
          row,
          col,
          text: c.text,
          start: c.start,
          end: c.end,
          row_span: c.rowSpan ?? 1,
          col_span: c.colSpan ?? 1,
        })
  return rows
}

export function figureRows(r: ExtractResult): Row[] {
  return r.figures.map((f) => ({
    id: f.id,
    kind: f.kind,
    raw: f.raw,
    value: f.value,
    decimals: f.decimals,
    unit: f.unit,
    yuan: orNull(f.yuan),
    approx: bit(f.approx),
    comparator: orNull(f.comparator),
    label: f.label,
    line: f.line,
    start: f.start,
    end: f.end,
    section_id: f.sectionId,
    page: orNull(f.page),
    table_id: f.cell?.tableId ?? null,
    row: f.cell?.row ?? null,
    col: f.cell?.col ?? null,
    unit_inferred: bit(f.unitInferred),
    malformed: bit(f.malformed),
  }))
}

export function diagnosticRows(r: ExtractResult): Row[] {
  return r.diagnostics.map((d, seq) => ({
    seq,
    level: d.level,
    code: orNull(d.code),
    message: d.message,
    start: d.span?.start ?? null,
    end: d.span?.end ?? null,
  }))
}

/** The primary statement of each field (seq 0) and its alternatives (seq 1, 2, …). */
export function recordRows(r: ExtractResult): Row[] {
  const rows: Row[] = []
  for (const [field, rf] of Object.entries(r.record)) {
    if (!rf) continue
    rows.push({ field, seq: 0, is_primary: 1, value: rf.value, unit: rf.unit, figure_id: rf.figureId, line: rf.line })
    for (const [i, alt] of (rf.alternatives ?? []).entries())
      rows.push({ field, seq: i + 1, is_primary: 0, value: alt.value, unit: rf.unit, figure_id: alt.figureId, line: alt.line })
  }
  return rows
}

export function findingRows(r: ExtractResult): Row[] {
  return r.findings.map((f, seq) => {
    const [lo, hi] = f.computed === undefined ? [null, null] : typeof f.computed === 'number' ? [f.computed, f.computed] : f.computed
    return {
      seq,
      fingerprint: f.fingerprint,
      rule_id: f.ruleId,
      severity: f.severity,
      message: f.message,
      stated: orNull(f.stated),
      computed_lo: lo,
      computed_hi: hi,
      evidence: JSON.stringify(f.evidence),
    }
  })
}

/** Indicator rows; a target or actual becomes text, figure and span columns. */
export function indicatorRows(r: ExtractResult): Row[] {
  return (r.indicators ?? []).map((i) => ({
    id: i.id,
    table_id: orNull(i.tableId),
    row: orNull(i.row),
    section_id: i.sectionId ?? null,
    level1: i.level1,
    level2: i.level2,
    level3: i.level3,
    target_text: i.target?.text ?? null,
    target_figure_id: i.target?.figureId ?? null,
    target_start: i.target?.start ?? null,
    target_end: i.target?.end ?? null,
    actual_text: i.actual?.text ?? null,
    actual_figure_id: i.actual?.figureId ?? null,
    actual_start: i.actual?.start ?? null,
    actual_end: i.actual?.end ?? null,
    weight: orNull(i.weight),
    score: orNull(i.score),
    reason: orNull(i.reason),
    line: i.line,
    start: i.start,
    end: i.end,
  }))
}

/** Score rows; `path` as a JSON array so SQL can query it with json_each. */
export function scoreRows(r: ExtractResult): Row[] {
  return (r.scores ?? []).map((s) => ({
    id: s.id,
    table_id: s.tableId,
    row: s.row,
    indicator: s.indicator,
    level: s.level,
    path: JSON.stringify(s.path),
    weight: s.weight,
    score: s.score,
    weight_figure_id: orNull(s.weightFigureId),
    score_figure_id: orNull(s.scoreFigureId),
    line: s.line,
    start: s.start,
    end: s.end,
  }))
}

export function scoreTotalRows(r: ExtractResult): Row[] {
  return (r.scoreTotals ?? []).map((t, seq) => ({
    seq,
    table_id: t.tableId,
    stated: t.stated?.value ?? null,
    stated_figure_id: t.stated?.figureId ?? null,
    stated_line: t.stated?.line ?? null,
    stated_start: t.stated?.start ?? null,
    stated_end: t.stated?.end ?? null,
    stated_weight: orNull(t.statedWeight),
    sum_of_scores: t.sumOfScores,
    sum_of_weights: t.sumOfWeights,
    row_count: t.rows,
  }))
}
