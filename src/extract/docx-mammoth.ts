/**
 * mammoth, called the way cnreport needs it:
 *
 * - The package is handed over as mammoth's `{file}` input (lib/unzip.js `openZip`: an
 *   object with `exists` and `read`), backed by our guarded ZIP reader (docx-zip.ts), so
 *   every part mammoth inflates is bounded and CRC-checked — JSZip would inflate without
 *   limits — and nothing is inflated twice.
 * - The document model is taken from `transformDocument`. It is what convertToHtml turns
 *   into HTML: `<td colspan rowspan>` are written from the cells' `colSpan`/`rowSpan`
 *   (lib/document-to-html.js `convertTableCell`), and paragraphs keep their style name and
 *   list level, which the HTML loses. The hook then hands mammoth an empty document, so no
 *   HTML is built that nobody reads; reading messages are kept (the conversion's only
 *   messages are about style-map misses and images, which we do not convert).
 * - Messages become Diagnostics with a code; repeated messages are counted, not repeated.
 * - The tree mammoth read the main document part into is kept: the paragraph numbering
 *   (docx-paragraph-info.ts) walks it instead of parsing the largest part a second time.
 */
import mammoth from 'mammoth'
import type { Diagnostic } from '../result.js'
import { InputError } from '../result.js'
import { withFastXml } from './docx-mammoth-xml.js'
import type { MDocument } from './docx-model.js'
import type { XmlElement } from './docx-xml.js'
import type { ZipPackage } from './docx-zip.js'
import { messageOf } from '../error-text.js'

export interface MammothRead {
  document: MDocument
  diagnostics: Diagnostic[]
  /**
   * The `w:document` element of the part named by `mainPart`, as mammoth read it (its
   * mc:AlternateContent already replaced by the fallbacks); absent when mammoth read no such part.
   */
  mainXml?: XmlElement
}

/**
 * The object mammoth's `openZip` accepts as `{file}` (its own JSZip wrapper's shape).
 * `decoded` is told of each part read as text, with that text.
 */
function mammothFile(pkg: ZipPackage, decoded: (name: string, text: string) => void) {
  return {
    exists: (name: string) => pkg.exists(name),
    read: async (name: string, encoding?: string) => {
      const data = pkg.read(name)
      if (!data) throw new Error(`no ${name} in the package`)
      if (encoding === 'base64') return Buffer.from(data).toString('base64')
      if (!encoding) return data
      const text = new TextDecoder(encoding).decode(data)
      decoded(name, text)
      return text
    },
    write: () => {
      throw new Error('the package is read-only')
    },
    toArrayBuffer: () => {
      throw new Error('the package is read-only')
    },
  }
}

/**
 * `mainPart`: the package path of the main document part, whose XML tree is kept (see MammothRead).
 * @throws InputError when mammoth cannot read the package (malformed XML, no body, …).
 */
export async function readWithMammoth(pkg: ZipPackage, path: string, mainPart?: string): Promise<MammothRead> {
  let captured: MDocument | undefined
  let mainSource: string | undefined
  let mainXml: XmlElement | undefined
  // mammoth strips a byte-order mark before parsing; the part is recognised by its text.
  const keepMain = (source: string, root: unknown) => {
    if (mainSource === undefined || !isDocumentElement(root)) return
    if (source === mainSource || (mainSource.charCodeAt(0) === 0xfeff && source === mainSource.slice(1))) mainXml = root
  }
  const file = mammothFile(pkg, (name, text) => {
    if (name === mainPart) mainSource = text
  })
  let result: { messages: Array<{ type: string; message: string }> }
  try {
    // `file` is not in mammoth's .d.ts Input union, hence the cast (see the module comment).
    // withFastXml: mammoth's parts read by docx-mammoth-xml.ts instead of xmldom (13× faster).
    result = await withFastXml(() => mammoth.convertToHtml({ file } as unknown as { buffer: Buffer }, {
      // No style map: it only steers the HTML, which is never built; mammoth parses its
      // default map on every call otherwise (≈ 5% of a DOCX analysis).
      includeDefaultStyleMap: false,
      includeEmbeddedStyleMap: false,
      transformDocument: (document: MDocument) => {
        captured = document
        return { ...document, children: [] }
      },
    }), keepMain)
  } catch (error) {
    if (error instanceof InputError) throw error
    throw new InputError(path, `the DOCX file cannot be read: ${firstLine(error)}`, 'docx-unreadable')
  }
  if (!captured) throw new InputError(path, 'the DOCX file cannot be read: mammoth returned no document', 'docx-unreadable')
  return { document: captured, diagnostics: toDiagnostics(result.messages), ...(mainXml ? { mainXml } : {}) }
}

/** mammoth's element node (lib/xml/nodes.js) for a `w:document` root; xmldom's parse errors come back as Error values. */
function isDocumentElement(root: unknown): root is XmlElement {
  return typeof root === 'object' && root !== null && (root as XmlElement).type === 'element' && (root as XmlElement).name === 'w:document' && Array.isArray((root as XmlElement).children)
}

/** xmldom's messages run over several lines; a reason is one line. */
function firstLine(error: unknown): string {
  const message = messageOf(error)
  return (message.split('\n')[0] ?? '').replace(/\s+/g, ' ').trim() || 'unknown error'
}

function toDiagnostics(messages: Array<{ type: string; message: string }>): Diagnostic[] {
  const counts = new Map<string, { type: string; n: number }>()
  for (const m of messages) {
    const seen = counts.get(m.message)
    if (seen) seen.n++
    else counts.set(m.message, { type: m.type, n: 1 })
  }
  return [...counts].map(([message, { type, n }]) => ({
    level: 'warning' as const,
    code: type === 'error' ? 'docx-mammoth-error' : 'docx-mammoth-warning',
    message: n > 1 ? `${message} (×${n})` : message,
  }))
}
