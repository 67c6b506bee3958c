/**
 * prior-year-mismatch: what this year's report says of last year (上年“三公”经费支出, 上年结转)
 * against what last year's report of the same department said of its own year (三公经费实际支出,
 * 年末结转结余). The figure of this year is the subject: the finding is stored under this
 * year's report, with evidence in both.
 *
 * Last year's report may state its figure more than once (narrative and table); agreeing with
 * any of its statements is agreeing. When last year was filed twice (DOCX and PDF), agreeing
 * with either filing is enough — whether the filings agree is duplicate-filing-mismatch's
 * question. Softer (info): a gap within one unit of the coarser figure's last digit, an
 * approximate figure, or a figure that matches last year's *other* quantity (its budget
 * where its spending was expected): then the two reports measure different things.
 */
import { z } from 'zod'
import { fieldStatements, figuresById, figuresLabelled, recordValues, type StoredValue } from '../../store/cross-queries.js'
import { agree, difference, inUnitOf, sameValue, withinLastDigit, written } from './compare.js'
import { type CrossDocument, type CrossEvidence, defineCrossRule } from './cross-rule.js'
import { describeDocument } from './document-identity.js'
import { groupBy } from './group-by.js'
import { alternateOf, lastYearFields, priorRecordFields, priorYearStatements, priorYearWords } from './prior-year-statements.js'

export default defineCrossRule({
  id: 'prior-year-mismatch',
  description: '本年报告所列上年数应与上年报告所列本年数一致',
  defaultSeverity: 'warning',
  options: z.object({}),
  groupsOf: (doc) => (doc.departmentKey !== null && doc.fiscalYear !== null ? [`department:${doc.departmentKey}`] : []),

  check({ db, members }, subjects, report) {
    const lastYearOf = (d: CrossDocument) => members(`department:${d.departmentKey}`).filter((m) => m.fiscalYear === d.fiscalYear! - 1)
    const pairs = subjects.map((s) => ({ subject: s, previous: lastYearOf(s) })).filter((p) => p.previous.length > 0)
    if (pairs.length === 0) return
    const ids = pairs.map((p) => p.subject.id)
    const record = groupBy(fieldStatements(db, ids, priorRecordFields()), (s) => s.documentId)
    const labelled = groupBy(figuresLabelled(db, ids, priorYearWords()), (l) => l.documentId)
    const work = pairs
      .map((p) => ({ ...p, statements: priorYearStatements(record.get(p.subject.id) ?? [], (labelled.get(p.subject.id) ?? []).map((l) => l.figure)) }))
      .filter((w) => w.statements.length > 0)
    // Only the fields some statement compares with, and only their numbers at first.
    const fields = new Set(work.flatMap((w) => w.statements.flatMap((s) => [s.lastYear, alternateOf(s.lastYear) ?? s.lastYear])))
    const last = groupBy(recordValues(db, [...new Set(work.flatMap((w) => w.previous.map((d) => d.id)))], [...fields]), (v) => v.documentId)
    const statementsOf = (documents: CrossDocument[], field: string | undefined) =>
      field === undefined ? [] : documents.flatMap((document) => (last.get(document.id) ?? []).filter((v) => v.field === field).map((value) => ({ document, value })))

    // A statement equal to one of last year's numbers agrees; the rest are compared by their figures.
    const open = work.flatMap(({ subject, previous, statements }) =>
      statements.flatMap((statement) => {
        const theirs = statementsOf(previous, statement.lastYear)
        if (theirs.length === 0 || theirs.some((t) => sameValue(statement.figure, t.value.value))) return []
        return [{ subject, statement, theirs, others: statementsOf(previous, alternateOf(statement.lastYear)) }]
      }),
    )
    const figures = figuresById(db, open.flatMap((o) => [...o.theirs, ...o.others].map((t) => [t.document.id, t.value.figureId] as const)))
    const withFigures = (list: Array<{ document: CrossDocument; value: StoredValue }>) =>
      list.flatMap(({ document, value }) => {
        const figure = figures.get(`${document.id} ${value.figureId}`)
        return figure ? [{ document, primary: value.primary, figure }] : []
      })

    for (const { subject, statement, ...rest } of open) {
      const stated = statement.figure
      const theirs = withFigures(rest.theirs)
      if (theirs.length === 0 || theirs.some((t) => agree(stated, t.figure))) continue
      const otherQuantity = withFigures(rest.others).filter((t) => agree(stated, t.figure))
      const reference = theirs.find((t) => t.primary) ?? theirs[0]!
      const soft = otherQuantity.length > 0 || stated.approx || theirs.some((t) => t.figure.approx || withinLastDigit(stated, t.figure))
      const evidence: CrossEvidence[] = [
        { figure: stated, document: subject, role: 'stated' },
        ...theirs.map(({ document, figure }) => ({ figure, document, role: 'last-year' })),
        ...otherQuantity.map(({ document, figure }) => ({ figure, document, role: 'last-year-other' })),
      ]
      const mine = `本报告第${stated.line}行“${stated.label ?? '上年数'}”${written(stated)}`
      const shown = [...new Map(theirs.map(({ document, figure }) => [`${document.id}:${figure.id}`, `${describeDocument(document)}第${figure.line}行“${figure.label ?? ''}”${written(figure)}`])).values()]
      let message = `${mine}，与${shown.join('、')}不一致（相差${difference(stated, reference.figure)}）`
      const other = otherQuantity[0]?.figure
      if (other) message += `；与上年报告第${other.line}行“${other.label ?? ''}”${written(other)}一致，两者口径可能不同`
      report({
        subject,
        message,
        evidence,
        stated: stated.value,
        computed: inUnitOf(reference.figure, stated),
        ...(soft ? { severity: 'info' as const } : {}),
        identity: [statement.lastYear],
      })
    }
  },
})
