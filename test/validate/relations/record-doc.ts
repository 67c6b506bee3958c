/** Analyses a synthetic report given as text, for the record-relation tests. */
import { analyzeBytes } from '../../../src/analyze.js'
import type { Figure } from '../../../src/contract.js'
import { LineIndex } from '../../../src/document.js'
import type { ValidationInput } from '../../../src/validate/rule.js'

export async function analyzeText(text: string): Promise<{ doc: ValidationInput; lines: LineIndex }> {
  const { findings: _ignored, ...doc } = await analyzeBytes(Buffer.from(text, 'utf8'), 'fixture.txt')
  return { doc, lines: new LineIndex(doc.text) }
}

/** The figures' text as written, for compact assertions. */
export function raws(figures: readonly Figure[]): string[] {
  return figures.map((f) => f.raw.trim())
}
