/**
 * The region a report belongs to: province, city and county of the issuing department, with
 * the 6-digit division code of the most specific level resolved. The department name is the
 * anchor (长春市朝阳区应急管理局 → 长春市 › 朝阳区); a county name shared by several places
 * (朝阳区: 北京市 and 长春市) is settled only by the text naming one of their cities or
 * provinces, never guessed: otherwise it stays unresolved with an info diagnostic saying why.
 */
import type { Region } from '../contract.js'
import { result, type Diagnostic, type Result } from '../result.js'
import { gazetteer, type Gazetteer, type Place } from './gazetteer.js'

/** A place name at the start of a department name and the places it may denote. */
export interface PlaceMention {
  /** As written: 张家口市, 察北区. */
  surface: string
  places: Place[]
}

/**
 * The chain of place names a department name starts with (长春市朝阳区应急管理局 → 长春市, 朝阳区),
 * each narrowed to the places inside the ones before it. Stops at the first non-place text.
 */
export function placeChain(name: string, g: Gazetteer = gazetteer()): PlaceMention[] {
  const chain: PlaceMention[] = []
  let at = 0
  while (at < name.length) {
    const hit = g.matchAt(name, at)
    if (!hit) break
    const outer = chain.at(-1)?.places
    let places = unique(hit.names.map((n) => n.place))
    // Only narrow downwards: 湖南省醴陵市 keeps 醴陵市 under 湖南省; an impossible pair keeps the later name's places.
    if (outer?.length) {
      const inside = places.filter((p) => outer.some((o) => o !== p && g.contains(o, p)))
      if (inside.length) places = inside
      else if (places.some((p) => outer.includes(p))) break // the same place written twice is not a chain
    }
    chain.push({ surface: hit.surface, places })
    at += hit.surface.length
  }
  return chain
}

/** How a region was settled; `evidence` names what in the text decided an ambiguous county. */
export interface RegionResolution {
  region: Region | null
  /** The place resolved, when one was. */
  place: Place | null
  /** The chain of place names at the start of the department name. */
  chain: PlaceMention[]
}

/**
 * Resolves the department's region. `text` supplies evidence for ambiguous names: the place
 * whose city or province the text names most often wins; a tie or no mention leaves it open.
 */
export function resolveRegion(department: string | null, text: string, g: Gazetteer = gazetteer()): Result<RegionResolution> {
  const none = (diagnostics: Diagnostic[], chain: PlaceMention[] = []) => result<RegionResolution>({ region: null, place: null, chain }, diagnostics)
  if (!department) return none([info('region-unresolved', '未识别部门名称，地区无法确定')])
  const chain = placeChain(department, g)
  const last = chain.at(-1)
  if (!last) return none([info('region-unresolved', `部门名称“${department}”不以可识别的地名开头，地区无法确定`)])

  let candidates = last.places
  const diagnostics: Diagnostic[] = []
  if (candidates.length > 1) {
    const scored = candidates.map((p) => ({ p, score: evidence(p, text, g) }))
    const best = Math.max(...scored.map((s) => s.score))
    const winners = scored.filter((s) => s.score === best)
    if (best > 0 && winners.length === 1) candidates = [winners[0]!.p]
    else {
      const listed = candidates.map((p) => `${describe(p, g)}（${p.code}）`).join('、')
      diagnostics.push(
        info(
          'region-ambiguous',
          `“${last.surface}”可指 ${listed}，正文${best > 0 ? '对它们的上级地名提及次数相同' : '未提及其所属市或省'}，地区未确定`,
        ),
      )
      return result({ region: common(candidates, last.surface, g), place: null, chain }, diagnostics)
    }
  }
  const place = candidates[0]!
  return result({ region: regionOf(place, last.surface, g), place, chain }, diagnostics)
}

/** How often the text names the place's city and province (full names and stems: 长春市, 长春, 吉林省, 吉林). */
function evidence(place: Place, text: string, g: Gazetteer): number {
  let score = 0
  const city = g.cityOf(place)
  if (city && city !== place) for (const n of g.namesOf(city, true)) score += 2 * occurrences(text, n)
  const province = g.provinceOf(place)
  if (province !== place) for (const n of g.namesOf(province, true)) score += occurrences(text, n)
  return score
}

function occurrences(text: string, needle: string): number {
  let n = 0
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + needle.length)) n++
  return n
}

/**
 * The Region of a resolved place. The county is shown as the document writes it when the
 * official name carries its parents (张家口市察北管理区 → 察北区), else by its official name.
 */
export function regionOf(place: Place, surface: string, g: Gazetteer = gazetteer()): Region {
  const province = g.provinceOf(place).name
  if (place.level === 'province') return { province, city: null, county: null, code: place.code }
  if (place.level === 'city') return { province, city: place.name, county: null, code: place.code }
  const city = g.cityOf(place)?.name ?? (g.municipalities.has(place.provinceCode) ? province : null)
  return { province, city, county: countyName(place, surface, g), code: place.code }
}

function countyName(place: Place, surface: string, g: Gazetteer): string {
  const city = g.cityOf(place)
  const parents = [g.provinceOf(place), ...(city ? [city] : [])].flatMap((p) => g.namesOf(p, true))
  if (!parents.some((p) => place.name.startsWith(p))) return place.name
  // Prefer the written form without parents; the alias list has it when the text used the long one.
  const bare = g.namesOf(place).filter((n) => !parents.some((p) => n.startsWith(p)))
  return bare.includes(surface) ? surface : (bare.at(-1) ?? place.name)
}

/** What several candidates share (朝阳区 under two provinces: only the county name). */
function common(places: Place[], surface: string, g: Gazetteer): Region {
  const provinces = new Set(places.map((p) => p.provinceCode))
  const cities = new Set(places.map((p) => p.cityCode))
  const first = places[0]!
  return {
    province: provinces.size === 1 ? g.provinceOf(first).name : null,
    city: cities.size === 1 && first.cityCode ? (g.byCode.get(first.cityCode)?.name ?? null) : null,
    county: places.every((p) => p.level === 'county') ? surface : null,
    code: null,
  }
}

function describe(place: Place, g: Gazetteer): string {
  const parts = [g.provinceOf(place).name]
  const city = g.cityOf(place)
  if (city && city !== place) parts.push(city.name)
  if (place.level !== 'province') parts.push(place.name)
  return parts.join('')
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)]
}

function info(code: string, message: string): Diagnostic {
  return { level: 'info', code, message }
}
