/**
 * duplicate-filing-mismatch: one department's report of one year stored from two or more
 * documents — its DOCX and its PDF, two downloads, a corrected re-issue — whose canonical
 * records disagree beyond rounding. A finding is stored under each filing, pointing at its own
 * figure first and then at the other filings' figures.
 *
 * Documents of one department, year and class of report kind are the same filing only when
 * they state mostly the same amounts (filing-similarity.ts): two projects' reports of one
 * department are not duplicates. A field disagrees when neither filing's main statement
 * matches any statement of the other (a report that states a figure twice may have its two
 * statements ranked differently by two renderings; that is no disagreement between them).
 */
import { z } from 'zod'
import { FIELD_IDS } from '../../normalize/field-ids.js'
import { figuresById, figureSignatures, recordValues, type StoredStatement, type StoredValue } from '../../store/cross-queries.js'
import { agree, difference, inUnitOf, withinLastDigit, written } from './compare.js'
import { type CrossDocument, defineCrossRule } from './cross-rule.js'
import { describeDocument } from './document-identity.js'
import { overlap } from './filing-similarity.js'
import { groupBy } from './group-by.js'

export default defineCrossRule({
  id: 'duplicate-filing-mismatch',
  description: '同一部门同一年度同一报告的不同文件（DOCX/PDF、重复下载）数据应一致',
  defaultSeverity: 'warning',
  options: z.object({
    /** Share of the smaller document's amounts the other must state too to be the same filing. @default 0.6 */
    minOverlap: z.number().min(0).max(1).default(0.6),
    /** Fewer money and percent figures than this and a document is too small to tell. @default 3 */
    minFigures: z.number().int().min(1).default(3),
  }),
  groupsOf: (doc) => (doc.departmentKey !== null && doc.fiscalYear !== null ? [groupOf(doc)] : []),

  check({ db, members }, subjects, report, options) {
    const candidates = subjects.map((s) => ({ subject: s, others: members(groupOf(s)).filter((m) => m.id !== s.id) })).filter((c) => c.others.length > 0)
    if (candidates.length === 0) return
    const ids = [...new Set(candidates.flatMap((c) => [c.subject.id, ...c.others.map((o) => o.id)]))]
    const signatures = figureSignatures(db, ids)
    const sameFiling = (a: CrossDocument, b: CrossDocument) => {
      const sa = signatures.get(a.id) ?? []
      const sb = signatures.get(b.id) ?? []
      return sa.length >= options.minFigures && sb.length >= options.minFigures && overlap(sa, sb) >= options.minOverlap
    }
    const pairs = candidates.map((c) => ({ subject: c.subject, others: c.others.filter((o) => sameFiling(c.subject, o)) })).filter((c) => c.others.length > 0)
    const values = groupBy(recordValues(db, [...new Set(pairs.flatMap((c) => [c.subject.id, ...c.others.map((o) => o.id)]))], FIELD_IDS), (v) => v.documentId)
    const fieldsOf = (d: CrossDocument) => groupBy(values.get(d.id) ?? [], (v) => v.field)

    // Equal numbers agree; only the fields left are compared by their figures' intervals.
    const open = pairs.flatMap(({ subject, others }) => {
      const theirs = others.map((o) => ({ document: o, fields: fieldsOf(o) }))
      return [...fieldsOf(subject)].flatMap(([field, own]) => {
        const against = theirs.flatMap(({ document, fields }) => {
          const list = fields.get(field)
          const main = list?.find((v) => v.primary)
          if (!list || !main) return []
          const equal = list.some((t) => own.some((o) => o.primary && o.value === t.value)) || own.some((o) => o.value === main.value)
          return equal ? [] : [{ document, list }]
        })
        return against.length > 0 ? [{ subject, field, own, against }] : []
      })
    })
    const figures = figuresById(
      db,
      open.flatMap((o) => [...o.own.map((v) => [o.subject.id, v.figureId] as const), ...o.against.flatMap((a) => a.list.map((v) => [a.document.id, v.figureId] as const))]),
    )
    const statementsOf = (document: CrossDocument, list: StoredValue[]): StoredStatement[] =>
      list.flatMap((v) => {
        const figure = figures.get(`${document.id} ${v.figureId}`)
        return figure ? [{ documentId: document.id, field: v.field, primary: v.primary, figure }] : []
      })

    for (const { subject, field, ...rest } of open) {
      const own = statementsOf(subject, rest.own)
      const primary = own.find((s) => s.primary)
      if (!primary) continue
      const disagreeing = rest.against.flatMap(({ document, list }) => {
        const theirs = statementsOf(document, list)
        const main = theirs.find((s) => s.primary)
        return main && !disagreementResolved(own, theirs, primary, main) ? [{ document, statement: main }] : []
      })
      if (disagreeing.length === 0) continue
      const reference = disagreeing[0]!.statement.figure
      const soft = disagreeing.every(({ statement }) => withinLastDigit(primary.figure, statement.figure) || statement.figure.approx) || primary.figure.approx
      const shown = disagreeing.map(({ document, statement }) => `${describeDocument(document)}第${statement.figure.line}行“${statement.figure.label ?? ''}”为${written(statement.figure)}`)
      report({
        subject,
        message: `同一报告的不同文件数据不一致：本文件第${primary.figure.line}行“${primary.figure.label ?? ''}”为${written(primary.figure)}，${shown.join('；')}（相差${difference(primary.figure, reference)}）`,
        evidence: [
          { figure: primary.figure, document: subject, role: 'stated' },
          ...disagreeing.map(({ document, statement }) => ({ figure: statement.figure, document, role: 'other-filing' })),
        ],
        stated: primary.figure.value,
        computed: inUnitOf(reference, primary.figure),
        ...(soft ? { severity: 'info' as const } : {}),
        identity: [field],
      })
    }
  },
})

function groupOf(d: CrossDocument): string {
  return `filing:${d.departmentKey}|${d.fiscalYear}|${d.kindClass}`
}

/** Either main statement matches some statement of the other filing. */
function disagreementResolved(own: StoredStatement[], theirs: StoredStatement[], mine: StoredStatement, main: StoredStatement): boolean {
  return theirs.some((t) => agree(mine.figure, t.figure)) || own.some((o) => agree(o.figure, main.figure))
}
