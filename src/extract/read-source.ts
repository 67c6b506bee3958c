/**
 * Bytes → SourceDocument, choosing the reader from the bytes, never from the extension.
 *
 * The DOCX and PDF readers are imported on first use: mammoth and pdf.js are large, and
 * pdf.js's legacy build installs core-js polyfills over built-ins (Array.prototype.push,
 * JSON.parse) that slow every later stage of every document in the process. A worker that
 * only ever sees TXT loads neither; after a PDF the built-ins are put back (native-builtins.ts).
 */
import { restoreNativeBuiltins } from './native-builtins.js'
import type { SourceDocument } from '../document.js'
import { InputError } from '../result.js'
import { sniffBytes } from './sniff.js'
import { readDecodedTxt } from './txt.js'

let docxReader: Promise<typeof import('./docx.js')> | undefined
let pdfReader: Promise<typeof import('./pdf.js')> | undefined

export async function readSource(bytes: Uint8Array, path: string, id: string): Promise<SourceDocument> {
  const format = sniffBytes(bytes)
  switch (format.kind) {
    case 'txt':
      return readDecodedTxt(format.decoded, path, id)
    case 'docx':
      return (await (docxReader ??= import('./docx.js'))).readDocx(bytes, path, id)
    case 'pdf':
      try {
        return await (await (pdfReader ??= import('./pdf.js'))).readPdf(bytes, path, id)
      } finally {
        restoreNativeBuiltins()
      }
    case 'unreadable':
      throw new InputError(path, format.reason, format.code)
  }
}
