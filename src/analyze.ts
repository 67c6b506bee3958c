/**
 * One document through the pure stages: bytes → SourceDocument → sections → figures →
 * (record, findings) → ExtractResult. Only the CLI and the store touch the outside world;
 * this module reads a file only in `analyzeFile`, for convenience.
 */
import { readFile } from 'node:fs/promises'
import { sha256 } from './hash.js'
import type { ExtractResult } from './contract.js'
import { LineIndex, type SourceDocument } from './document.js'
import { readSource } from './extract/read-source.js'
import { findSections } from './extract/sections.js'
import { findFigures } from './extract/figures.js'
import { describeDocument } from './normalize/metadata.js'
import { buildRecord } from './normalize/record.js'
import type { ValidationConfig } from './validate/config.js'
import type { ValidationInput } from './validate/rule.js'
import { validate } from './validate/run.js'
import { CellIndex } from './extract/cell-context.js'
import { findIndicators } from './normalize/indicators.js'
import { findScores } from './normalize/score-table.js'

export { sha256 }

export interface AnalyzeOptions {
  /** Which consistency rules run and how loud they are. @default DEFAULT_CONFIG (profile default) */
  validation?: ValidationConfig
}

/** Runs every stage on an already-read source. */
export function analyzeSource(source: SourceDocument, options: AnalyzeOptions = {}): ExtractResult {
  const lines = new LineIndex(source.text)
  const sections = findSections(source, lines)
  const figures = findFigures(source, lines, sections)
  // Indicator and score rows are always present, [] when the report has no such table.
  const tableInput = { text: source.text, tables: source.tables, figures: figures.value, lines, sections, cellIndex: new CellIndex(source.tables) }
  const scores = findScores(tableInput)
  const document = describeDocument(source, lines, sections)
  const extracted: ValidationInput = {
    document: document.value,
    text: source.text,
    ...(source.pages ? { pages: source.pages } : {}),
    sections,
    tables: source.tables.map(({ id, rows, unit, start, end }) => ({ id, rows, start, end, ...(unit ? { unit } : {}) })),
    figures: figures.value,
    indicators: findIndicators(tableInput),
    scores: scores.scores,
    scoreTotals: scores.totals,
    record: buildRecord(figures.value, sections, source.text),
    diagnostics: [...source.diagnostics, ...figures.diagnostics, ...document.diagnostics],
  }
  const checked = validate(extracted, lines, options.validation)
  return { ...extracted, findings: checked.findings, diagnostics: [...extracted.diagnostics, ...checked.diagnostics] }
}

/** @throws InputError when the bytes are not a readable report (empty, binary, corrupt). */
export async function analyzeBytes(bytes: Uint8Array, path: string, options: AnalyzeOptions = {}): Promise<ExtractResult> {
  const source = await readSource(bytes, path, sha256(bytes))
  return analyzeSource(source, options)
}

export async function analyzeFile(path: string, options: AnalyzeOptions = {}): Promise<ExtractResult> {
  return analyzeBytes(await readFile(path), path, options)
}
