/** Document-level facts: title now; department, region, year, kind and score follow. */
import type { DocumentInfo, Section } from '../contract.js'
import type { LineIndex, SourceDocument } from '../document.js'

export function describeDocument(doc: SourceDocument, _lines: LineIndex, sections: Section[]): DocumentInfo {
  const title = sections.find((s) => s.level === 0)?.title ?? null
  return {
    id: doc.id,
    path: doc.path,
    format: doc.format,
    title,
    department: null,
    region: null,
    fiscalYear: null,
    kind: null,
    selfScore: null,
  }
}
