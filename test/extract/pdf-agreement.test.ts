/**
 * Issue 3: the same report gives the same figures and sections whatever its format. Each
 * seed of corpus/ is there as TXT and as its LibreOffice PDF rendering (and 000 also as
 * the first part of the report set in a non-embedded CID font); both go through the whole
 * pipeline and are compared as multisets of (value, unit) and sequences of
 * (level, number, title).
 */
import { readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { analyzeFile } from '../../src/analyze.js'
import { ExtractResultSchema, type ExtractResult } from '../../src/contract.js'
import { figureAgreement, sectionAgreement } from '../helpers/format-agreement.js'

const CORPUS = new URL('../../corpus/', import.meta.url).pathname
const files = readdirSync(CORPUS)
const pdfs = files.filter((f) => f.endsWith('.pdf') && files.includes(`${f.split('.')[0]}.txt`)).sort()

const FIGURES = 0.98
const SECTIONS = 0.95

type Figure = ExtractResult['figures'][number]
type Section = ExtractResult['sections'][number]

/**
 * A PDF holding only the first part of a report is compared with the TXT up to the
 * paragraph the PDF ends with.
 */
function txtPart(txt: ExtractResult, pdf: ExtractResult): { figures: Figure[]; sections: Section[] } {
  const last = pdf.text.trimEnd().split('\n').at(-1)!
  const at = txt.text.indexOf(last)
  expect(at, `the PDF's last paragraph "${last}" is in the TXT`).toBeGreaterThan(0)
  const cut = at + last.length
  return { figures: txt.figures.filter((f) => f.start < cut), sections: txt.sections.filter((s) => s.start < cut) }
}

describe('TXT and PDF renderings of a seed agree', () => {
  it('has the five seeds as PDF, and the non-embedded-font part of 000', () => {
    expect(pdfs).toHaveLength(6)
    expect(pdfs).toContain('000_5799300e2c9f984a.nonembedded-cid-font.pdf')
  })

  for (const pdfName of pdfs)
    it(pdfName, async () => {
      const txt = await analyzeFile(`${CORPUS}${pdfName.split('.')[0]}.txt`)
      const started = performance.now()
      const pdf = await analyzeFile(`${CORPUS}${pdfName}`)
      const ms = performance.now() - started
      expect(pdf.document.format).toBe('pdf')
      expect(() => ExtractResultSchema.parse(pdf)).not.toThrow()
      const whole = pdfName.includes('nonembedded') ? txtPart(txt, pdf) : { figures: txt.figures, sections: txt.sections }
      const figures = figureAgreement(whole.figures, pdf.figures)
      const sections = sectionAgreement(whole.sections, pdf.sections)
      console.log(
        `${pdfName}: figures ${figures.toFixed(4)} (${whole.figures.length} txt / ${pdf.figures.length} pdf), ` +
          `sections ${sections.toFixed(4)} (${whole.sections.length} / ${pdf.sections.length}), ` +
          `${pdf.pages!.length} pages, ${ms.toFixed(0)} ms`,
      )
      expect(figures).toBeGreaterThanOrEqual(FIGURES)
      expect(sections).toBeGreaterThanOrEqual(SECTIONS)
    })

  it('reads the non-embedded CID font (it needs the CMaps): the figures of 000’s first part', async () => {
    const pdf = await analyzeFile(`${CORPUS}000_5799300e2c9f984a.nonembedded-cid-font.pdf`)
    expect(pdf.text).toMatch(/^常宁市应急管理局2023年整体支出\n/)
    expect(pdf.figures.map((f) => f.raw)).toEqual(expect.arrayContaining(['3395.06万元', '3383.30万元', '99.65%', '1426.99万元', '131人']))
    expect(pdf.figures.length).toBeGreaterThanOrEqual(20)
  })
})
