/**
 * Rates a report defines by formula: 预算完成率=（上年结转+年初预算+本年追加预算-年末结余/…）
 * ×100%. Scoring tables and narratives write such definitions, and a record identity must not
 * check a rate against amounts the report itself does not divide: 002-style reports define
 * 预算完成率 through 年末结余, not through 执行数.
 */
import { normalizePart } from './record-reading.js'

export interface RateFormula {
  /** The rate as named, normalised: 预算完成率. */
  name: string
  /** Text before the division sign. */
  numerator: string
  /** Text after it, up to ×100%. */
  denominator: string
}

// name = body ×100%: the name is the run of CJK (and quotes) ending in 率 right before = or ＝.
const FORMULA = /([\u4e00-\u9fff“”"‘’]{2,24}率)\s*[=＝]\s*([^=＝\n]{3,160}?)[×xX*]\s*100\s*[%％]/g

/** Where a formula's name ends: 率 and its equals sign. */
const CUE = /率\s*[=＝]/g
/** Most characters the name may have before its 率 ({2,24}). */
const MAX_NAME_BEFORE_RATE = 24

/**
 * The matches of FORMULA over the whole text, in order, as `text.matchAll(FORMULA)` gives
 * them — without running it at every position: its name part backtracks over up to 24
 * Chinese characters at each (≈ 2% of a TXT analysis, on reports with no formula at all). A
 * match starts at most 24 characters before the 率= it ends its name with, and at least 2,
 * so only those positions before each 率= are tried, in text order, past the last match.
 */
function formulaMatches(text: string): RegExpExecArray[] {
  const cues = new RegExp(CUE.source, 'g')
  const at = new RegExp(FORMULA.source, 'y')
  const out: RegExpExecArray[] = []
  let next = 0 // no match starts before this: the previous one ends here, or the positions before failed
  for (let cue = cues.exec(text); cue; cue = cues.exec(text)) {
    for (let p = Math.max(next, cue.index - MAX_NAME_BEFORE_RATE); p <= cue.index - 2; p++) {
      at.lastIndex = p
      const m = at.exec(text)
      next = p + 1
      if (!m) continue
      out.push(m)
      next = p + m[0].length
      break
    }
  }
  return out
}

const cache = new WeakMap<object, Map<string, RateFormula>>()

/** Every rate formula in the text, by normalised rate name (the last definition wins). */
/** `doc` is the analysed document (or anything with its text); results are cached per object. */
export function rateFormulas(doc: { text: string }): Map<string, RateFormula> {
  const hit = cache.get(doc)
  if (hit) return hit
  const out = new Map<string, RateFormula>()
  for (const m of formulaMatches(doc.text)) {
    const body = m[2]!
    const split = body.search(/[/÷]/)
    if (split < 0) continue
    const name = normalizePart(m[1]!)
    out.set(name, { name, numerator: body.slice(0, split), denominator: body.slice(split + 1) })
  }
  cache.set(doc, out)
  return out
}
