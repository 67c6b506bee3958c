/**
 * One document through the pure stages: bytes → SourceDocument → sections → figures →
 * (record, findings) → ExtractResult. Only the CLI and the store touch the outside world;
 * this module reads a file only in `analyzeFile`, for convenience.
 */
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import type { ExtractResult } from './contract.js'
import { LineIndex, type SourceDocument } from './document.js'
import { readSource } from './extract/read-source.js'
import { findSections } from './extract/sections.js'
import { findFigures } from './extract/figures.js'
import { describeDocument } from './normalize/metadata.js'
import { buildRecord } from './normalize/record.js'
import { CellIndex } from './extract/cell-context.js'
import { findIndicators } from './normalize/indicators.js'
import { findScores } from './normalize/score-table.js'

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/** Runs every stage on an already-read source. */
export function analyzeSource(source: SourceDocument): ExtractResult {
  const lines = new LineIndex(source.text)
  const sections = findSections(source, lines)
  const figures = findFigures(source, lines, sections)
  // Indicator and score rows are always present, [] when the report has no such table.
  const tableInput = { text: source.text, tables: source.tables, figures: figures.value, lines, sections, cellIndex: new CellIndex(source.tables) }
  const scores = findScores(tableInput)
  const document = describeDocument(source, lines, sections)
  return {
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
    findings: [],
    diagnostics: [...source.diagnostics, ...figures.diagnostics, ...document.diagnostics],
  }
}

/** @throws InputError when the bytes are not a readable report (empty, binary, corrupt). */
export async function analyzeBytes(bytes: Uint8Array, path: string): Promise<ExtractResult> {
  const source = await readSource(bytes, path, sha256(bytes))
  return analyzeSource(source)
}

export async function analyzeFile(path: string): Promise<ExtractResult> {
  return analyzeBytes(await readFile(path), path)
}
