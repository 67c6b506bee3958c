/**
 * Decides the format of a file from its bytes, never from its extension: bulk downloads
 * from government sites are full of PDFs named .doc, HTML named .doc and Word files named
 * .txt. Anything cnreport cannot read gets a reason a user understands, in a full sentence.
 */
import { decodeText, isDecoded, type Decoded } from './decode.js'

export type Sniffed =
  | { kind: 'txt' }
  | { kind: 'docx' }
  | { kind: 'pdf' }
  | {
      kind: 'unreadable'
      /** Stable machine-readable code: empty, binary, zip-not-docx, legacy-office, rtf, image, archive. */
      code: string
      /** A full sentence, starting "the file …". */
      reason: string
    }

/** Sniffing result with the decoded text kept, so the TXT reader does not decode twice. */
export type SniffedWithText = Exclude<Sniffed, { kind: 'txt' }> | { kind: 'txt'; decoded: Decoded }

export function sniffFormat(bytes: Uint8Array): Sniffed {
  const sniffed = sniffBytes(bytes)
  return sniffed.kind === 'txt' ? { kind: 'txt' } : sniffed
}

/** Adobe's PDF reference lets readers accept the header anywhere in the first 1024 bytes. */
const PDF_HEADER_WINDOW = 1024

export function sniffBytes(bytes: Uint8Array): SniffedWithText {
  if (bytes.length === 0) return unreadable('empty', 'the file is empty (0 bytes)')
  // Signatures at offset 0 first: a ZIP may well hold a PDF within its first KiB.
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return sniffZip(bytes)
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return sniffOle2(bytes)
  if (startsWithAscii(bytes, '{\\rtf'))
    return unreadable('rtf', 'the file is an RTF document, not plain text; save it as .docx, PDF or plain text first')
  const magic = knownBinary(bytes)
  if (magic) return magic
  if (indexOfAscii(bytes, '%PDF-', PDF_HEADER_WINDOW) !== -1) return { kind: 'pdf' }

  const decoded = decodeText(bytes)
  if (!isDecoded(decoded)) return unreadable('binary', `the file is binary, not text: ${decoded.reason}`)
  if (decoded.text.trim() === '')
    return unreadable('empty', `the file is empty: it contains only whitespace (${bytes.length} bytes)`)
  return { kind: 'txt', decoded }
}

function unreadable(code: string, reason: string): SniffedWithText {
  return { kind: 'unreadable', code, reason }
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b)
}

function startsWithAscii(bytes: Uint8Array, prefix: string): boolean {
  return startsWith(bytes, [...prefix].map((c) => c.charCodeAt(0)))
}

function indexOfAscii(bytes: Uint8Array, needle: string, window = bytes.length, from = 0): number {
  const codes = [...needle].map((c) => c.charCodeAt(0))
  const last = Math.min(bytes.length, window) - codes.length
  for (let i = from; i <= last; i++) if (bytesAt(bytes, i, codes)) return i
  return -1
}

/** Whether `codes` are the bytes at `i`. A plain loop: a closure over `i` in the scan above made V8 allocate per byte. */
function bytesAt(bytes: Uint8Array, i: number, codes: readonly number[]): boolean {
  for (let j = 0; j < codes.length; j++) if (bytes[i + j] !== codes[j]) return false
  return true
}

/** Formats a reader might be handed by mistake; named so the user knows what they have. */
const BINARY_MAGICS: Array<{ bytes: number[]; code: string; what: string }> = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], code: 'image', what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], code: 'image', what: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], code: 'image', what: 'a GIF image' },
  { bytes: [0x49, 0x49, 0x2a, 0x00], code: 'image', what: 'a TIFF image' },
  { bytes: [0x4d, 0x4d, 0x00, 0x2a], code: 'image', what: 'a TIFF image' },
  { bytes: [0x1f, 0x8b], code: 'archive', what: 'a gzip archive' },
  { bytes: [0x52, 0x61, 0x72, 0x21], code: 'archive', what: 'a RAR archive' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf], code: 'archive', what: 'a 7-Zip archive' },
]

function knownBinary(bytes: Uint8Array): SniffedWithText | undefined {
  const hit = BINARY_MAGICS.find((m) => startsWith(bytes, m.bytes))
  return hit && unreadable(hit.code, `the file is ${hit.what}, not a document cnreport can read (.docx, PDF or text)`)
}

/**
 * A ZIP is a DOCX when its central directory names `word/document.xml` (ECMA-376 Part 2:
 * the main part of a WordprocessingML package). Other OOXML/ODF packages get their name.
 */
function sniffZip(bytes: Uint8Array): SniffedWithText {
  const names = zipEntryNames(bytes)
  if (names.includes('word/document.xml')) return { kind: 'docx' }
  if (names.length === 0)
    return unreadable('zip-not-docx', 'the file starts like a ZIP archive but no entries can be read (it is truncated or corrupt)')
  const what = names.includes('xl/workbook.xml')
    ? 'an Excel workbook (.xlsx)'
    : names.includes('ppt/presentation.xml')
      ? 'a PowerPoint presentation (.pptx)'
      : names.includes('mimetype') && names.includes('content.xml')
        ? 'an OpenDocument file (.odt/.ods)'
        : 'a ZIP archive'
  return unreadable('zip-not-docx', `the file is ${what} but not a Word document (it has no word/document.xml)`)
}

const u16 = (b: Uint8Array, i: number): number => (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8)
const u32 = (b: Uint8Array, i: number): number => (u16(b, i) | (u16(b, i + 2) << 16)) >>> 0

/**
 * Entry names from the central directory (APPNOTE.TXT §4.3.16: the end record sits in the
 * last 22 + 65535 bytes). A truncated download has no directory: fall back to walking the
 * local file headers from the start, so a cut-off DOCX is still handed to the DOCX reader,
 * which can then say precisely what is wrong.
 */
function zipEntryNames(bytes: Uint8Array): string[] {
  const names: string[] = []
  const decoder = new TextDecoder('utf-8')
  const eocd = findEndOfCentralDirectory(bytes)
  if (eocd !== -1) {
    const count = u16(bytes, eocd + 10)
    let p = u32(bytes, eocd + 16)
    for (let i = 0; i < count && p + 46 <= bytes.length && u32(bytes, p) === 0x02014b50; i++) {
      const nameLength = u16(bytes, p + 28)
      names.push(decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength)))
      p += 46 + nameLength + u16(bytes, p + 30) + u16(bytes, p + 32)
    }
    if (names.length > 0) return names
  }
  // Local headers: the compressed size may be deferred to a data descriptor (bit 3), so
  // search for the next signature instead of trusting it.
  for (let p = 0; p + 30 <= bytes.length; ) {
    if (u32(bytes, p) !== 0x04034b50) break
    const nameLength = u16(bytes, p + 26)
    names.push(decoder.decode(bytes.subarray(p + 30, p + 30 + nameLength)))
    const next = indexOfAscii(bytes, 'PK\x03\x04', bytes.length, p + 30 + nameLength)
    if (next === -1) break
    p = next
  }
  return names
}

function findEndOfCentralDirectory(bytes: Uint8Array): number {
  const stop = Math.max(0, bytes.length - 22 - 0xffff)
  for (let p = bytes.length - 22; p >= stop; p--) if (u32(bytes, p) === 0x06054b50) return p
  return -1
}

/**
 * OLE2 compound files are legacy Office documents. The directory stores stream names in
 * UTF-16LE; "WordDocument" marks Word 97–2003, "Workbook" Excel.
 */
function sniffOle2(bytes: Uint8Array): SniffedWithText {
  const has = (name: string): boolean => indexOfAscii(bytes, [...name].map((c) => `${c}\0`).join('')) !== -1
  const what = has('WordDocument')
    ? 'a legacy Word document (.doc, Word 97–2003)'
    : has('Workbook')
      ? 'a legacy Excel workbook (.xls)'
      : 'a legacy Microsoft Office file (OLE2 compound document, e.g. .doc or .xls)'
  return unreadable(
    'legacy-office',
    `the file is ${what}, which cnreport cannot read; save it as .docx or PDF first`,
  )
}
