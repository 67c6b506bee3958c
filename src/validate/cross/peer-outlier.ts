/**
 * peer-outlier: a rate (预算执行率, 三公经费控制率 …) far outside those of its peers — the other
 * departments of the same county in the same year, or departments of the same kind (all
 * 应急管理局) in the same year — within one class of report. Not an arithmetic error but a
 * figure worth a look: a 42% execution rate among 95–99%, or 650% where 65.0% was meant.
 *
 * Peers are departments, not documents: a report filed as DOCX and PDF counts once, and the
 * department being judged is left out of its own distribution. The test is robust (median
 * and MAD, peer-statistics.ts) and needs enough peers; the message carries the distribution
 * (median, quartiles, n) and the evidence points at every peer's figure.
 */
import { z } from 'zod'
import { FIELD_IDS } from '../../normalize/field-ids.js'
import { figuresById, recordValues, type StoredValue } from '../../store/cross-queries.js'
import { written } from './compare.js'
import { type CrossDocument, type CrossEvidence, defineCrossRule } from './cross-rule.js'
import { yearOf } from './document-identity.js'
import { groupBy } from './group-by.js'
import { type PeerSummary, robustZ, summarise } from './peer-statistics.js'

const RATES = ['budget.execution_rate', 'projects.execution_rate', 'three_public.control_rate', 'public_funds.control_rate', 'staffing.control_rate'] as const

export default defineCrossRule({
  id: 'peer-outlier',
  description: '比率（执行率、控制率）远离同地区或同类部门同年度的分布',
  defaultSeverity: 'warning',
  options: z.object({
    /** Rate fields compared. */
    fields: z.array(z.enum(FIELD_IDS)).default([...RATES]),
    /** Fewest other departments a distribution needs. @default 5 */
    minPeers: z.number().int().min(3).default(5),
    /** Modified z-score from which a rate is an outlier. @default 3.5 */
    threshold: z.number().positive().default(3.5),
    /** Floor of the scale (1.4826·MAD), in percentage points. @default 2 */
    minScale: z.number().positive().default(2),
    /** Smallest distance from the median worth reporting, in percentage points. @default 10 */
    minDeviation: z.number().min(0).default(10),
    /** Modified z-score from which the finding is a warning; below it, info. @default 10 */
    warnAt: z.number().positive().default(10),
    /** Peer figures listed as evidence, at most. @default 50 */
    maxPeerEvidence: z.number().int().min(0).default(50),
  }),
  groupsOf: peerGroups,

  check({ db, documents, members }, subjects, report, options) {
    const isSubject = new Set(subjects.map((s) => s.id))
    const groups = [...new Set(subjects.flatMap(peerGroups))]
    const inPlay = new Set(groups.flatMap((g) => members(g).map((d) => d.id)))
    // Most of the store in play: one pass over the field index beats a list of ids.
    const everything = inPlay.size > documents.length / 2
    const values = groupBy(recordValues(db, everything ? null : [...inPlay], options.fields, true), (v) => v.documentId)
    const valueOf = (d: CrossDocument, field: string) => values.get(d.id)?.find((v) => v.field === field)

    const outliers: Outlier[] = []
    for (const group of groups) {
      for (const field of options.fields) {
        // One value per department (its first filing in path order).
        const departments = new Map<string, Peer>()
        for (const d of members(group)) {
          const value = valueOf(d, field)
          if (value && !departments.has(departmentOf(d))) departments.set(departmentOf(d), { document: d, value })
        }
        if (departments.size - 1 < options.minPeers) continue
        const sorted = [...departments.values()].map((p) => p.value.value).sort((a, b) => a - b)
        // Leaving one value out moves the median at most to a neighbouring order statistic: a
        // rate within minDeviation of all of them cannot be reported, and costs no sort.
        const lowest = sorted[Math.floor((sorted.length - 2) / 2)]!
        const highest = sorted[Math.ceil(sorted.length / 2)]!
        for (const d of members(group)) {
          const own = isSubject.has(d.id) ? valueOf(d, field) : undefined
          if (!own || (own.value > highest - options.minDeviation && own.value < lowest + options.minDeviation)) continue
          const peers = [...departments].filter(([key]) => key !== departmentOf(d)).map(([, p]) => p)
          const summary = summarise(peers.map((p) => p.value.value))
          if (!summary || summary.n < options.minPeers) continue
          const z = robustZ(own.value, summary, options.minScale)
          if (Math.abs(z) < options.threshold || Math.abs(own.value - summary.median) < options.minDeviation) continue
          outliers.push({ subject: d, group, own, peers: peers.sort((a, b) => a.value.value - b.value.value).slice(0, options.maxPeerEvidence), summary, z })
        }
      }
    }

    // Figures only for what is reported: the outlier's and the peers listed as evidence.
    const figures = figuresById(db, outliers.flatMap((o) => [[o.subject.id, o.own.figureId] as const, ...o.peers.map((p) => [p.document.id, p.value.figureId] as const)]))
    const figureOf = (d: CrossDocument, v: StoredValue) => figures.get(`${d.id} ${v.figureId}`)
    for (const { subject, group, own, peers, summary, z } of outliers) {
      const figure = figureOf(subject, own)
      if (!figure || figure.approx) continue
      const evidence: CrossEvidence[] = [{ figure, document: subject, role: 'stated' }]
      for (const p of peers) {
        const f = figureOf(p.document, p.value)
        if (f) evidence.push({ figure: f, document: p.document, role: 'peer' })
      }
      const pct = (v: number) => `${v.toFixed(2)}%`
      report({
        subject,
        message:
          `“${figure.label ?? own.field}”${written(figure)}远${own.value > summary.median ? '高' : '低'}于${describeGroup(group, subject)}其他部门：` +
          `中位数 ${pct(summary.median)}，四分位数 ${pct(summary.q1)}–${pct(summary.q3)}，n=${summary.n}；` +
          `偏离中位数 ${Math.abs(own.value - summary.median).toFixed(2)} 个百分点，稳健 z 值 ${z.toFixed(1)}`,
        evidence,
        stated: own.value,
        computed: round(summary.median),
        ...(Math.abs(z) < options.warnAt ? { severity: 'info' as const } : {}),
        identity: [own.field, group.split('|')[0]!],
        unstableRoles: ['peer'],
      })
    }
  },
})

interface Peer {
  document: CrossDocument
  value: StoredValue
}

interface Outlier {
  subject: CrossDocument
  group: string
  own: StoredValue
  /** Other departments of the group, by value, at most maxPeerEvidence. */
  peers: Peer[]
  summary: PeerSummary
  z: number
}

function departmentOf(d: CrossDocument): string {
  return d.departmentKey ?? `document:${d.id}`
}

/** The county's reports of the year, and the reports of the year of departments of the same kind. */
function peerGroups(doc: CrossDocument): string[] {
  if (doc.fiscalYear === null) return []
  const groups: string[] = []
  if (doc.regionCode) groups.push(regionGroup(doc))
  if (doc.unitName) groups.push(unitGroup(doc))
  return groups
}

function regionGroup(d: CrossDocument): string {
  return `region:${d.regionCode}|${d.fiscalYear}|${d.kindClass}`
}

function unitGroup(d: CrossDocument): string {
  return `unit:${d.unitName}|${d.fiscalYear}|${d.kindClass}`
}

function describeGroup(group: string, d: CrossDocument): string {
  return group.startsWith('region:') ? `同地区（${d.county ?? d.city ?? d.regionCode}）${yearOf(d)}` : `同类部门（${d.unitName}）${yearOf(d)}`
}

function round(v: number): number {
  return Math.round(v * 100) / 100
}
