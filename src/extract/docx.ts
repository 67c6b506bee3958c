/**
 * The DOCX reader (issue 3): bytes → SourceDocument, with mammoth.
 *
 * 1. docx-zip.ts opens the package defensively (ZIP bombs, truncation, CRC) and
 *    docx-parts.ts finds the main document;
 * 2. docx-mammoth.ts reads it with mammoth and keeps its document model and messages;
 * 3. docx-paragraph-info.ts recomputes Word's auto-numbering (which mammoth drops) and
 *    outline levels from the XML and attaches them to mammoth's paragraphs;
 * 4. docx-render.ts lays the model out as text like the TXT seeds, with blocks (headings
 *    from Word styles, table cells) and tables whose cells are spans of that text.
 *
 * `text` is that rendering; nothing changes it afterwards and every span points into it.
 */
import type { SourceDocument } from '../document.js'
import { InputError } from '../result.js'
import { readWithMammoth } from './docx-mammoth.js'
import { paragraphInfo } from './docx-paragraph-info.js'
import { findParts } from './docx-parts.js'
import { renderDocument } from './docx-render.js'
import { openZip } from './docx-zip.js'

/**
 * @throws InputError (and nothing else for bad bytes): `docx-corrupt`, `docx-zip-bomb`,
 * `docx-encrypted`, `docx-no-document` or `docx-unreadable`, the message naming the file.
 */
export async function readDocx(bytes: Uint8Array, path: string, id: string): Promise<SourceDocument> {
  const pkg = openZip(bytes, path)
  const parts = findParts(pkg, path)
  const read = await readWithMammoth(pkg, path, parts.document)
  const { numbering, rendered } = withStackGuard(path, () => {
    const numbering = paragraphInfo(pkg, parts, read.document, read.mainXml)
    return { numbering, rendered: renderDocument(read.document, numbering.info) }
  })
  return {
    id,
    path,
    format: 'docx',
    text: rendered.text,
    blocks: rendered.blocks,
    tables: rendered.tables,
    diagnostics: [...read.diagnostics, ...numbering.diagnostics, ...rendered.diagnostics],
  }
}

/**
 * The walks recurse over the document tree. mammoth recurses deeper per level and refuses
 * absurd nesting first, but a crafted file must still end in an InputError, not a RangeError.
 */
function withStackGuard<T>(path: string, fn: () => T): T {
  try {
    return fn()
  } catch (error) {
    if (error instanceof RangeError && /call stack/i.test(error.message))
      throw new InputError(path, 'the DOCX file cannot be read: its elements are nested too deeply', 'docx-unreadable')
    throw error
  }
}
