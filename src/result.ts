/**
 * Pipeline problems travel beside values, as mammoth's `Result{value, messages}` does:
 * a skipped element or an unreadable page is a Diagnostic, never a Finding (findings are
 * statements about the report) and never a silent loss.
 */
import type { Span } from './document.js'

export interface Diagnostic {
  level: 'warning' | 'info'
  /** Stable machine-readable code, e.g. `txt-decoded-gb18030`, `number-malformed`. */
  code?: string
  /** One line, human-readable; Chinese is fine. */
  message: string
  span?: Span
}

export interface Result<T> {
  value: T
  diagnostics: Diagnostic[]
}

export function result<T>(value: T, diagnostics: Diagnostic[] = []): Result<T> {
  return { value, diagnostics }
}

/**
 * An input cnreport cannot read at all (empty, binary, wrong format, corrupt).
 * The message names the file, so a batch can record it and carry on.
 */
export class InputError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
    readonly code: string,
  ) {
    super(`${path}: ${reason}`)
    this.name = 'InputError'
  }
}
