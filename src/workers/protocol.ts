/**
 * What the ingest pool and its workers exchange. Kept apart from the worker entry so the
 * main thread can name these without importing the analysis modules it never runs.
 */
import type { ValidationConfig } from '../validate/config.js'

/** One file for a worker. */
export interface AnalyzeTask {
  /** Pool-wide task number: the worker announces it when it starts (the timeout clock). */
  id: number
  bytes: Uint8Array
  path: string
  /** Rule configuration. @default DEFAULT_CONFIG */
  validation?: ValidationConfig
}

/** Key of the message a worker posts when it starts a task: `{ [STARTED]: task.id }`. */
export const STARTED = 'cnreport:task-started'
