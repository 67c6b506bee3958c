/**
 * Bytes → SourceDocument, choosing the reader from the bytes, never from the extension.
 */
import type { SourceDocument } from '../document.js'
import { InputError } from '../result.js'
import { readDocx } from './docx.js'
import { readPdf } from './pdf.js'
import { sniffFormat } from './sniff.js'
import { readTxt } from './txt.js'

export async function readSource(bytes: Uint8Array, path: string, id: string): Promise<SourceDocument> {
  const format = sniffFormat(bytes)
  switch (format.kind) {
    case 'txt':
      return readTxt(bytes, path, id)
    case 'docx':
      return readDocx(bytes, path, id)
    case 'pdf':
      return readPdf(bytes, path, id)
    case 'unreadable':
      throw new InputError(path, format.reason, format.code)
  }
}
