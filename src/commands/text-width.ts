/**
 * Terminal column widths for tables mixing Chinese and ASCII: a CJK character takes two
 * columns (East Asian Width W/F), so padding by `.length` would misalign every row with Chinese
 * in it. Ambiguous-width characters (“ ” ·) count as one, as most terminals draw them.
 */

/** Code point ranges of East Asian Wide and Fullwidth characters (UAX #11), the common blocks. */
const WIDE: ReadonlyArray<readonly [number, number]> = [
  [0x1100, 0x115f], // Hangul Jamo initials
  [0x2e80, 0x303e], // CJK radicals, Kangxi radicals, CJK symbols and punctuation (、。「」)
  [0x3041, 0x33ff], // kana, bopomofo, CJK compatibility
  [0x3400, 0x4dbf], // CJK extension A
  [0x4e00, 0x9fff], // CJK unified ideographs
  [0xa000, 0xa4cf], // Yi
  [0xac00, 0xd7a3], // Hangul syllables
  [0xf900, 0xfaff], // CJK compatibility ideographs
  [0xfe30, 0xfe4f], // CJK compatibility forms
  [0xff00, 0xff60], // fullwidth forms (，：（）０-９)
  [0xffe0, 0xffe6], // fullwidth signs (￥)
  [0x20000, 0x3fffd], // CJK extensions B and later
]

function charWidth(codePoint: number): number {
  if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint < 0xa0)) return 0
  for (const [lo, hi] of WIDE) if (codePoint >= lo && codePoint <= hi) return 2
  return 1
}

/** Columns `text` takes on a terminal. */
export function displayWidth(text: string): number {
  let width = 0
  for (const ch of text) width += charWidth(ch.codePointAt(0)!)
  return width
}

/** `text` cut to at most `width` columns, ending in … when something was cut. */
export function truncateEnd(text: string, width: number): string {
  if (displayWidth(text) <= width) return text
  let out = ''
  let used = 0
  for (const ch of text) {
    const w = charWidth(ch.codePointAt(0)!)
    if (used + w > width - 1) break
    out += ch
    used += w
  }
  return out + '…'
}

/** `text` cut from the left to at most `width` columns, so the end of a path stays visible. */
export function truncateStart(text: string, width: number): string {
  if (displayWidth(text) <= width) return text
  const chars = [...text]
  let out = ''
  let used = 0
  for (let i = chars.length - 1; i >= 0; i--) {
    const w = charWidth(chars[i]!.codePointAt(0)!)
    if (used + w > width - 1) break
    out = chars[i]! + out
    used += w
  }
  return '…' + out
}

/** `text` padded with spaces to `width` columns (never cut). */
export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)))
}
