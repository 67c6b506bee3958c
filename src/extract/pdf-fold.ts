/**
 * Folds the look-alike code points some PDF fonts map their glyphs to back to the
 * ideographs they stand for: Kangxi radicals (⼀ U+2F00 for 一), CJK radicals that
 * double as simplified characters (⻓ for 长), CJK compatibility ideographs. The fold is
 * per character, so the reader can fold each glyph as it writes it and every span of
 * the rendered text stays true (`raw === text.slice(start, end)`).
 *
 * Full-width letters, digits and punctuation are NOT folded: they are what the report
 * wrote (（一）, ：, ％), the TXT renderings keep them, and the figure grammar reads them.
 */

/**
 * Radicals with no NFKC decomposition that fonts nevertheless use for the everyday
 * character (Unicode CJKRadicals.txt pairs each with its ideograph).
 */
const SIMPLIFIED_RADICALS: Record<string, string> = {
  '\u2EA0': '民',
  '\u2EA9': '王',
  '\u2EAC': '示',
  '\u2EAE': '竹',
  '\u2EAF': '糸',
  '\u2EB6': '羊',
  '\u2EC1': '虎',
  '\u2EC4': '西',
  '\u2EC5': '见',
  '\u2EC6': '角',
  '\u2EC9': '贝',
  '\u2ECB': '车',
  '\u2ED1': '長',
  '\u2ED3': '长',
  '\u2ED4': '门',
  '\u2ED7': '雨',
  '\u2ED8': '青',
  '\u2ED9': '韦',
  '\u2EDA': '页',
  '\u2EDB': '风',
  '\u2EDC': '飞',
  '\u2EDD': '食',
  '\u2EE2': '马',
  '\u2EE3': '骨',
  '\u2EE5': '鱼',
  '\u2EE6': '鸟',
  '\u2EE8': '麦',
  '\u2EE9': '黄',
  '\u2EEC': '齐',
  '\u2EEE': '齿',
  '\u2EF0': '龙',
}

/** Blocks whose characters are look-alikes of unified ideographs. */
function isLookAlike(cp: number): boolean {
  return (
    (cp >= 0x2e80 && cp <= 0x2eff) || // CJK Radicals Supplement
    (cp >= 0x2f00 && cp <= 0x2fdf) || // Kangxi Radicals
    (cp >= 0xf900 && cp <= 0xfaff) || // CJK Compatibility Ideographs
    (cp >= 0x2f800 && cp <= 0x2fa1f) // CJK Compatibility Ideographs Supplement
  )
}

/** One character (a code point, possibly two UTF-16 units) folded; unchanged if not a look-alike. */
export function foldChar(ch: string): string {
  const cp = ch.codePointAt(0)
  if (cp === undefined || !isLookAlike(cp)) return ch
  return SIMPLIFIED_RADICALS[ch] ?? ch.normalize('NFKC')
}

/** A string folded character by character (code point by code point). */
export function foldText(s: string): string {
  let out = ''
  for (const ch of s) out += foldChar(ch)
  return out
}

/** True when `s` holds a character that `foldText` would change. */
export function needsFolding(s: string): boolean {
  for (const ch of s) if (foldChar(ch) !== ch) return true
  return false
}
