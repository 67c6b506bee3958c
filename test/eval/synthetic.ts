/**
 * Builders for synthetic gold files and ExtractResults, so the metrics are tested on
 * inputs whose right answer is obvious, independent of the real extractors.
 */
import { ExtractResultSchema, type ExtractResult, type Figure, type Section } from '../../src/contract.js'
import { LineIndex } from '../../src/document.js'
import { GoldDocumentSchema, type GoldDocument } from '../../src/eval/gold.js'

/** One of our figures, placed by searching `raw` in the text (the `nth` occurrence, from 0). */
export interface FigureSpec {
  raw: string
  kind: Figure['kind']
  value: number
  yuan?: number
  nth?: number
  /** @default '' (a money figure needs 万元/元 for its interval to be in 元) */
  unit?: string
  /** Printed decimals. @default 0 */
  decimals?: number
  label?: string | null
}

export interface SectionSpec {
  line: number
  level: number
  number?: string
  title?: string
}

/** An ExtractResult over `text`, validated against the contract so tests use only legal results. */
export function makeResult(text: string, figures: FigureSpec[] = [], sections: SectionSpec[] = [], record: ExtractResult['record'] = {}): ExtractResult {
  const lines = new LineIndex(text)
  const built = figures.map((f, i) => {
    let start = -1
    for (let k = 0; k <= (f.nth ?? 0); k++) start = text.indexOf(f.raw, start + 1)
    if (start < 0) throw new Error(`synthetic figure ${f.raw} not in text`)
    return {
      id: `f${i + 1}`,
      kind: f.kind,
      start,
      end: start + f.raw.length,
      raw: f.raw,
      value: f.value,
      decimals: f.decimals ?? 0,
      unit: f.unit ?? '',
      ...(f.yuan !== undefined ? { yuan: f.yuan } : {}),
      approx: false,
      label: f.label ?? null,
      line: lines.lineOf(start),
      sectionId: null,
    }
  })
  const builtSections = sections.map((s, i) => {
    const span = lines.lineSpan(s.line)
    return { id: `s${i + 1}`, level: s.level, number: s.number ?? '', title: s.title ?? `heading ${i + 1}`, line: s.line, parentId: null, ...span }
  })
  return ExtractResultSchema.parse({
    document: { id: '0'.repeat(64), path: 'synthetic.txt', format: 'txt', title: null, department: null, region: null, fiscalYear: null, kind: null, selfScore: null },
    text,
    sections: builtSections satisfies Section[],
    figures: built,
    record,
    findings: [],
    diagnostics: [],
  })
}

/** A gold figure given by line and code-point offset, as the gold files give it. */
export interface GoldFigureSpec {
  text: string
  line: number
  char_offset: number
  kind: string
  value: number
  value_yuan?: number
  optional?: boolean
  label?: string | null
}

export function makeGold(
  figures: GoldFigureSpec[] = [],
  sections: Array<{ line: number; level: number; number?: string | null; title?: string; style_level?: number }> = [],
  record?: Record<string, unknown>,
): GoldDocument {
  return GoldDocumentSchema.parse({
    file: 'synthetic.txt',
    figures: figures.map((f) => ({ unit: '', approx: false, label: '', ...f })),
    sections: sections.map((s, i) => ({ number: null, title: `gold heading ${i + 1}`, ...s })),
    ...(record ? { record } : {}),
  })
}

/** Code-point offset of `needle` in line `line` (1-based) — how the gold counts. */
export function cpOffset(text: string, line: number, needle: string): number {
  const lineText = text.split('\n')[line - 1]!
  const at = lineText.indexOf(needle)
  if (at < 0) throw new Error(`${needle} not on line ${line}`)
  return [...lineText.slice(0, at)].length
}
