/**
 * Plain-text reader: bytes → SourceDocument. The text is the decoded file with only the
 * BOM removed (decode.ts), so offsets index what the user sees in an editor; blocks are
 * its non-empty lines and tables are rebuilt from flattened Word tables (txt-tables.ts).
 */
import type { Block, SourceDocument } from '../document.js'
import { InputError, type Diagnostic } from '../result.js'
import type { Decoded } from './decode.js'
import { sniffBytes } from './sniff.js'
import { splitLines } from './txt-lines.js'
import { rebuildTables } from './txt-tables.js'

/**
 * @throws InputError (and nothing else) when the bytes are not text: empty, binary,
 * or another format (PDF, DOCX, ZIP, legacy .doc) whatever the file is called.
 */
export function readTxt(bytes: Uint8Array, path: string, id: string): SourceDocument {
  const sniffed = sniffBytes(bytes)
  if (sniffed.kind === 'unreadable') throw new InputError(path, sniffed.reason, sniffed.code)
  if (sniffed.kind !== 'txt') {
    const what = sniffed.kind === 'pdf' ? 'a PDF document' : 'a Word document (.docx)'
    throw new InputError(path, `the file is ${what}, not plain text`, 'not-text')
  }
  return readDecodedTxt(sniffed.decoded, path, id)
}

/** The TXT reader after sniffing, which already decoded the bytes (read-source.ts). */
export function readDecodedTxt(decoded: Decoded, path: string, id: string): SourceDocument {
  const { text } = decoded
  const diagnostics: Diagnostic[] = [...decoded.diagnostics]
  const lines = splitLines(text)
  if (bareCarriageReturns(text) > lines.length)
    diagnostics.push({
      level: 'warning',
      code: 'txt-cr-line-breaks',
      message: 'the file breaks lines with bare carriage returns (old Mac style); lines are counted on LF only',
    })

  const rebuilt = rebuildTables(text, lines)
  diagnostics.push(...rebuilt.diagnostics)
  const blocks: Block[] = lines
    .filter((line) => text.slice(line.start, line.end).trim() !== '')
    .map((line) => ({
      kind: rebuilt.tableLines.has(line.index) ? 'cell' : 'paragraph',
      start: line.start,
      end: line.end,
    }))
  return { id, path, format: 'txt', text, blocks, tables: rebuilt.tables, diagnostics }
}

/** Carriage returns not followed by a line feed: line breaks that LineIndex does not see. */
function bareCarriageReturns(text: string): number {
  let count = 0
  for (let i = text.indexOf('\r'); i !== -1; i = text.indexOf('\r', i + 1)) if (text[i + 1] !== '\n') count++
  return count
}
