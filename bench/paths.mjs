/**
 * The timed paths: for each format, the raw library baseline(s) and cnreport's reader and
 * full pipeline, each a function of one Input. Modules load lazily inside the first call,
 * so the warm-up (measure.mjs) shows what loading costs — mammoth, pdf.js, cnreport's dist,
 * the jieba dictionary — apart from the steady state.
 *
 * "Like with like" (DESIGN.md §6): a baseline makes the library calls cnreport makes, on
 * the same bytes, without cnreport's own work. Two baselines where the honest answer is
 * not one call:
 *
 * DOCX  raw   `mammoth.convertToHtml({buffer})`: what a mammoth user calls (JSZip unzip,
 *             read, HTML). cnreport (docx-mammoth.ts) runs the same read on its own guarded
 *             unzip and skips the HTML (transformDocument hands mammoth an empty body).
 *       calls `convertToHtml({buffer}, {transformDocument: → empty body})`: mammoth's read
 *             alone, as cnreport calls it, still on JSZip. Ratios against it show what
 *             cnreport adds on top of mammoth's parse.
 * PDF   raw   pdf-parse `getText()` + `getTable()` with cnreport's load options (cMaps,
 *             standard fonts, isEvalSupported: false). Note: that pair runs pdf.js
 *             getTextContent TWICE per page (getTable fills cells from its own call).
 *       calls what cnreport's reader asks of pdf.js through pdf-parse's document
 *             (pdf.ts, pdf-load.ts): getInfo, then per page getViewport + getTextContent
 *             once + getOperatorList (only on pages with text) + cleanup — no processing.
 * TXT   raw   decode (UTF-8 fatal, else GB18030, BOM off) + one figure regex over the text.
 *
 * cnreport: `reader` = readSource (bytes → SourceDocument, the part comparable to the raw
 * libraries, sha256 precomputed); `full` = analyzeBytes (every stage, sha256 included).
 *
 * The ingest section (issue 6) runs the `raw` paths here in worker threads (raw-worker.mjs),
 * so its baseline makes the very calls of this section's.
 */
import { createRequire } from 'node:module'
import { dirname, join, sep } from 'node:path'
import { pathToFileURL } from 'node:url'
import { distDir, REPO_ROOT } from './inputs.mjs'

/**
 * @typedef {object} BenchPath
 * @property {string} id        e.g. 'pdf.reader'
 * @property {'docx'|'pdf'|'txt'} format
 * @property {'raw'|'calls'|'reader'|'full'} role  raw = the baseline ratios are taken against
 * @property {string} label     what is timed, one line
 * @property {(input: import('./inputs.mjs').Input) => Promise<{ pages?: number }>} run
 */

const dist = (file) => pathToFileURL(join(distDir(), file)).href

let cnreport
/** cnreport's built library (npm run build first, or --dist). */
async function lib() {
  if (cnreport) return cnreport
  const [index, readSource] = await Promise.all([import(dist('index.js')), import(dist('extract/read-source.js'))])
  cnreport = { analyzeBytes: index.analyzeBytes, readSource: readSource.readSource }
  return cnreport
}

let mammothModule
async function mammoth() {
  return (mammothModule ??= (await import('mammoth')).default)
}

let pdfParseModule
async function pdfParse() {
  return (pdfParseModule ??= await import('pdf-parse'))
}

/** pdf.js's data folders exactly as cnreport's pdf-load.ts resolves them (pdf.js under pdf-parse). */
function pdfjsDirs() {
  const require = createRequire(join(REPO_ROOT, 'package.json'))
  const entry = createRequire(require.resolve('pdf-parse')).resolve('pdfjs-dist/legacy/build/pdf.mjs')
  const root = join(dirname(entry), '..', '..')
  return { cMapUrl: join(root, 'cmaps') + sep, standardFontDataUrl: join(root, 'standard_fonts') + sep }
}
const PDFJS_DIRS = pdfjsDirs()

/** cnreport's load options (pdf-load.ts newParser); a copy of the bytes, as pdf.js may detach them. */
function newParser(PDFParse, bytes) {
  return new PDFParse({ data: bytes.slice(), cMapPacked: true, ...PDFJS_DIRS, isEvalSupported: false, verbosity: 0 })
}

const asBuffer = (bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)

const emptyBody = (document) => ({ ...document, children: [] })

const FIGURE = /[0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?\s*(?:亿元|万元|元|%|％|人|个|家|处)/g

/** @returns {BenchPath[]} in warm-up order: baselines first, so they pay the shared module loads */
export function benchPaths() {
  return [
    {
      id: 'docx.raw',
      format: 'docx',
      role: 'raw',
      label: 'mammoth.convertToHtml({buffer})',
      run: async (input) => {
        await (await mammoth()).convertToHtml({ buffer: asBuffer(input.bytes) })
        return {}
      },
    },
    {
      id: 'docx.calls',
      format: 'docx',
      role: 'calls',
      label: 'mammoth read only (transformDocument → empty, JSZip)',
      run: async (input) => {
        await (await mammoth()).convertToHtml({ buffer: asBuffer(input.bytes) }, { transformDocument: emptyBody })
        return {}
      },
    },
    ...cnreportPaths('docx'),
    {
      id: 'pdf.raw',
      format: 'pdf',
      role: 'raw',
      label: 'pdf-parse getText() + getTable()',
      run: async (input) => {
        const { PDFParse } = await pdfParse()
        const parser = newParser(PDFParse, input.bytes)
        try {
          const text = await parser.getText()
          await parser.getTable()
          return { pages: text.total }
        } finally {
          await parser.destroy()
        }
      },
    },
    {
      id: 'pdf.calls',
      format: 'pdf',
      role: 'calls',
      label: 'pdf.js calls of the reader (text once + operators)',
      run: async (input) => {
        const { PDFParse } = await pdfParse()
        const parser = newParser(PDFParse, input.bytes)
        try {
          await parser.getInfo()
          const doc = parser.doc
          for (let n = 1; n <= doc.numPages; n++) {
            const page = await doc.getPage(n)
            try {
              page.getViewport({ scale: 1 })
              const content = await page.getTextContent({ includeMarkedContent: false, disableNormalization: false })
              if (content.items.length > 0) await page.getOperatorList()
            } finally {
              page.cleanup()
            }
          }
          return { pages: doc.numPages }
        } finally {
          await parser.destroy()
        }
      },
    },
    ...cnreportPaths('pdf'),
    {
      id: 'txt.raw',
      format: 'txt',
      role: 'raw',
      label: 'decode + figure regex',
      run: async (input) => {
        let text
        try {
          text = new TextDecoder('utf-8', { fatal: true }).decode(input.bytes)
        } catch {
          text = new TextDecoder('gb18030').decode(input.bytes)
        }
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
        let figures = 0
        for (const _ of text.matchAll(FIGURE)) figures++
        return { figures }
      },
    },
    ...cnreportPaths('txt'),
  ]
}

/** @returns {BenchPath[]} */
function cnreportPaths(format) {
  return [
    {
      id: `${format}.reader`,
      format,
      role: 'reader',
      label: 'cnreport reader (readSource)',
      run: async (input) => {
        const source = await (await lib()).readSource(input.bytes, input.path, input.id)
        return source.pages ? { pages: source.pages.length } : {}
      },
    },
    {
      id: `${format}.full`,
      format,
      role: 'full',
      label: 'cnreport full (analyzeBytes)',
      run: async (input) => {
        const result = await (await lib()).analyzeBytes(input.bytes, input.path)
        return result.pages ? { pages: result.pages.length } : {}
      },
    },
  ]
}
