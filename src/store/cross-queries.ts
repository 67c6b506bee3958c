/**
 * The SQL behind the cross-document rules (src/validate/cross/): document facts of the whole
 * store (small rows, no text), then only the record fields and figures the rules need, for
 * only the documents in play — so checking 10,000 stored reports reads a few columns of a few
 * tables, never a document's text. Sets of ids go in as one JSON array bound to `json_each`,
 * which keeps statements prepared once and avoids SQLite's limit on bound parameters.
 *
 * Cross-document findings are stored in the existing `findings` table under the document they
 * are about, after that document's own findings (seq beyond its largest), so `cnreport
 * findings` and `cnreport review` treat them like any other finding.
 */
import type { Finding } from '../contract.js'
import type { Db } from './db.js'
import { prepared } from './prepared.js'
import { findingRow, findings as findingTable, insertSql } from './rows.js'

/** What the cross rules know of a stored document: its facts, not its text. */
export interface StoredDocument {
  /** sha256 of the file bytes. */
  id: string
  path: string
  format: 'txt' | 'docx' | 'pdf'
  title: string | null
  department: string | null
  province: string | null
  city: string | null
  county: string | null
  /** 6-digit division code of the most specific level resolved. */
  regionCode: string | null
  fiscalYear: number | null
  kind: string | null
}

/** A stored figure, with what interval arithmetic and evidence need. */
export interface StoredFigure {
  id: string
  kind: 'money' | 'percent' | 'count' | 'measure' | 'score'
  raw: string
  value: number
  decimals: number
  unit: string
  approx: boolean
  label: string | null
  line: number
  start: number
  end: number
  unitInferred: boolean
}

/** One statement of a record field (primary or alternative) with its figure. */
export interface StoredStatement {
  documentId: string
  /** FieldId, e.g. three_public.actual. */
  field: string
  primary: boolean
  figure: StoredFigure
}

/** A cross-document finding to store under `documentId`. */
export interface StoredCrossFinding {
  documentId: string
  finding: Finding
}

const FIGURE_COLUMNS = `f.id, f.kind, f.raw, f.value, f.decimals, f.unit, f.approx, f.label, f.line, f.start, f."end", f.unit_inferred`

interface FigureRow {
  id: string
  kind: StoredFigure['kind']
  raw: string
  value: number
  decimals: number
  unit: string
  approx: number
  label: string | null
  line: number
  start: number
  end: number
  unit_inferred: number
}

function toFigure(r: FigureRow): StoredFigure {
  return {
    id: r.id,
    kind: r.kind,
    raw: r.raw,
    value: r.value,
    decimals: r.decimals,
    unit: r.unit,
    approx: r.approx === 1,
    label: r.label,
    line: r.line,
    start: r.start,
    end: r.end,
    unitInferred: r.unit_inferred === 1,
  }
}

/** Every stored document's facts (≈ 100 bytes a row: 10,000 documents read in milliseconds). */
export function storedDocuments(db: Db): StoredDocument[] {
  const rows = prepared(db, 'SELECT id, path, format, title, department, province, city, county, region_code, fiscal_year, kind FROM documents ORDER BY path, id')
    .all() as Array<Omit<StoredDocument, 'regionCode' | 'fiscalYear'> & { region_code: string | null; fiscal_year: number | null }>
  return rows.map(({ region_code, fiscal_year, ...d }) => ({ ...d, regionCode: region_code, fiscalYear: fiscal_year }))
}

/** The documents the given absolute paths point at now (paths of failed files point nowhere). */
export function documentsAtPaths(db: Db, paths: readonly string[]): string[] {
  if (paths.length === 0) return []
  return prepared(db, 'SELECT DISTINCT document_id FROM document_paths WHERE path IN (SELECT value FROM json_each(?))')
    .pluck()
    .all(JSON.stringify(paths)) as string[]
}

/**
 * Documents holding a finding of `ruleIds` whose evidence points into a document no longer
 * stored (replaced by an edited file, say): their findings are stale and must be recomputed.
 */
export function documentsWithStaleEvidence(db: Db, ruleIds: readonly string[]): string[] {
  return prepared(
    db,
    `SELECT DISTINCT f.document_id FROM findings f, json_each(f.evidence) e
       WHERE f.rule_id IN (SELECT value FROM json_each(?))
         AND json_extract(e.value, '$.documentId') IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = json_extract(e.value, '$.documentId'))`,
  )
    .pluck()
    .all(JSON.stringify(ruleIds)) as string[]
}

/**
 * Statements of `fields` in `documentIds` (every document when null), primary first.
 * `primaryOnly` skips the alternatives (what peer statistics want).
 */
export function fieldStatements(db: Db, documentIds: readonly string[] | null, fields: readonly string[], primaryOnly = false): StoredStatement[] {
  const docFilter = documentIds === null ? '' : 'AND r.document_id IN (SELECT value FROM json_each(@docs))'
  const rows = prepared(
    db,
    `SELECT r.document_id, r.field, r.is_primary, ${FIGURE_COLUMNS}
       FROM record_fields r JOIN figures f ON f.document_id = r.document_id AND f.id = r.figure_id
       WHERE r.field IN (SELECT value FROM json_each(@fields)) ${primaryOnly ? 'AND r.is_primary = 1' : ''} ${docFilter}
       ORDER BY r.document_id, r.field, r.seq`,
  ).all({ fields: JSON.stringify(fields), ...(documentIds === null ? {} : { docs: JSON.stringify(documentIds) }) }) as Array<
    FigureRow & { document_id: string; field: string; is_primary: number }
  >
  return rows.map((r) => ({ documentId: r.document_id, field: r.field, primary: r.is_primary === 1, figure: toFigure(r) }))
}

/** A statement of a record field without its figure: the number (元, %, 人, 个) and where to find the figure. */
export interface StoredValue {
  documentId: string
  field: string
  primary: boolean
  value: number
  figureId: string
}

/**
 * Statements of `fields` in `documentIds` (every document when null) from record_fields
 * alone, no join: comparing and counting thousands of documents needs the numbers, and only
 * what turns out to disagree needs its figure (figuresById). Primary statement first.
 */
export function recordValues(db: Db, documentIds: readonly string[] | null, fields: readonly string[], primaryOnly = false): StoredValue[] {
  if (fields.length === 0 || documentIds?.length === 0) return []
  const docFilter = documentIds === null ? '' : 'AND document_id IN (SELECT value FROM json_each(@docs))'
  const rows = prepared(
    db,
    `SELECT document_id, field, is_primary, value, figure_id FROM record_fields
     WHERE field IN (SELECT value FROM json_each(@fields)) ${primaryOnly ? 'AND is_primary = 1' : ''} ${docFilter}
     ORDER BY document_id, field, seq`,
  ).all({ fields: JSON.stringify(fields), ...(documentIds === null ? {} : { docs: JSON.stringify(documentIds) }) }) as Array<{
    document_id: string
    field: string
    is_primary: number
    value: number
    figure_id: string
  }>
  return rows.map((r) => ({ documentId: r.document_id, field: r.field, primary: r.is_primary === 1, value: r.value, figureId: r.figure_id }))
}

/** Figures by (document id, figure id); the result is keyed `documentId + ' ' + figureId`. */
export function figuresById(db: Db, refs: ReadonlyArray<readonly [string, string]>): Map<string, StoredFigure> {
  const out = new Map<string, StoredFigure>()
  if (refs.length === 0) return out
  const rows = prepared(
    db,
    `SELECT f.document_id, ${FIGURE_COLUMNS} FROM json_each(?) j
     JOIN figures f ON f.document_id = json_extract(j.value, '$[0]') AND f.id = json_extract(j.value, '$[1]')`,
  ).all(JSON.stringify(refs)) as Array<FigureRow & { document_id: string }>
  for (const r of rows) out.set(`${r.document_id} ${r.id}`, toFigure(r))
  return out
}

/** Figures of `documentIds` whose label contains one of `words` (上年, 上一年 …), in document order. */
export function figuresLabelled(db: Db, documentIds: readonly string[], words: readonly string[]): Array<{ documentId: string; figure: StoredFigure }> {
  if (documentIds.length === 0 || words.length === 0) return []
  const rows = prepared(
    db,
    `SELECT f.document_id, ${FIGURE_COLUMNS} FROM figures f
       WHERE f.document_id IN (SELECT value FROM json_each(@docs))
         AND (${words.map((_, i) => `instr(f.label, @w${i}) > 0`).join(' OR ')})
       ORDER BY f.document_id, f.start`,
  ).all({ docs: JSON.stringify(documentIds), ...Object.fromEntries(words.map((w, i) => [`w${i}`, w])) }) as Array<FigureRow & { document_id: string }>
  return rows.map((r) => ({ documentId: r.document_id, figure: toFigure(r) }))
}

/** Per document, the amounts it states (money in 元, other figures as value+unit), for telling two renderings of one report from two reports. */
export function figureSignatures(db: Db, documentIds: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>()
  if (documentIds.length === 0) return out
  const rows = prepared(
    db,
    `SELECT document_id, CASE WHEN yuan IS NOT NULL THEN printf('%.2f元', yuan) ELSE printf('%g', value) || unit END AS sig
       FROM figures WHERE document_id IN (SELECT value FROM json_each(?)) AND kind IN ('money', 'percent')`,
  ).all(JSON.stringify(documentIds)) as Array<{ document_id: string; sig: string }>
  for (const r of rows) {
    const list = out.get(r.document_id) ?? []
    list.push(r.sig)
    out.set(r.document_id, list)
  }
  return out
}

/**
 * Which occurrence (0-based, in document order) `figure` is among the figures of its document
 * with the same label, unit and number as written — the `#n` of fingerprint.ts's identities.
 */
export function figureOccurrence(db: Db, documentId: string, figure: Pick<StoredFigure, 'id' | 'label' | 'unit' | 'raw'>): number {
  const rows = prepared(db, 'SELECT id, raw FROM figures WHERE document_id = ? AND label IS ? AND unit = ? ORDER BY start, id')
    .all(documentId, figure.label, figure.unit) as Array<{ id: string; raw: string }>
  const raw = figure.raw.replace(/\s+/g, '')
  let n = 0
  for (const r of rows) {
    if (r.id === figure.id) return n
    if (r.raw.replace(/\s+/g, '') === raw) n++
  }
  return n
}

/** Which stored findings of a rule a check replaces: all of them, or those of some documents. */
export interface CrossReplacement {
  ruleId: string
  scope: 'all' | readonly string[]
}

/**
 * Deletes the findings each replacement names and inserts `findings`, in one transaction: a
 * reader never sees a half-done check.
 */
export function replaceCrossFindings(db: Db, replacements: readonly CrossReplacement[], findings: readonly StoredCrossFinding[]): void {
  const deleteAll = prepared(db, 'DELETE FROM findings WHERE rule_id = ?')
  const deleteSome = prepared(db, 'DELETE FROM findings WHERE rule_id = ? AND document_id IN (SELECT value FROM json_each(?))')
  const nextSeq = prepared(db, 'SELECT coalesce(max(seq), -1) + 1 FROM findings WHERE document_id = ?').pluck()
  const insert = prepared(db, insertSql(findingTable.table, findingTable.columns))
  db.transaction(() => {
    for (const r of replacements) {
      if (r.scope === 'all') deleteAll.run(r.ruleId)
      else if (r.scope.length > 0) deleteSome.run(r.ruleId, JSON.stringify(r.scope))
    }
    const seqs = new Map<string, number>()
    for (const { documentId, finding: f } of findings) {
      const seq = seqs.get(documentId) ?? (nextSeq.get(documentId) as number)
      seqs.set(documentId, seq + 1)
      insert.run(findingRow(documentId, seq, f))
    }
  }).immediate()
}
