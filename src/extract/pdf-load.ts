/**
 * Opening a PDF through pdf-parse 2: the one place that knows pdf-parse's API, the
 * pdf.js build under it, where its CMaps live, and how its exceptions map to InputError.
 *
 * pdf-parse's `getText` returns strings without positions and its `getTable` only sees
 * stroked rules, so the reader asks the pdf.js document pdf-parse loaded for positioned
 * text and the operator list (the very calls `getText` and `getTable` make inside).
 * Never load a second pdf.js build in the process (DESIGN.md §6): the module below is
 * resolved from pdf-parse's own location.
 */
import { createRequire } from 'node:module'
import { dirname, join, sep } from 'node:path'
import { pathToFileURL } from 'node:url'
import { PDFParse, PasswordException } from 'pdf-parse'
import { InputError } from '../result.js'
import { guardPdfjsRejections, isPdfjsException } from './pdf-rejections.js'
import { messageOf } from '../error-text.js'

const require = createRequire(import.meta.url)
/** pdf.js exactly as pdf-parse resolves it. */
const PDFJS_ENTRY = createRequire(require.resolve('pdf-parse')).resolve('pdfjs-dist/legacy/build/pdf.mjs')
const PDFJS_ROOT = join(dirname(PDFJS_ENTRY), '..', '..')
/** Predefined CMaps: without them, non-embedded CJK fonts (STSong-Light, UniGB-UCS2-H) give no text. */
export const CMAP_DIR = join(PDFJS_ROOT, 'cmaps') + sep
const STANDARD_FONT_DIR = join(PDFJS_ROOT, 'standard_fonts') + sep

/** The few pdf.js constants the reader needs (operator ids, matrix product). */
export interface PdfjsModule {
  OPS: Record<string, number>
  Util: { transform(m1: number[], m2: number[]): number[] }
  VerbosityLevel: Record<string, number>
}

let pdfjsModule: Promise<PdfjsModule> | undefined
/** The pdf.js module pdf-parse itself imports (ESM caches by URL: same instance). */
export function loadPdfjs(): Promise<PdfjsModule> {
  pdfjsModule ??= import(pathToFileURL(PDFJS_ENTRY).href) as Promise<PdfjsModule>
  return pdfjsModule
}

/** A positioned text item of pdf.js `getTextContent` (TextItem in pdfjs-dist's typings). */
export interface PdfTextItem {
  str: string
  /** Text-space → user-space matrix [a b c d e f]; (e, f) is the baseline origin. */
  transform: number[]
  /** Advance width in user-space units. */
  width: number
  height: number
  hasEOL: boolean
  fontName?: string
}

export interface PdfViewport {
  width: number
  height: number
  /** User space → viewport (y down, page rotation applied). */
  transform: number[]
}

export interface PdfOperatorList {
  fnArray: number[]
  argsArray: unknown[]
}

export interface PdfPage {
  getViewport(params: { scale: number }): PdfViewport
  getTextContent(params?: { includeMarkedContent?: boolean; disableNormalization?: boolean }): Promise<{ items: unknown[] }>
  getOperatorList(): Promise<PdfOperatorList>
  cleanup(): void
}

export interface PdfDocument {
  numPages: number
  getPage(pageNumber: number): Promise<PdfPage>
}

export interface OpenedPdf {
  parser: PDFParse
  doc: PdfDocument
  /** Destroys the parser (and its pdf.js document); never throws. */
  close(): Promise<void>
}

/**
 * Loads the document. The caller must `await close()` in a `finally`.
 * @throws InputError for encrypted, corrupt or truncated files (and nothing else for bad bytes).
 */
export async function openPdf(bytes: Uint8Array, path: string): Promise<OpenedPdf> {
  const release = guardPdfjsRejections()
  let parser: PDFParse
  try {
    parser = newParser(bytes, (await loadPdfjs()).VerbosityLevel.ERRORS ?? 0)
  } catch (error) {
    release()
    throw error
  }
  const close = async (): Promise<void> => {
    await parser.destroy().catch(() => undefined)
    release()
  }
  try {
    await parser.getInfo()
  } catch (error) {
    await close()
    throw pdfInputError(path, error, bytes)
  }
  const doc = (parser as unknown as { doc?: PdfDocument }).doc
  if (!doc || typeof doc.getPage !== 'function') {
    await close()
    throw new Error('pdf-parse no longer exposes the pdf.js document it loaded; cnreport needs pdf-parse 2.4')
  }
  return { parser, doc, close }
}

function newParser(bytes: Uint8Array, verbosity: number): PDFParse {
  return new PDFParse({
    // pdf.js takes ownership of a typed array (it may detach it): hand it a copy.
    data: bytes.slice(),
    cMapUrl: CMAP_DIR,
    cMapPacked: true,
    standardFontDataUrl: STANDARD_FONT_DIR,
    // PDF functions evaluated as JS are faster but need eval on untrusted bytes.
    isEvalSupported: false,
    verbosity,
  })
}

/** Maps what pdf.js/pdf-parse throw on bad bytes to an InputError naming the file. */
export function pdfInputError(path: string, error: unknown, bytes?: Uint8Array): InputError {
  if (error instanceof InputError) return error
  const name = error instanceof Error ? error.name : ''
  const detail = messageOf(error)
  if (error instanceof PasswordException || name === 'PasswordException')
    return new InputError(path, 'the PDF is encrypted with a password; remove the password (or supply a decrypted copy) before analysing it', 'pdf-encrypted')
  if (bytes && !hasEndMarker(bytes))
    return new InputError(path, `the PDF is truncated: it stops before its end-of-file marker (an interrupted download?) and cannot be read (${detail})`, 'pdf-truncated')
  // pdf.js raises its own exception classes for malformed structure (bad xref, page tree, streams).
  if (isPdfjsException(error) || /Invalid PDF|bad XRef|xref|startxref|Unexpected|EOF/i.test(detail))
    return new InputError(path, `the PDF is corrupt and cannot be read (${detail})`, 'pdf-corrupt')
  return new InputError(path, `the PDF cannot be read (${name || 'error'}: ${detail})`, 'pdf-unreadable')
}

/** PDF files end with %%EOF (writers may add a little garbage after it). */
const END_WINDOW = 1024

export function hasEndMarker(bytes: Uint8Array): boolean {
  const tail = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).subarray(Math.max(0, bytes.byteLength - END_WINDOW))
  return tail.includes('%%EOF', 0, 'latin1')
}
