/**
 * The unit lexicon (data/units.json): what may follow a number, which kind of figure it
 * makes, and its normalised spelling. Matched longest-first at a position.
 */
import { z } from 'zod'
import { FIGURE_KINDS } from '../contract.js'
import { loadDataJson } from '../data-files.js'

export type FigureKind = (typeof FIGURE_KINDS)[number]

export interface UnitMatch {
  /** Normalised unit: 万元 % 个百分点 人 平方米 … */
  unit: string
  kind: FigureKind
  /** Length of the written unit in the text. */
  length: number
}

const UnitEntrySchema = z.object({
  text: z.string().min(1),
  kind: z.enum(FIGURE_KINDS),
  as: z.string().optional(),
  notBefore: z.string().optional(),
})

const UnitsFileSchema = z.object({
  units: z.array(UnitEntrySchema),
  bareMultipliers: z.record(z.string(), z.string()),
})

type UnitEntry = z.infer<typeof UnitEntrySchema>

interface Lexicon {
  /** Entries by first character (lower-cased for Latin units), longest text first. */
  byFirst: Map<string, UnitEntry[]>
  bareMultipliers: Record<string, string>
}

let lexicon: Lexicon | undefined

function load(): Lexicon {
  if (lexicon) return lexicon
  const file = UnitsFileSchema.parse(loadDataJson('units.json'))
  const byFirst = new Map<string, UnitEntry[]>()
  for (const entry of file.units) {
    const key = entry.text[0]!.toLowerCase()
    const list = byFirst.get(key) ?? []
    list.push(entry)
    byFirst.set(key, list)
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.text.length - a.text.length)
  lexicon = { byFirst, bareMultipliers: Object.fromEntries(Object.entries(file.bareMultipliers).filter(([k]) => !k.startsWith('$'))) }
  return lexicon
}

const LATIN = /[a-z]/i

/** The longest unit written at `pos`, unless the following character shows it is part of a word. */
export function matchUnit(text: string, pos: number): UnitMatch | null {
  const first = text[pos]
  if (first === undefined) return null
  const candidates = load().byFirst.get(first.toLowerCase())
  if (!candidates) return null
  for (const entry of candidates) {
    const written = text.slice(pos, pos + entry.text.length)
    const latin = LATIN.test(entry.text)
    if (latin ? written.toLowerCase() !== entry.text.toLowerCase() : written !== entry.text) continue
    const next = text[pos + entry.text.length]
    if (next !== undefined && entry.notBefore?.includes(next)) continue
    // "5km" is a unit; "5kmh" or "3mAh" is something else.
    if (latin && next !== undefined && LATIN.test(next)) continue
    return { unit: entry.as ?? entry.text, kind: entry.kind, length: entry.text.length }
  }
  return null
}

/** 万/亿 with no unit after them abbreviate money: 98万 → 万元. */
export function bareMultiplierUnit(ch: string): string | undefined {
  return load().bareMultipliers[ch]
}

/** Power of ten a money unit stands for, in 元. */
export function yuanPower(unit: string): number | undefined {
  switch (unit) {
    case '元':
      return 0
    case '千元':
      return 3
    case '万元':
      return 4
    case '亿元':
      return 8
    default:
      return undefined
  }
}
