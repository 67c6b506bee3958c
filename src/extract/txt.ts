/** STUB — owned by the TXT-reader work: bytes → SourceDocument. */
import type { SourceDocument } from '../document.js'

export function readTxt(bytes: Uint8Array, path: string, id: string): SourceDocument {
  let text = new TextDecoder('utf-8').decode(bytes)
  return { id, path, format: 'txt', text, blocks: [], tables: [], diagnostics: [] }
}
