/**
 * Bytes → text for plain-text reports, decided from the bytes alone.
 *
 * Chinese government sites publish TXT in UTF-8 (with or without BOM), GB18030/GBK and
 * now and then UTF-16 (Windows Notepad's "Unicode"). The decoded text is the file with
 * only the BOM removed: no newline or width normalisation, so every offset computed
 * later indexes the text the user can open (DESIGN.md §2, one position encoding).
 */
import type { Diagnostic } from '../result.js'

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030'

/** A successful decode: the text and how it was obtained. */
export interface Decoded {
  /** The decoded file, BOM removed, nothing else changed. */
  text: string
  encoding: TextEncodingName
  /** True when a byte-order mark was found (and removed). */
  bom: boolean
  /** Info notes for the reader to pass on (e.g. the GB18030 fallback). */
  diagnostics: Diagnostic[]
}

/** Why bytes are not text; `reason` completes "the file is binary, not text: …". */
export interface Undecodable {
  reason: string
}

/** How many leading bytes are inspected for NUL bytes, as git does (8000) rounded up. */
const NUL_WINDOW = 8192

/**
 * Share of control characters above which decoded text is judged binary. Text files carry
 * at most a stray form feed; binaries decoded as GB18030 (which accepts most byte pairs)
 * show several percent.
 * @default 0.02
 */
export const CONTROL_SHARE_LIMIT = 0.02

export function decodeText(bytes: Uint8Array): Decoded | Undecodable {
  const bom = detectBom(bytes)
  if (bom) return finish(bytes.subarray(bom.length), bom.encoding, true)

  const utf16 = guessBomlessUtf16(bytes)
  if (utf16) return finish(bytes, utf16, false)

  if (hasNul(bytes)) return { reason: 'it contains NUL bytes' }

  const utf8 = tryDecode('utf-8', bytes)
  if (utf8 !== undefined) return checkControls({ text: utf8, encoding: 'utf-8', bom: false, diagnostics: [] })

  const gb = tryDecode('gb18030', bytes)
  if (gb !== undefined)
    return checkControls({
      text: gb,
      encoding: 'gb18030',
      bom: false,
      diagnostics: [
        {
          level: 'info',
          code: 'txt-decoded-gb18030',
          message: 'the file is not valid UTF-8; it was decoded as GB18030 (GBK)',
        },
      ],
    })
  return { reason: 'its bytes are neither UTF-8, UTF-16 nor GB18030 text' }
}

export function isDecoded(d: Decoded | Undecodable): d is Decoded {
  return 'text' in d
}

function finish(body: Uint8Array, encoding: TextEncodingName, bom: boolean): Decoded | Undecodable {
  const text = tryDecode(encoding, body)
  if (text === undefined) return { reason: `it announces ${encoding.toUpperCase()} but its bytes are not valid ${encoding.toUpperCase()}` }
  const diagnostics: Diagnostic[] =
    encoding === 'utf-16le' || encoding === 'utf-16be'
      ? [{ level: 'info', code: 'txt-decoded-utf16', message: `the file was decoded as ${encoding.toUpperCase()}` }]
      : []
  return checkControls({ text, encoding, bom, diagnostics })
}

function detectBom(bytes: Uint8Array): { encoding: TextEncodingName; length: number } | undefined {
  const [a, b, c] = bytes
  if (a === 0xef && b === 0xbb && c === 0xbf) return { encoding: 'utf-8', length: 3 }
  if (a === 0xff && b === 0xfe) return { encoding: 'utf-16le', length: 2 }
  if (a === 0xfe && b === 0xff) return { encoding: 'utf-16be', length: 2 }
  return undefined
}

/**
 * UTF-16 without BOM: ASCII characters (digits, line breaks, spaces) put a NUL in every
 * other byte, all on the same side. Binaries have NULs on both sides.
 */
function guessBomlessUtf16(bytes: Uint8Array): TextEncodingName | undefined {
  const n = Math.min(bytes.length, NUL_WINDOW) & ~1
  if (n < 4) return undefined
  let evenNul = 0
  let oddNul = 0
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++
    if (bytes[i + 1] === 0) oddNul++
  }
  const pairs = n / 2
  if (oddNul >= pairs * 0.1 && evenNul === 0) return 'utf-16le'
  if (evenNul >= pairs * 0.1 && oddNul === 0) return 'utf-16be'
  return undefined
}

function hasNul(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, NUL_WINDOW)
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true
  return false
}

function tryDecode(encoding: TextEncodingName, bytes: Uint8Array): string | undefined {
  try {
    // ignoreBOM: the BOM has been handled (and must not be stripped twice, e.g. a ZWNBSP
    // that is really the first character of a BOM-less file).
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes)
  } catch {
    return undefined
  }
}

/** C0 controls other than tab, line feed, vertical tab, form feed and carriage return; DEL; C1. */
function isControl(code: number): boolean {
  if (code < 0x20) return code !== 0x09 && code !== 0x0a && code !== 0x0b && code !== 0x0c && code !== 0x0d
  return code === 0x7f || (code >= 0x80 && code <= 0x9f)
}

function checkControls(decoded: Decoded): Decoded | Undecodable {
  const { text } = decoded
  let controls = 0
  let nul = false
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code === 0) nul = true
    if (isControl(code)) controls++
  }
  if (nul) return { reason: 'it contains NUL characters' }
  if (text.length > 0 && controls / text.length > CONTROL_SHARE_LIMIT) {
    const pct = ((controls / text.length) * 100).toFixed(1)
    return { reason: `${pct}% of its characters are control characters` }
  }
  return decoded
}
