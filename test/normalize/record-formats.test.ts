/**
 * The same report gives the same record whatever its format: the TXT, DOCX and PDF
 * renderings of each seed in corpus/ state the same fields with the same values, and the
 * fields are traced to figures with the same text.
 */
import { readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { analyzeFile } from '../../src/analyze.js'
import type { ExtractResult } from '../../src/contract.js'

const CORPUS = resolve('corpus')
const names = readdirSync(CORPUS)
const seeds = names
  .filter((n) => n.endsWith('.txt'))
  .map((n) => n.slice(0, -4))
  .filter((s) => names.includes(`${s}.docx`) && names.includes(`${s}.pdf`))

function fields(r: ExtractResult) {
  return Object.fromEntries(
    Object.entries(r.record).map(([id, f]) => [id, { value: f.value, unit: f.unit, raw: r.figures.find((x) => x.id === f.figureId)?.raw.replace(/\s+/g, '') }]),
  )
}

describe('record agreement across formats', () => {
  it('has seeds in three formats', () => expect(seeds.length).toBeGreaterThanOrEqual(5))

  it.each(seeds)('%s: TXT, DOCX and PDF give the same record', async (seed) => {
    const [txt, docx, pdf] = await Promise.all(['txt', 'docx', 'pdf'].map((ext) => analyzeFile(join(CORPUS, `${seed}.${ext}`))))
    expect(Object.keys(txt!.record).length).toBeGreaterThan(10)
    expect(fields(docx!)).toEqual(fields(txt!))
    expect(fields(pdf!)).toEqual(fields(txt!))
  })
})
