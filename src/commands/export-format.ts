/**
 * How `cnreport export` writes a row: CSV per RFC 4180 (CRLF line ends, a header row, fields
 * with a comma, quote or line break quoted) or JSON Lines (one object per line, keys in column
 * order). Both are UTF-8; Excel needs a BOM to read CSV as UTF-8, hence --bom.
 */
import { csvField } from './findings-format.js'

export const EXPORT_FORMATS = ['csv', 'jsonl'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

/** U+FEFF, the byte order mark Excel looks for to decode CSV as UTF-8. */
export const BOM = '\uFEFF'

/** Turns rows of one view into text, a line per row; the CSV header comes first. */
export interface RowEncoder {
  /** What precedes the first row: the header (and BOM) for CSV, nothing for JSONL. */
  head(): string
  row(values: readonly unknown[]): string
}

export function rowEncoder(format: ExportFormat, columns: readonly string[], options: { bom?: boolean } = {}): RowEncoder {
  if (format === 'csv')
    return {
      head: () => (options.bom ? BOM : '') + csvLine(columns),
      row: (values) => csvLine(values),
    }
  return {
    head: () => '',
    row: (values) => {
      const object: Record<string, unknown> = {}
      columns.forEach((c, i) => (object[c] = values[i] ?? null))
      return JSON.stringify(object) + '\n'
    },
  }
}

/** One CSV record with its CRLF; NULL is an empty field, numbers print as JavaScript does. */
export function csvLine(values: readonly unknown[]): string {
  return values.map((v) => csvField(cell(v))).join(',') + '\r\n'
}

function cell(v: unknown): string | number | null {
  if (v === null || v === undefined) return null
  if (typeof v === 'number' || typeof v === 'string') return v
  // The views hold no BLOBs or BigInts today; print anything else readably rather than throw.
  return typeof v === 'bigint' ? v.toString() : JSON.stringify(v)
}
