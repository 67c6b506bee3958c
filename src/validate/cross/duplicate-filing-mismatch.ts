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
import { recordClasses } from './record-classes.js'

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
    // Within a group only documents whose records differ can disagree: each subject is
    // compared with one representative of every other class of identical records, and
    // whether two classes are the same filing is judged once, on their representatives.
    const inPlay = [...groupBy(subjects, groupOf)].filter(([group]) => members(group).length > 1)
    if (inPlay.length === 0) return
    const everyone = [...new Set(inPlay.flatMap(([group]) => members(group).map((m) => m.id)))]
    const values = groupBy(recordValues(db, everyone, FIELD_IDS), (v) => v.documentId)
    const classed = inPlay.flatMap(([group, own]) => {
      const classes = recordClasses(members(group), (id) => values.get(id) ?? [])
      return classes.length > 1 ? [{ own, classes }] : []
    })
    const signatures = figureSignatures(db, classed.flatMap((c) => c.classes.map((k) => k.representative.id)))
    const judged = new Map<string, boolean>()
    const sameFiling = (a: CrossDocument, b: CrossDocument) => {
      const key = a.id < b.id ? `${a.id} ${b.id}` : `${b.id} ${a.id}`
      let same = judged.get(key)
      if (same === undefined) {
        const sa = signatures.get(a.id) ?? []
        const sb = signatures.get(b.id) ?? []
        same = sa.length >= options.minFigures && sb.length >= options.minFigures && overlap(sa, sb) >= options.minOverlap
        judged.set(key, same)
      }
      return same
    }
    const pairs = classed.flatMap(({ own, classes }) => {
      const classOf = new Map(classes.flatMap((k) => k.members.map((m) => [m.id, k] as const)))
      return own.flatMap((subject) => {
        const mine = classOf.get(subject.id)!
        const others = classes.filter((k) => k !== mine && sameFiling(mine.representative, k.representative)).map((k) => k.representative)
        return others.length > 0 ? [{ subject, others }] : []
      })
    })
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
