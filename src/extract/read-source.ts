/**
 * Bytes → SourceDocument, choosing the reader from the bytes, never from the extension.
 */
import type { SourceDocument } from '../document.js'
import { InputError } from '../result.js'
import { sniffFormat } from './sniff.js'
import { readTxt } from './txt.js'

export async function readSource(bytes: Uint8Array, path: string, id: string): Promise<SourceDocument> {
  const format = sniffFormat(bytes)
  switch (format.kind) {
    case 'txt':
      return readTxt(bytes, path, id)
    case 'unreadable':
      throw new InputError(path, format.reason, format.code)
    default:
      // DOCX and PDF readers arrive with the format issue; until then say so plainly.
      throw new InputError(path, `${format.kind.toUpperCase()} input is not supported yet`, `unsupported-${format.kind}`)
  }
}
