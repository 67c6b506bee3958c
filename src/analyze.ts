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

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/** Runs every stage on an already-read source. */
export function analyzeSource(source: SourceDocument): ExtractResult {
  const lines = new LineIndex(source.text)
  const sections = findSections(source, lines)
  const figures = findFigures(source, lines, sections)
  return {
    document: describeDocument(source, lines, sections),
    text: source.text,
    ...(source.pages ? { pages: source.pages } : {}),
    sections,
    tables: source.tables.map(({ id, rows, unit, start, end }) => ({ id, rows, start, end, ...(unit ? { unit } : {}) })),
    figures: figures.value,
    record: {},
    findings: [],
    diagnostics: [...source.diagnostics, ...figures.diagnostics],
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
