/**
 * A fixed set of characters tested by UTF-16 code unit. Labels, sentences and clauses are
 * found by scanning back from each figure to a stop character; written as
 * `/[。！？\n]/.test(text[p - 1])` every step builds a one-character string (V8 shares only
 * Latin-1 ones, and reports are Chinese) and enters the regex engine — per figure, over whole
 * sentences. A set of code units answers the same question for a regex character class of
 * literal characters (no \s, no ranges), code unit by code unit as the regex does without /u.
 */
export class CharClass {
  /** 1 at each member's code unit: a typed array answers faster than a Set (64 KB per class, a handful of classes). */
  private readonly members = new Uint8Array(0x10000)

  /** `chars`: every member, literally (UTF-16 code units). */
  constructor(chars: string) {
    for (let i = 0; i < chars.length; i++) this.members[chars.charCodeAt(i)] = 1
  }

  /** Whether the code unit at `at` is in the class (false outside the text). */
  at(text: string, at: number): boolean {
    return at >= 0 && at < text.length && this.members[text.charCodeAt(at)] === 1
  }

  /**
   * The start of the run that ends at `end` and holds no member: the first position after the
   * last member before `end`, never before `floor`.
   */
  runStart(text: string, end: number, floor = 0): number {
    let p = end
    while (p > floor && this.members[text.charCodeAt(p - 1)] !== 1) p--
    return p
  }
}

/** The characters of the regex class \s (ECMAScript WhiteSpace and LineTerminator), for classes that include it. */
export const WHITESPACE = '\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff'

/**
 * Characters that end a sentence. A figure is read with the words of its own sentence before
 * it — by its label (narrative-label.ts), the record (normalize/record.ts) and the checks
 * (validate/relations/record-reading.ts) alike — so the three agree on where a sentence starts.
 */
export const SENTENCE_END = new CharClass('。！？!?\n')
