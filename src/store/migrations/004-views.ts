/**
 * Migration 4: read-only views for dashboards and `cnreport export` — a stable contract
 * documented in docs/schema.md (column names, meaning, units, exact CSV headers).
 *
 * - report_summary: one row per document; its canonical record pivoted to one column per field.
 * - finding_evidence: one row per finding, with its document, review status and primary evidence.
 * - finding_evidence_items: one row per evidence item of a finding (json_each over findings.evidence).
 * - figure_facts: one row per figure, with its document's department, year and region.
 *
 * The record columns are written out from a FROZEN copy of the field list, not from
 * FIELD_IDS: a shipped migration must produce the same view forever, or two databases at
 * the same user_version would disagree about report_summary's columns. Adding a field to
 * FIELD_IDS therefore needs a new migration that drops and recreates report_summary
 * (test/store/views.test.ts fails until it exists).
 *
 * Only SQL that SQLite 3.37 understands (the first with STRICT tables, so the oldest that can
 * open this database at all): dashboards often query it with an older SQLite than ours —
 * no aggregate FILTER/ORDER BY clauses, no ->> operator.
 */

/** The record fields of report_summary as of this migration, in column order. */
export const SUMMARY_FIELDS_V4 = [
  'budget.initial',
  'budget.adjustment',
  'budget.total',
  'budget.executed',
  'budget.execution_rate',
  'income.total',
  'income.fiscal',
  'income.other',
  'expenditure.total',
  'expenditure.basic',
  'expenditure.personnel',
  'expenditure.public',
  'expenditure.project',
  'carryover.prior',
  'carryover.year_end',
  'three_public.budget',
  'three_public.actual',
  'three_public.control_rate',
  'three_public.prior_year',
  'three_public.change_rate',
  'public_funds.budget',
  'public_funds.actual',
  'public_funds.control_rate',
  'staffing.authorized',
  'staffing.actual',
  'staffing.retired',
  'staffing.control_rate',
  'assets.original_value',
  'assets.depreciation',
  'assets.net_value',
  'projects.count',
  'projects.budget',
  'projects.executed',
  'projects.execution_rate',
] as const

/** budget.execution_rate → budget_execution_rate: a plain SQL identifier, no quoting needed. */
export function fieldColumn(field: string): string {
  return field.replace(/\./g, '_')
}

// The primary statement of a field is its seq-0 row: a primary-key lookup per column.
const fieldColumns = SUMMARY_FIELDS_V4.map(
  (f) => `  (SELECT value FROM record_fields rf WHERE rf.document_id = d.id AND rf.field = '${f}' AND rf.seq = 0) AS ${fieldColumn(f)},`,
).join('\n')

/** Findings of document d joined with their review; `cond` narrows them. */
const countFindings = (cond: string) =>
  `(SELECT count(*) FROM findings f LEFT JOIN reviews r ON r.fingerprint = f.fingerprint WHERE f.document_id = d.id AND ${cond})`

/** The document an evidence item `e` of finding `f` is in: its own documentId, else the finding's. */
const itemDocument = `coalesce(json_extract(e.value, '$.documentId'), f.document_id)`

export const sql = /* sql */ `
-- Correlated subqueries rather than joins to grouped subqueries: a dashboard that filters
-- report_summary by department or year then touches only the rows it shows.
CREATE VIEW report_summary AS
SELECT
  d.id,
  d.path,
  d.format,
  d.title,
  d.department,
  d.province,
  d.city,
  d.county,
  d.region_code,
  d.fiscal_year,
  d.kind,
  d.self_score,
  (SELECT count(*) FROM sections s WHERE s.document_id = d.id) AS section_count,
  (SELECT count(*) FROM tables t WHERE t.document_id = d.id) AS table_count,
  (SELECT count(*) FROM figures g WHERE g.document_id = d.id) AS figure_count,
${fieldColumns}
  ${countFindings(`f.severity = 'error' AND r.status IS NOT 'dismissed'`)} AS errors,
  ${countFindings(`f.severity = 'warning' AND r.status IS NOT 'dismissed'`)} AS warnings,
  ${countFindings(`f.severity = 'info' AND r.status IS NOT 'dismissed'`)} AS infos,
  ${countFindings('r.status IS NULL')} AS open_findings,
  ${countFindings(`r.status = 'confirmed'`)} AS confirmed_findings,
  ${countFindings(`r.status = 'dismissed'`)} AS dismissed_findings
FROM documents d;

-- status is spelled out ('open' for a finding nobody reviewed) so a dashboard can group by it.
CREATE VIEW finding_evidence AS
SELECT
  f.document_id,
  d.path,
  d.department,
  d.fiscal_year,
  f.seq,
  f.rule_id,
  f.severity,
  f.message,
  f.stated,
  f.computed_lo,
  f.computed_hi,
  f.fingerprint,
  coalesce(r.status, 'open') AS status,
  r.note        AS review_note,
  r.reviewed_at,
  r.reviewer,
  json_extract(f.evidence, '$[0].line')  AS line,
  json_extract(f.evidence, '$[0].start') AS start,
  json_extract(f.evidence, '$[0].end')   AS "end",
  json_extract(f.evidence, '$[0].text')  AS evidence_text,
  json_array_length(f.evidence)          AS evidence_count
FROM findings f
JOIN documents d ON d.id = f.document_id
LEFT JOIN reviews r ON r.fingerprint = f.fingerprint;

-- item 0 is the primary place, always in the finding's own document; a cross-document finding
-- (prior-year-mismatch, peer-outlier …) points into other documents with evidence.documentId.
-- figure_id is NULL unless it names a stored figure of that document: some rules point at
-- places that are not figures (an empty table cell).
CREATE VIEW finding_evidence_items AS
SELECT
  f.document_id,
  d.path,
  f.seq,
  f.fingerprint,
  f.rule_id,
  f.severity,
  coalesce(r.status, 'open')          AS status,
  CAST(e.key AS INTEGER)              AS item,
  ${itemDocument} AS item_document_id,
  (SELECT o.path FROM documents o WHERE o.id = ${itemDocument}) AS item_path,
  json_extract(e.value, '$.role')     AS role,
  json_extract(e.value, '$.text')     AS text,
  json_extract(e.value, '$.line')     AS line,
  json_extract(e.value, '$.start')    AS start,
  json_extract(e.value, '$.end')      AS "end",
  (SELECT g.id FROM figures g WHERE g.document_id = ${itemDocument} AND g.id = json_extract(e.value, '$.figureId')) AS figure_id
FROM findings f
JOIN documents d ON d.id = f.document_id
LEFT JOIN reviews r ON r.fingerprint = f.fingerprint,
json_each(f.evidence) e;

-- record_fields: the canonical fields this figure is the primary statement of, comma-separated
-- (usually none or one). seq = 0 rather than is_primary = 1 (the same rows) so the lookup is
-- covered by the index record_fields_figure; the inner ORDER BY keeps the list in field order.
CREATE VIEW figure_facts AS
SELECT
  g.document_id,
  d.path,
  d.department,
  d.fiscal_year,
  d.province,
  d.city,
  d.county,
  d.region_code,
  g.id          AS figure_id,
  g.kind,
  g.raw,
  g.value,
  g.decimals,
  g.unit,
  g.yuan,
  g.approx,
  g.comparator,
  g.label,
  g.line,
  g.start,
  g."end",
  g.page,
  g.section_id,
  s.title       AS section_title,
  g.table_id,
  g.row,
  g.col,
  g.unit_inferred,
  g.malformed,
  (SELECT group_concat(field, ',') FROM (
     SELECT rf.field FROM record_fields rf
     WHERE rf.document_id = g.document_id AND rf.figure_id = g.id AND rf.seq = 0
     ORDER BY rf.field)) AS record_fields
FROM figures g
JOIN documents d ON d.id = g.document_id
LEFT JOIN sections s ON s.document_id = g.document_id AND s.id = g.section_id;
`
