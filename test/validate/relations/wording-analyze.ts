/**
 * Test helper for the wording relation sources: analyses a short text the way `cnreport
 * extract` would and shows relations as readable strings (“100万元 = 60万元 + 40万元 [complete]”).
 */
import type { Figure } from '../../../src/contract.js'
import { analyzeBytes } from '../../../src/analyze.js'
import type { RatioRelation, SumRelation } from '../../../src/validate/relations/types.js'

export async function analyse(text: string): Promise<{ text: string; figures: Figure[] }> {
  const result = await analyzeBytes(Buffer.from(text, 'utf8'), 'wording.txt')
  return { text: result.text, figures: result.figures }
}

const raw = (f: Figure) => f.raw.trim()

export function showSum(r: SumRelation): string {
  const parts = r.parts.map((t, k) => `${k === 0 ? (t.sign === -1 ? '- ' : '') : t.sign === -1 ? ' - ' : ' + '}${raw(t.figure)}`).join('')
  return `${raw(r.total)} = ${parts} [${r.complete ? 'complete' : 'partial'}]`
}

export function showRatio(r: RatioRelation): string {
  const top = r.numerator.map((t, k) => `${k === 0 ? (t.sign === -1 ? '- ' : '') : t.sign === -1 ? ' - ' : ' + '}${raw(t.figure)}`).join('')
  return `${raw(r.stated)} = (${top}) / ${raw(r.denominator)}`
}
