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
import { figureAgreement, sectionAgreement } from '../helpers/format-agreement.js'

const CORPUS = new URL('../../corpus/', import.meta.url).pathname
const seeds = readdirSync(CORPUS)
  .filter((f) => f.endsWith('.docx') && existsSync(`${CORPUS}${f.replace(/\.docx$/, '.txt')}`))
  .map((f) => f.replace(/\.docx$/, ''))

const FIGURES = 0.98
const SECTIONS = 0.95


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
      const figures = figureAgreement(txt.figures, docx.figures)
      const sections = sectionAgreement(txt.sections, docx.sections)
      console.log(
        `${seed}: figures ${figures.toFixed(4)} (${txt.figures.length} txt / ${docx.figures.length} docx), ` +
          `sections ${sections.toFixed(4)} (${txt.sections.length} / ${docx.sections.length})`,
      )
      expect(figures).toBeGreaterThanOrEqual(FIGURES)
      expect(sections).toBeGreaterThanOrEqual(SECTIONS)
    })
})
