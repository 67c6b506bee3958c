/**
 * word/numbering.xml: the list definitions Word numbers paragraphs with (ECMA-376 Part 1
 * §17.9). A paragraph names a *num* (`w:numId`) and a level (`w:ilvl`); the num points to
 * an *abstractNum* holding nine level definitions, and may override a level's start value
 * or the whole level. An abstractNum may also just link to a numbering style
 * (`w:numStyleLink`), whose num holds the real definition.
 */
import { childElements, childVal, firstChild, intVal, parseXml, type XmlElement } from './docx-xml.js'
import type { Styles } from './docx-styles.js'

/** One level of a list: how its number is counted and shown. */
export interface LevelDef {
  /** `w:start`; the spec's default is 0. */
  start: number
  /** `w:numFmt`, e.g. decimal, chineseCounting, decimalEnclosedCircle, bullet, none. */
  numFmt: string
  /** `w:lvlText` with %1…%9 placeholders, e.g. `%1、`, `（%1）`, `%1.%2`. */
  lvlText: string
  /** `w:lvlRestart`, 1-based level after which this one restarts; 0 = never. Absent = after any higher level. */
  restart?: number
  /** `w:isLgl`: every placeholder shown as an Arabic numeral. */
  isLgl: boolean
  /** `w:suff`: what follows the number. */
  suffix: 'tab' | 'space' | 'nothing'
  /** `w:pStyle`: the paragraph style this level is attached to. */
  pStyle?: string
  /** `w:rPr/w:vanish`: the number is hidden. */
  hidden: boolean
}

export interface AbstractNumDef {
  id: string
  levels: Map<number, LevelDef>
  numStyleLink?: string
}

export interface NumDef {
  id: string
  abstractNumId: string
  /** `w:lvlOverride` per level: a new start value and/or a replacement level. */
  overrides: Map<number, { start?: number; level?: LevelDef }>
}

export interface NumberingDefs {
  abstracts: Map<string, AbstractNumDef>
  nums: Map<string, NumDef>
}

export const NO_NUMBERING: NumberingDefs = { abstracts: new Map(), nums: new Map() }

export function readNumberingDefs(xml: string | undefined): NumberingDefs {
  if (xml === undefined) return NO_NUMBERING
  const root = firstChild(parseXml(xml), 'w:numbering')
  const abstracts = new Map<string, AbstractNumDef>()
  for (const el of childElements(root, 'w:abstractNum')) {
    const id = el.attributes['w:abstractNumId']
    if (id === undefined) continue
    const levels = new Map<number, LevelDef>()
    for (const lvl of childElements(el, 'w:lvl')) levels.set(intVal(lvl.attributes['w:ilvl']) ?? 0, readLevel(lvl))
    const link = childVal(el, 'w:numStyleLink')
    abstracts.set(id, { id, levels, ...(link !== undefined ? { numStyleLink: link } : {}) })
  }
  const nums = new Map<string, NumDef>()
  for (const el of childElements(root, 'w:num')) {
    const id = el.attributes['w:numId']
    const abstractNumId = childVal(el, 'w:abstractNumId')
    if (id === undefined || abstractNumId === undefined) continue
    const overrides: NumDef['overrides'] = new Map()
    for (const ov of childElements(el, 'w:lvlOverride')) {
      const start = intVal(childVal(ov, 'w:startOverride'))
      const lvl = firstChild(ov, 'w:lvl')
      overrides.set(intVal(ov.attributes['w:ilvl']) ?? 0, {
        ...(start !== undefined ? { start } : {}),
        ...(lvl ? { level: readLevel(lvl) } : {}),
      })
    }
    nums.set(id, { id, abstractNumId, overrides })
  }
  return { abstracts, nums }
}

function readLevel(lvl: XmlElement): LevelDef {
  const suff = childVal(lvl, 'w:suff')
  const pStyle = childVal(lvl, 'w:pStyle')
  const isLgl = firstChild(lvl, 'w:isLgl')
  const vanish = firstChild(firstChild(lvl, 'w:rPr'), 'w:vanish')
  const restart = intVal(childVal(lvl, 'w:lvlRestart'))
  return {
    start: intVal(childVal(lvl, 'w:start')) ?? 0,
    numFmt: childVal(lvl, 'w:numFmt') ?? 'decimal',
    lvlText: childVal(lvl, 'w:lvlText') ?? '',
    ...(restart !== undefined ? { restart } : {}),
    isLgl: isLgl !== undefined && isOn(isLgl.attributes['w:val']),
    suffix: suff === 'space' || suff === 'nothing' ? suff : 'tab',
    ...(pStyle !== undefined ? { pStyle } : {}),
    hidden: vanish !== undefined && isOn(vanish.attributes['w:val']),
  }
}

/** ST_OnOff: an element without w:val is on. */
function isOn(val: string | undefined): boolean {
  return val === undefined || !['0', 'false', 'off'].includes(val)
}

/**
 * The abstractNum a num counts with, following numStyleLink through the numbering style
 * (§17.9.21). Lists that share an abstractNum share their counters.
 */
export function abstractOf(defs: NumberingDefs, styles: Styles, numId: string): AbstractNumDef | undefined {
  const seen = new Set<string>()
  for (let id: string | undefined = numId; id !== undefined && !seen.has(id); ) {
    seen.add(id)
    const abstract = defs.abstracts.get(defs.nums.get(id)?.abstractNumId ?? '')
    if (!abstract || abstract.numStyleLink === undefined) return abstract
    id = styles.byId.get(abstract.numStyleLink)?.numId
  }
  return undefined
}

/** The definition of level `ilvl` as num `numId` shows it: a num's level override wins. */
export function levelOf(defs: NumberingDefs, abstract: AbstractNumDef, numId: string, ilvl: number): LevelDef | undefined {
  return defs.nums.get(numId)?.overrides.get(ilvl)?.level ?? abstract.levels.get(ilvl)
}
