/**
 * The three shapes `cnreport findings` prints: an aligned table for a terminal, RFC 4180 CSV
 * for spreadsheets, and JSON with everything (evidence, document, review) for programs.
 */
import { isAbsolute, relative } from 'node:path'
import type { FindingList, ListedFinding } from '../store/finding-query.js'
import { displayWidth, padEnd, truncateEnd, truncateStart } from './text-width.js'
import { counted } from '../counted.js'

export const FORMATS = ['table', 'csv', 'json'] as const
export type Format = (typeof FORMATS)[number]

/** Terminal columns given to the message and document columns of the table. */
const MESSAGE_WIDTH = 60
const DOCUMENT_WIDTH = 32
/** Table shows this much of a fingerprint; `review` accepts any unique prefix. */
export const SHORT_FINGERPRINT = 12

/** "3 dismissed findings hidden; --status all shows them", or null when none were. */
export function hiddenNote(hidden: number): string | null {
  return hidden > 0 ? `${counted(hidden, 'dismissed finding')} hidden; --status all shows them` : null
}

/** A path as short as it can be while still naming the file: relative to `cwd` when inside it. */
export function shortPath(path: string, cwd = process.cwd()): string {
  const rel = relative(cwd, path)
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path
}

export function formatTable(list: FindingList, cwd = process.cwd()): string {
  const out: string[] = []
  if (list.findings.length === 0) out.push('no findings')
  else {
    const header = ['severity', 'status', 'rule', 'document', 'line', 'message', 'fingerprint']
    const rows = list.findings.map((f) => [
      f.severity,
      f.status,
      f.ruleId,
      truncateStart(shortPath(f.document.path, cwd), DOCUMENT_WIDTH),
      String(f.line),
      truncateEnd(f.message.replace(/\s+/g, ' '), MESSAGE_WIDTH),
      f.fingerprint.slice(0, SHORT_FINGERPRINT),
    ])
    const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i]!))))
    const LINE = 4 // right-aligned: numbers line up
    const render = (cells: string[]) =>
      cells
        .map((c, i) => (i === LINE ? ' '.repeat(widths[i]! - displayWidth(c)) + c : i === cells.length - 1 ? c : padEnd(c, widths[i]!)))
        .join('  ')
    out.push(render(header), ...rows.map(render), '', totals(list.findings))
  }
  const note = hiddenNote(list.hiddenDismissed)
  if (note) out.push(note)
  return out.join('\n') + '\n'
}

/** "4 findings in 2 documents: 1 error, 3 warning". */
function totals(findings: readonly ListedFinding[]): string {
  const documents = new Set(findings.map((f) => f.document.id)).size
  const bySeverity = (['error', 'warning', 'info'] as const)
    .map((s) => [s, findings.filter((f) => f.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s}`)
  return `${counted(findings.length, 'finding')} in ${counted(documents, 'document')}: ${bySeverity.join(', ')}`
}

export const CSV_COLUMNS = [
  'severity', 'status', 'rule', 'document', 'document_id', 'department', 'fiscal_year', 'line', 'message',
  'stated', 'computed_lo', 'computed_hi', 'evidence', 'fingerprint', 'review_note', 'reviewed_at', 'reviewer',
] as const

/** RFC 4180: CRLF line ends; a field with a comma, quote or line break is quoted, quotes doubled. */
export function csvField(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value)
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function formatCsv(list: FindingList): string {
  const lines = [CSV_COLUMNS.join(',')]
  for (const f of list.findings) {
    const [lo, hi] = f.computed === undefined ? [null, null] : typeof f.computed === 'number' ? [f.computed, f.computed] : f.computed
    const row: Record<(typeof CSV_COLUMNS)[number], string | number | null | undefined> = {
      severity: f.severity,
      status: f.status,
      rule: f.ruleId,
      document: f.document.path,
      document_id: f.document.id,
      department: f.document.department,
      fiscal_year: f.document.fiscalYear,
      line: f.line,
      message: f.message,
      stated: f.stated,
      computed_lo: lo,
      computed_hi: hi,
      // One cell for all evidence: "line:text" per number involved, primary first.
      evidence: f.evidence.map((e) => `${e.line}:${e.text}`).join(' | '),
      fingerprint: f.fingerprint,
      review_note: f.review?.note,
      reviewed_at: f.review?.reviewedAt,
      reviewer: f.review?.reviewer,
    }
    lines.push(CSV_COLUMNS.map((c) => csvField(row[c])).join(','))
  }
  return lines.join('\r\n') + '\r\n'
}

/** `{database, count, hiddenDismissed, findings: [...]}`: findings in the contract's shape plus status, line, document and review. */
export function formatJson(list: FindingList, database: string): string {
  return JSON.stringify({ database, count: list.findings.length, hiddenDismissed: list.hiddenDismissed, findings: list.findings }) + '\n'
}
