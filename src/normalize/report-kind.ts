/**
 * What kind of report a document is, in a normalised vocabulary (data/report-kinds.json):
 * 部门整体支出绩效自评报告, 项目支出绩效自评表, 部门决算 … A bundle of attachments (附件3
 * 自评表, 附件5 计分表, 附件6 评价报告) gets each part's kind, in order, joined with "+".
 */
import { z } from 'zod'
import { loadDataJson } from '../data-files.js'
import type { Span } from '../document.js'
import { result, type Result } from '../result.js'

const KindsSchema = z.object({
  kinds: z.array(z.object({ kind: z.string().min(1), match: z.array(z.array(z.string().min(1)).min(1)).min(1) })),
  selfEvaluation: z.object({
    upgrade: z.record(z.string(), z.string()),
    markers: z.array(z.string().min(1)),
    minMarkers: z.number().int().positive(),
    thirdParty: z.array(z.string().min(1)),
  }),
  join: z.string().min(1),
})
type Kinds = z.infer<typeof KindsSchema>

let kinds: Kinds | undefined
function data(): Kinds {
  return (kinds ??= KindsSchema.parse(loadDataJson('report-kinds.json')))
}

/** The normalised kind a title names, or null (e.g. 一、部门概况 names none). */
export function kindOfTitle(title: string): string | null {
  const squashed = title.replace(/[\s　]+/g, '')
  return data().kinds.find((k) => k.match.some((tokens) => tokens.every((t) => squashed.includes(t))))?.kind ?? null
}

function count(text: string, needle: string): number {
  return text.split(needle).length - 1
}

/**
 * The document's kind from its title headings (level 0: the title and each attachment's title).
 * A single 评价报告 whose text says it is the department's own 自评 becomes a 自评报告.
 */
export function findReportKind(text: string, titles: Array<Span & { title: string }>): Result<string | null> {
  const { selfEvaluation, join } = data()
  const parts: string[] = []
  for (const t of titles) {
    const kind = kindOfTitle(t.title)
    if (kind && !parts.includes(kind)) parts.push(kind)
  }
  if (parts.length === 0) return result(null, [{ level: 'info', code: 'report-kind-unknown', message: '标题未表明报告类型（自评报告、评价报告、决算、预算…）' }])
  const only = parts.length === 1 ? parts[0]! : null
  const upgraded = only ? selfEvaluation.upgrade[only] : undefined
  if (upgraded) {
    const own = selfEvaluation.markers.reduce((n, m) => n + count(text, m), 0)
    const thirdParty = selfEvaluation.thirdParty.some((m) => text.includes(m))
    if (own >= selfEvaluation.minMarkers && !thirdParty) return result(upgraded)
  }
  return result(parts.join(join))
}
