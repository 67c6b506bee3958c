/**
 * Word auto-numbering, recomputed: the text Word shows before each numbered paragraph
 * (一、 （一） 1. ① 1.2 …), which mammoth drops.
 *
 * Word's rules (ECMA-376 Part 1 §17.9), as applied here in document order:
 * - a paragraph's list is its own `w:numPr`, else its style's (through `w:basedOn`);
 *   numId 0 means "not numbered"; a missing level is the style's, else the level whose
 *   `w:pStyle` names the paragraph's style, else 0;
 * - counters belong to the abstract definition, so two nums sharing one continue each
 *   other's count — except where a num overrides a level's start (`w:startOverride`,
 *   what "Restart numbering" writes): that level starts afresh where the num first appears;
 * - using a level advances its counter (the first use shows its start value) and resets
 *   the deeper levels, unless their `w:lvlRestart` says they restart only after a level
 *   higher up (0: never);
 * - `w:lvlText` shows each %n as level n's counter in level n's format (all Arabic when
 *   `w:isLgl`); a level not yet used shows its start value.
 */
import { formatNumber } from './docx-number-format.js'
import { abstractOf, levelOf, type AbstractNumDef, type LevelDef, type NumberingDefs } from './docx-numbering-defs.js'
import type { XmlParagraph } from './docx-paragraphs.js'
import { inherited, styleChain, type StyleDef, type Styles } from './docx-styles.js'

/** Word has nine list levels, 0–8. */
const LEVELS = 9

interface ListState {
  counters: Array<number | undefined>
  seenNums: Set<string>
}

/**
 * The number text of each paragraph (index-aligned with `paragraphs`), suffix included
 * (see `suffixText`); undefined for paragraphs Word does not number, bullets included.
 */
export function numberParagraphs(paragraphs: XmlParagraph[], defs: NumberingDefs, styles: Styles): Array<string | undefined> {
  const states = new Map<string, ListState>()
  return paragraphs.map((p) => {
    const chain = styleChain(styles, p.styleId)
    const numId = p.numId ?? inherited(chain, 'numId')
    if (numId === undefined || numId === '0') return undefined
    const abstract = abstractOf(defs, styles, numId)
    if (!abstract) return undefined
    const ilvl = clampLevel(p.ilvl ?? inherited(chain, 'ilvl') ?? levelLinkedTo(abstract, chain) ?? 0)
    const level = levelOf(defs, abstract, numId, ilvl)
    if (!level) return undefined

    let state = states.get(abstract.id)
    if (!state) states.set(abstract.id, (state = { counters: [], seenNums: new Set() }))
    const startOf = (l: number): number => defs.nums.get(numId)?.overrides.get(l)?.start ?? levelOf(defs, abstract, numId, l)?.start ?? 0
    if (!state.seenNums.has(numId)) {
      state.seenNums.add(numId)
      for (const [l, override] of defs.nums.get(numId)?.overrides ?? []) if (override.start !== undefined) state.counters[l] = undefined
    }
    const current = state.counters[ilvl]
    state.counters[ilvl] = current === undefined ? startOf(ilvl) : current + 1
    for (let d = ilvl + 1; d < LEVELS; d++) {
      const restart = levelOf(defs, abstract, numId, d)?.restart
      if (restart === 0) continue
      if (restart === undefined || ilvl < restart) state.counters[d] = undefined
    }

    if (level.hidden || level.numFmt === 'bullet') return undefined
    const counters = state.counters
    const text = level.lvlText.replace(/%([1-9])/g, (_, k: string) => {
      const l = Number(k) - 1
      const def = levelOf(defs, abstract, numId, l)
      if (!def) return ''
      return formatNumber(counters[l] ?? startOf(l), level.isLgl ? 'decimal' : def.numFmt)
    })
    return text === '' ? undefined : text + suffixText(text, level)
  })
}

function clampLevel(ilvl: number): number {
  return Math.min(LEVELS - 1, Math.max(0, ilvl))
}

/** The level of `abstract` attached to one of the paragraph's styles by `w:pStyle`. */
function levelLinkedTo(abstract: AbstractNumDef, chain: StyleDef[]): number | undefined {
  for (const style of chain) for (const [ilvl, level] of abstract.levels) if (level.pStyle === style.id) return ilvl
  return undefined
}

/** Ends of number texts after which nothing more is needed: 一、 1. （一） 第一章： ① ⑴ ⒈ ㈠ */
const CLOSED = /[、.．)）:：\]】」』\u2460-\u24ff\u3220-\u3229\u3251-\u325f\u3280-\u3289\u32b1-\u32bf]$/u

/**
 * What separates the number from the paragraph text. Word's default is a TAB, which our
 * text cannot carry at that place without looking like table structure or leaking into
 * titles; it becomes nothing after punctuation (一、部门概况, as such reports are typed)
 * and one space otherwise (第一章 总则).
 */
export function suffixText(numberText: string, level: Pick<LevelDef, 'suffix'>): string {
  if (level.suffix === 'nothing') return ''
  if (level.suffix === 'space') return ' '
  return CLOSED.test(numberText) ? '' : ' '
}
