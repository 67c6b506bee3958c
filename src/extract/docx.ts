/** STUB — the DOCX reader (issue 3): bytes → SourceDocument. */
import type { SourceDocument } from '../document.js'
import { InputError } from '../result.js'

export async function readDocx(_bytes: Uint8Array, path: string, _id: string): Promise<SourceDocument> {
  throw new InputError(path, 'the file is a DOCX document; DOCX input is not supported yet', 'unsupported-docx')
}
