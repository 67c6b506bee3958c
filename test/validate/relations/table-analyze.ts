/**
 * Test helper for the table relation sources: writes rows of cells as a TXT table the way
 * Word exports it (one TAB-prefixed line per cell, a blank line after each row), analyses it
 * the way `cnreport extract` would and shows the table relations as readable strings —
 * “300 = 100 + 200 ✓”, a blank cell read as 0 shown as ∅, a failing relation marked ✗.
 */
import { analyzeBytes } from '../../../src/analyze.js'
import type { Figure } from '../../../src/contract.js'
import { LineIndex } from '../../../src/document.js'
import { ratioHolds, sumHolds } from '../../../src/validate/relations/table-check.js'
import { tableRelations } from '../../../src/validate/relations/table-relations.js'
import type { RatioRelation, SumRelation, Term } from '../../../src/validate/relations/types.js'

/** A TXT rendering of a Word table, with a caption line before and a sentence after it. */
export function tabTable(rows: string[][], caption = '表1 收支情况表'): string {
  const body = rows.map((row) => row.map((cell) => `\t${cell}\n`).join('')).join('\n')
  return `${caption}\n${body}\n\n说明：以上为本年度数据。\n`
}

const raw = (f: Figure) => (f.raw === '' ? '∅' : f.raw.trim())
const terms = (ts: Term[]) => ts.map((t, k) => `${k === 0 ? (t.sign === -1 ? '- ' : '') : t.sign === -1 ? ' - ' : ' + '}${raw(t.figure)}`).join('')

export function showSum(r: SumRelation): string {
  return `${raw(r.total)} = ${terms(r.parts)} ${sumHolds(r) ? '✓' : '✗'}`
}

export function showRatio(r: RatioRelation): string {
  return `${raw(r.stated)} = (${terms(r.numerator)}) / ${raw(r.denominator)} ${ratioHolds(r) ? '✓' : '✗'}`
}

export interface Shown {
  sums: string[]
  ratios: string[]
  relations: { sums: SumRelation[]; ratios: RatioRelation[] }
}

export async function relationsOf(text: string): Promise<Shown> {
  const result = await analyzeBytes(Buffer.from(text, 'utf8'), 'table.txt')
  const { findings: _ignored, ...doc } = result
  const found = tableRelations(doc, new LineIndex(doc.text))
  const sums = found.sums ?? []
  const ratios = found.ratios ?? []
  return { sums: sums.map(showSum), ratios: ratios.map(showRatio), relations: { sums, ratios } }
}
