/**
 * The issuing department of a report, by its fullest name: 长春市朝阳区应急管理局 rather than
 * 朝阳区应急管理局 when the text states both. Names are collected from where reports put them —
 * the title, a 预算单位名称 cell, a signature line at the end, 《…局…制度》 citations, and
 * any place-prefixed unit name in the text — weighted by how surely each source names the
 * issuer, grouped by unit (same ending, same most specific place), and the heaviest unit wins.
 */
import { z } from 'zod'
import { loadDataJson } from '../data-files.js'
import type { LineIndex, Span, Table } from '../document.js'
import { gazetteer, type Gazetteer } from './gazetteer.js'
import { placeChain, type RegionResolution } from './region.js'

const NamesSchema = z.object({
  suffixes: z.array(z.string().min(1)),
  organBreaks: z.string(),
  maxOrganLength: z.number().int().positive(),
  titleStops: z.array(z.string().min(1)),
  nameLabels: z.array(z.string().min(1)),
  signatureNoise: z.array(z.string().min(1)),
  orgPrefixes: z.array(z.string().min(1)),
  notOwnMarkers: z.array(z.string().min(1)),
})
type Names = z.infer<typeof NamesSchema>

let names: Names | undefined
function data(): Names {
  if (!names) {
    const parsed = NamesSchema.parse(loadDataJson('department-names.json'))
    parsed.suffixes.sort((a, b) => b.length - a.length)
    names = parsed
  }
  return names
}

/** Where a candidate name was found; the weight says how surely that place names the issuer. */
export type DepartmentSource = 'label' | 'title' | 'signature' | 'own-rules' | 'text'
const WEIGHT: Record<DepartmentSource, number> = { label: 5, title: 4, signature: 4, 'own-rules': 2, text: 1 }

export interface DepartmentMention extends Span {
  name: string
  source: DepartmentSource
}

export interface Department {
  /** The fullest name of the winning unit, e.g. 长春市朝阳区应急管理局. */
  name: string
  /** One place in the text where that exact form is written (the first). */
  span: Span
  /** Every candidate seen, in text order, for diagnostics and tests. */
  mentions: DepartmentMention[]
}

/** Does `s` look like a unit name: Chinese, 3–30 characters, ending in a unit ending? */
export function isDepartmentName(s: string): boolean {
  return /^[\u4e00-\u9fa5]{3,30}$/.test(s) && data().suffixes.some((x) => s.endsWith(x) && s.length > x.length)
}

/** Length of a leading 中共/共青团 before the place (中共醴陵市委宣传部 → 2). */
export function orgPrefixLength(name: string): number {
  return data().orgPrefixes.find((p) => name.startsWith(p) && name.length > p.length)?.length ?? 0
}

/**
 * Finds the department. `titles` are the document's title lines (level-0 headings); the
 * first lines of the text are tried too, since not every reader finds a title.
 */
export function findDepartment(text: string, lines: LineIndex, titles: Array<Span & { title: string }>, tables: Table[], g: Gazetteer = gazetteer()): Department | null {
  const mentions = [...fromTitles(text, lines, titles), ...fromLabels(text, lines, tables), ...fromSignature(text, lines), ...fromText(text, g)]
  mentions.sort((a, b) => a.start - b.start)
  return choose(mentions, g)
}

/** The title up to where it starts naming the report: 醴陵市应急管理局|2023年整体支出绩效评价报告. */
export function departmentInTitle(full: string): string | null {
  // 2022年度某县林业局部门整体…: a leading year belongs to the report, not the name.
  const title = full.replace(/^[\s　]*(关于)?[\s　]*\d{4}\s*年度?/, '')
  const stops = [...data().titleStops.map((s) => title.indexOf(s)), title.search(/\d{4}\s*年/)].filter((i) => i > 0)
  if (stops.length === 0) return null
  // 关于某局2022年度…的报告; 某局（本级）2022年…
  const head = title
    .slice(0, Math.min(...stops))
    .replace(/[\s　]+/g, '')
    .replace(/^关于/, '')
    .replace(/[（(【\[]+$/, '')
  return isDepartmentName(head) ? head : null
}

function fromTitles(text: string, lines: LineIndex, titles: Array<Span & { title: string }>): DepartmentMention[] {
  // The first three non-empty lines too: a title split over lines, or one the section finder missed.
  const heads: Array<Span & { title: string }> = [...titles]
  for (let line = 1, seen = 0; line <= lines.lineCount && seen < 3; line++) {
    const span = lines.lineSpan(line)
    const title = text.slice(span.start, span.end)
    if (!title.trim()) continue
    seen++
    heads.push({ ...span, title })
  }
  const out: DepartmentMention[] = []
  for (const h of heads) {
    const name = departmentInTitle(h.title) ?? (isDepartmentName(h.title.trim()) ? h.title.trim() : null)
    if (!name) continue
    const at = h.title.indexOf(name)
    const start = h.start + Math.max(0, at)
    if (!out.some((m) => m.start === start)) out.push({ name, source: 'title', start, end: start + name.length })
  }
  return out
}

/** 预算单位名称 | 张家口市察北区应急管理局 in a table row, or 单位名称：… on a line. */
function fromLabels(text: string, lines: LineIndex, tables: Table[]): DepartmentMention[] {
  const labels = new Set(data().nameLabels)
  const out: DepartmentMention[] = []
  for (const t of tables) {
    for (const row of t.rows) {
      row.forEach((cell, i) => {
        if (!labels.has(squash(cell.text))) return
        const value = row.slice(i + 1).find((c) => c.text.trim())
        const name = value && squash(value.text)
        if (value && name && isDepartmentName(name)) out.push({ name, source: 'label', start: value.start, end: value.end })
      })
    }
  }
  // TXT renderings of Word tables put each cell on its own tab-led line: label line, then value line.
  for (let line = 1; line <= lines.lineCount; line++) {
    const span = lines.lineSpan(line)
    const raw = text.slice(span.start, span.end)
    const m = /^[\s　]*([^:：\s]+)[\s　]*[:：]?[\s　]*(.*)$/.exec(raw)
    if (!m || !labels.has(m[1]!)) continue
    let value = m[2]!.trim()
    let start = span.start + raw.lastIndexOf(value)
    if (!value && line < lines.lineCount) {
      const next = lines.lineSpan(line + 1)
      value = text.slice(next.start, next.end).trim()
      start = next.start + text.slice(next.start, next.end).indexOf(value)
    }
    if (isDepartmentName(value) && !out.some((o) => o.start === start)) out.push({ name: value, source: 'label', start, end: start + value.length })
  }
  return out
}

/** A line at the end that is nothing but a unit name (the signature above the date). */
function fromSignature(text: string, lines: LineIndex): DepartmentMention[] {
  const out: DepartmentMention[] = []
  for (let line = lines.lineCount, seen = 0; line >= 1 && seen < 8; line--) {
    const span = lines.lineSpan(line)
    let name = text.slice(span.start, span.end).trim()
    if (!name) continue
    seen++
    for (const noise of data().signatureNoise) name = name.replace(noise, '').trim()
    if (!isDepartmentName(name)) continue
    const start = text.indexOf(name, span.start)
    out.push({ name, source: 'signature', start, end: start + name.length })
  }
  return out
}

/**
 * Every place-prefixed unit name in the text: 长春市朝阳区 + 应急管理局. Inside 《…》 it is the
 * unit's own rules (weight 2) unless the title is a notice or an opinion (a superior's).
 */
export function fromText(text: string, g: Gazetteer = gazetteer()): DepartmentMention[] {
  const { organBreaks, maxOrganLength, notOwnMarkers, orgPrefixes } = data()
  const out: DepartmentMention[] = []
  // The loop visits every character: the prefixes are tried only where one can start, and
  // no closure is made inside the loop — one over its variables made V8 allocate a context
  // for every character (≈ 1.5 MB per report, the largest allocation of the analysis).
  const prefixStarts = new Set(orgPrefixes.map((p) => p.charCodeAt(0)))
  for (let i = 0; i < text.length; ) {
    const prefix = prefixStarts.has(text.charCodeAt(i)) ? prefixAt(text, i, orgPrefixes) : ''
    const hit = g.matchAt(text, i + prefix.length)
    if (!hit) {
      i++
      continue
    }
    let at = i + prefix.length
    for (const m of placeChain(text.slice(at, at + 40), g)) at += m.surface.length
    const end = organEnd(text, at, organBreaks, maxOrganLength, g)
    if (end === null) {
      i += prefix.length + hit.surface.length // skip the whole place name: 城区 is not a match inside 西城区
      continue
    }
    const name = text.slice(i, end)
    const close = text.indexOf('》', end)
    const inBook = text[i - 1] === '《' && close !== -1 && close - end < 40
    const own = inBook && !mentionsAny(text.slice(end, close), notOwnMarkers)
    out.push({ name, source: own ? 'own-rules' : 'text', start: i, end })
    i = end
  }
  return out
}

function mentionsAny(text: string, words: readonly string[]): boolean {
  for (const w of words) if (text.includes(w)) return true
  return false
}

/** The first of `prefixes` written at `i`, or ''. */
function prefixAt(text: string, i: number, prefixes: readonly string[]): string {
  for (const p of prefixes) if (text.startsWith(p, i)) return p
  return ''
}

/** End of the unit name whose organ starts at `at`: the first ending after ≥ 2 organ characters. */
function organEnd(text: string, at: number, breaks: string, max: number, g: Gazetteer): number | null {
  const { suffixes } = data()
  for (let j = at; j < text.length && j - at < max; j++) {
    // A second place name inside is two units run together (中共醴陵市委醴陵市人民政府).
    if (breaks.includes(text[j]!) || (j > at && g.matchAt(text, j))) return null
    const suffix = suffixes.find((s) => text.startsWith(s, j))
    if (!suffix || j + suffix.length - at < 2) continue
    let end = j + suffix.length
    // 人民政府 + 办公室: an ending of two or more characters right after extends the name.
    const more = suffixes.find((s) => s.length >= 2 && text.startsWith(s, end))
    if (more) end += more.length
    return end
  }
  return null
}

interface Candidate {
  mention: DepartmentMention
  /** The name without its place names: 应急管理局. */
  core: string
  /** Length of the place names in front: the longer, the more qualified (长春市朝阳区 > 朝阳区). */
  placeLength: number
  /** Codes the most specific place name may denote; empty when the name starts with no known place. */
  codes: Set<string>
}

/**
 * Groups candidates into units — same core, overlapping places (朝阳区 may be 长春市朝阳区) —
 * and picks the unit with the most weight from title, label, signature and own-rules sources;
 * passing mentions in the text only break ties, or decide when nothing else names a unit.
 */
function choose(mentions: DepartmentMention[], g: Gazetteer): Department | null {
  const groups: Candidate[][] = []
  for (const c of mentions.map((m) => describe(m, g))) {
    const home = groups.find((members) => members.some((o) => same(o, c)))
    if (home) home.push(c)
    else groups.push([c])
  }
  // A name without a place (区应急管理局) supports the one placed unit with the same core.
  for (const members of groups.filter((m) => m.every((c) => c.codes.size === 0))) {
    const core = members[0]!.core.replace(/^[省市区县州旗盟镇乡]/, '')
    const placed = groups.filter((m) => m[0]!.codes.size > 0 && m[0]!.core === core)
    if (placed.length === 1) placed[0]!.push(...members.splice(0))
  }
  const score = (members: Candidate[]) => {
    const strong = members.reduce((sum, c) => sum + (c.mention.source === 'text' ? 0 : WEIGHT[c.mention.source]), 0)
    return strong * 1000 + members.length
  }
  const best = groups.filter((m) => m.length).reduce<Candidate[] | null>((a, b) => (!a || score(b) > score(a) ? b : a), null)
  if (!best) return null
  const form = best.reduce((a, b) => (b.placeLength > a.placeLength || (b.placeLength === a.placeLength && WEIGHT[b.mention.source] > WEIGHT[a.mention.source]) ? b : a))
  return { name: form.mention.name, span: { start: form.mention.start, end: form.mention.end }, mentions }
}

function same(a: Candidate, b: Candidate): boolean {
  if (a.core !== b.core) return false
  if (a.codes.size === 0 || b.codes.size === 0) return a.mention.name === b.mention.name
  return [...a.codes].some((c) => b.codes.has(c))
}

function describe(mention: DepartmentMention, g: Gazetteer): Candidate {
  const skip = orgPrefixLength(mention.name)
  const chain = placeChain(mention.name.slice(skip), g)
  const placeLength = chain.reduce((n, m) => n + m.surface.length, 0)
  return { mention, core: mention.name.slice(skip + placeLength), placeLength, codes: new Set(chain.at(-1)?.places.map((p) => p.code)) }
}

/**
 * The name with its city in front when the text leaves it out but the region is known:
 * 朝阳区应急管理局 → 长春市朝阳区应急管理局. Only for districts (区), which are named with their
 * city; counties and county-level cities (醴陵市应急管理局) are named on their own.
 */
export function qualifyDepartment(name: string, resolution: RegionResolution, g: Gazetteer = gazetteer()): string {
  const { place, region, chain } = resolution
  if (!place || place.level !== 'county' || !region?.city || chain.length !== 1) return name
  if (!/区$/.test(chain[0]!.surface)) return name
  const skip = orgPrefixLength(name)
  const city = place.cityCode ? g.byCode.get(place.cityCode) : undefined
  const cityNames = city ? g.namesOf(city, true) : [region.city]
  // 张家口市察北区 is one alias: the city is already there.
  if (cityNames.some((n) => name.startsWith(n, skip))) return name
  return name.slice(0, skip) + region.city + name.slice(skip)
}

function squash(s: string): string {
  return s.replace(/[\s　]+/g, '')
}
