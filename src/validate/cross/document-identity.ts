/**
 * Who filed a report, in a form that is the same across its filings: the department name is
 * written 河源市和平县农业农村局 in one year and 和平县农业农村局 in the next, or with a
 * （本级） after it, so departments are keyed by the region's division code and the unit's
 * name without its places. A name alone keys only when it carries a place: two reports of a
 * bare 某某局 may come from anywhere.
 */
import type { StoredDocument } from '../../store/cross-queries.js'
import { orgPrefixLength } from '../../normalize/department.js'
import { placeChain } from '../../normalize/region.js'
import type { CrossDocument } from './cross-rule.js'
import { crossData } from './cross-data.js'

/** NFKC, without spaces, quotes and a trailing （本级）. */
export function normaliseName(name: string): string {
  return name.normalize('NFKC').replace(new RegExp(crossData().nameNoise, 'g'), '')
}

/** The unit's name without the places it starts with (中共 kept): 中共某县委宣传部 → 中共委宣传部. */
export function splitPlaces(name: string): { places: string; unit: string } {
  const prefix = orgPrefixLength(name)
  const chain = placeChain(name.slice(prefix))
  const placeLength = chain.reduce((n, m) => n + m.surface.length, 0)
  return { places: name.slice(prefix, prefix + placeLength), unit: name.slice(0, prefix) + name.slice(prefix + placeLength) }
}

/** The class of a report kind: overall, project, accounts, budget — or other. */
export function kindClassOf(kind: string | null): string {
  if (!kind) return 'other'
  // A bundle (自评表+计分表+评价报告) is classed by its first part.
  const first = kind.split('+')[0] ?? kind
  return crossData().kindClasses.find((c) => first.includes(c.contains))?.class ?? 'other'
}

export function toCrossDocument(d: StoredDocument): CrossDocument {
  const name = d.department ? normaliseName(d.department) : ''
  const { places, unit } = name ? splitPlaces(name) : { places: '', unit: '' }
  let departmentKey: string | null = null
  if (name && unit) departmentKey = d.regionCode ? `${d.regionCode}|${unit}` : places ? `name|${name}` : null
  return { ...d, departmentKey, unitName: unit || null, kindClass: kindClassOf(d.kind) }
}

/** "2023年度" or "年度不详" — how messages name a report's year. */
export function yearOf(d: Pick<StoredDocument, 'fiscalYear'>): string {
  return d.fiscalYear === null ? '年度不详' : `${d.fiscalYear}年度`
}

/** How messages name another document: 2022年度报告（docx，某局…）. */
export function describeDocument(d: CrossDocument): string {
  const name = d.path.split(/[\\/]/).pop() ?? d.path
  return `${yearOf(d)}报告（${d.format}，${name}）`
}
