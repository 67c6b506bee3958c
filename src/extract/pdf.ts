/**
 * The PDF reader (issue 3): bytes → SourceDocument, through pdf-parse 2 (pdf-load.ts).
 *
 * Page by page, turned upright if printed sideways (pdf-orientation.ts): positioned text
 * (pdf-runs.ts, look-alike glyphs folded by pdf-fold.ts) and ruling lines (pdf-rules.ts →
 * grids, pdf-grid.ts) become body lines and table cells, aligned columns without rules
 * become tables too (pdf-page-layout.ts, pdf-borderless.ts); page numbers and running
 * headers/footers are left out (pdf-furniture.ts); lines re-join into paragraphs, and
 * tables join over page breaks (pdf-assemble.ts, pdf-paragraphs.ts, pdf-table-drafts.ts);
 * the result is written once as text, every span pointing into it (pdf-render.ts).
 */
import type { SourceDocument } from '../document.js'
import { InputError, type Diagnostic } from '../result.js'
import { removeFurniture } from './pdf-furniture.js'
import { buildGrids } from './pdf-grid.js'
import { hasEndMarker, loadPdfjs, openPdf, pdfInputError, type PdfPage } from './pdf-load.js'
import { dominantTurns, turnFrame } from './pdf-orientation.js'
import { layoutPage, type PageLayout } from './pdf-page-layout.js'
import { render } from './pdf-render.js'
import { readRules } from './pdf-rules.js'
import { readRuns } from './pdf-runs.js'
import { assemble } from './pdf-assemble.js'
import { messageOf } from '../error-text.js'

/**
 * @throws InputError (and nothing else for bad bytes) when the PDF is encrypted, corrupt,
 * truncated, or has no text layer at all (a scan that needs OCR).
 */
export async function readPdf(bytes: Uint8Array, path: string, id: string): Promise<SourceDocument> {
  const { doc, close } = await openPdf(bytes, path)
  try {
    if (doc.numPages < 1) throw new InputError(path, 'the PDF has no pages', 'pdf-no-pages')
    const pdfjs = await loadPdfjs()
    const layouts: PageLayout[] = []
    const failed: number[] = []
    let firstError: unknown
    let rotated = 0
    let folded = 0
    const turned: number[] = []
    for (let n = 1; n <= doc.numPages; n++) {
      let page: PdfPage | undefined
      try {
        page = await doc.getPage(n)
        const viewport = page.getViewport({ scale: 1 })
        const content = await page.getTextContent({ includeMarkedContent: false, disableNormalization: false })
        // A landscape table printed sideways on a portrait page: read it turned upright.
        const frame = turnFrame(viewport.transform, viewport.width, viewport.height, dominantTurns(content.items, viewport.transform))
        if (frame.turns !== 0) turned.push(n)
        const runs = readRuns(content.items, frame.transform)
        rotated += runs.skippedRotated
        folded += runs.folded
        // Rules matter only where there is text to put in cells.
        const rules = runs.runs.length > 0 ? readRules(await page.getOperatorList(), pdfjs, frame.transform) : []
        layouts.push(layoutPage(n, frame.width, frame.height, runs.runs, buildGrids(rules)))
      } catch (error) {
        firstError ??= error
        failed.push(n)
        layouts.push({ number: n, width: 0, height: 0, items: [], chars: 0 })
      } finally {
        page?.cleanup()
      }
    }
    if (failed.length === doc.numPages) throw pdfInputError(path, firstError, bytes)

    const diagnostics: Diagnostic[] = []
    if (!hasEndMarker(bytes))
      diagnostics.push({ level: 'warning', code: 'pdf-truncated', message: 'the file does not end with a PDF end-of-file marker: it may be truncated, and text may be missing' })
    const blank = layouts.filter((p) => p.chars === 0 && !failed.includes(p.number)).map((p) => p.number)
    if (blank.length + failed.length === doc.numPages)
      throw new InputError(path, `the PDF has no text layer on any of its ${doc.numPages} pages (a scan?); it needs OCR before it can be read`, 'pdf-needs-ocr')
    if (failed.length > 0)
      diagnostics.push({ level: 'warning', code: 'pdf-page-unreadable', message: `${pageList(failed)} could not be read (${messageOf(firstError)}); their text is missing` })
    if (blank.length > 0)
      diagnostics.push({
        level: 'warning',
        code: 'pdf-page-no-text',
        message: `${pageList(blank)} of ${doc.numPages} ${blank.length === 1 ? 'has' : 'have'} no text layer (scanned image or blank page); ${blank.length === 1 ? 'its' : 'their'} content is missing — run OCR to read ${blank.length === 1 ? 'it' : 'them'}`,
      })

    const furniture = removeFurniture(layouts)
    if (furniture.pageNumbers + furniture.running > 0)
      diagnostics.push({
        level: 'info',
        code: 'pdf-furniture-removed',
        message: `left out ${furniture.pageNumbers} page-number line(s) and ${furniture.running} running header/footer line(s)`,
      })
    if (folded > 0)
      diagnostics.push({ level: 'info', code: 'pdf-glyphs-folded', message: `folded ${folded} look-alike character(s) (Kangxi radicals, compatibility ideographs) to the ideographs they stand for` })
    if (turned.length > 0)
      diagnostics.push({ level: 'info', code: 'pdf-page-turned', message: `${pageList(turned)} printed sideways: read turned upright` })
    if (rotated > 0)
      diagnostics.push({ level: 'info', code: 'pdf-rotated-text-skipped', message: `left out ${rotated} character(s) drawn at an angle (stamps, watermarks, vertical captions)` })

    const rendered = render(assemble(layouts), doc.numPages)
    return {
      id,
      path,
      format: 'pdf',
      text: rendered.text,
      blocks: rendered.blocks,
      tables: rendered.tables,
      pages: rendered.pages,
      diagnostics: [...diagnostics, ...rendered.diagnostics],
    }
  } finally {
    await close()
  }
}

function pageList(pages: number[]): string {
  return pages.length === 1 ? `page ${pages[0]}` : `pages ${pages.join(', ')}`
}
