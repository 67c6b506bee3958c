/**
 * Bytes → SourceDocument, choosing the reader from the bytes, never from the extension.
 */
import type { SourceDocument } from '../document.js'
import { InputError } from '../result.js'
import { readDocx } from './docx.js'
import { readPdf } from './pdf.js'
import { sniffBytes } from './sniff.js'
import { readDecodedTxt } from './txt.js'

export async function readSource(bytes: Uint8Array, path: string, id: string): Promise<SourceDocument> {
  const format = sniffBytes(bytes)
  switch (format.kind) {
    case 'txt':
      return readDecodedTxt(format.decoded, path, id)
    case 'docx':
      return readDocx(bytes, path, id)
    case 'pdf':
      return readPdf(bytes, path, id)
    case 'unreadable':
      throw new InputError(path, format.reason, format.code)
  }
}
