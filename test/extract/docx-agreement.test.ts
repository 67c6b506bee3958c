/**
 * Issue 3: the same report gives the same figures and sections whatever its format. Each
 * seed of corpus/ is there as TXT and as its LibreOffice DOCX rendering; both go through
 * the whole pipeline and are compared as multisets of (value, unit) and as sequences of
 * (level, number, title).
 */
import { existsSync, readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { analyzeFile } from '../../src/analyze.js'
import { ExtractResultSchema, type ExtractResult } from '../../src/contract.js'

const CORPUS = new URL('../../corpus/', import.meta.url).pathname
const seeds = readdirSync(CORPUS)
  .filter((f) => f.endsWith('.docx') && existsSync(`${CORPUS}${f.replace(/\.docx$/, '.txt')}`))
  .map((f) => f.replace(/\.docx$/, ''))

const FIGURES = 0.98
const SECTIONS = 0.95


/** Shared (value, unit) pairs over the larger count. */
function figureAgreement(a: ExtractResult, b: ExtractResult): number {
  const count = new Map<string, number>()
  for (const f of a.figures) count.set(`${f.value}|${f.unit}`, (count.get(`${f.value}|${f.unit}`) ?? 0) + 1)
  let shared = 0
  for (const f of b.figures) {
    const key = `${f.value}|${f.unit}`
    const n = count.get(key) ?? 0
    if (n > 0) {
      shared++
      count.set(key, n - 1)
    }
  }
  return shared / Math.max(1, a.figures.length, b.figures.length)
}

/** Longest common subsequence of (level, number, title) over the longer tree. */
function sectionAgreement(a: ExtractResult, b: ExtractResult): number {
  const x = a.sections.map((s) => `${s.level}|${s.number}|${s.title}`)
  const y = b.sections.map((s) => `${s.level}|${s.number}|${s.title}`)
  let previous = new Array<number>(y.length + 1).fill(0)
  for (let i = 1; i <= x.length; i++) {
    const row = [0]
    for (let j = 1; j <= y.length; j++) row.push(x[i - 1] === y[j - 1] ? previous[j - 1]! + 1 : Math.max(previous[j]!, row[j - 1]!))
    previous = row
  }
  return previous[y.length]! / Math.max(1, x.length, y.length)
}

describe('TXT and DOCX renderings of a seed agree', () => {
  it('has the five seeds in both formats', () => {
    expect(seeds).toHaveLength(5)
  })

  for (const seed of seeds)
    it(seed, async () => {
      const txt = await analyzeFile(`${CORPUS}${seed}.txt`)
      const docx = await analyzeFile(`${CORPUS}${seed}.docx`)
      expect(docx.document.format).toBe('docx')
      expect(() => ExtractResultSchema.parse(docx)).not.toThrow()
      const figures = figureAgreement(txt, docx)
      const sections = sectionAgreement(txt, docx)
      console.log(
        `${seed}: figures ${figures.toFixed(4)} (${txt.figures.length} txt / ${docx.figures.length} docx), ` +
          `sections ${sections.toFixed(4)} (${txt.sections.length} / ${docx.sections.length})`,
      )
      expect(figures).toBeGreaterThanOrEqual(FIGURES)
      expect(sections).toBeGreaterThanOrEqual(SECTIONS)
    })
})
