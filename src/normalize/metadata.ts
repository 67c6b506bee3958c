/** Document-level facts: title now; department, region, year, kind and score follow. */
import type { DocumentInfo, Section } from '../contract.js'
import type { LineIndex, SourceDocument } from '../document.js'

export function describeDocument(doc: SourceDocument, _lines: LineIndex, sections: Section[]): DocumentInfo {
  // 附件N markers are level 0 too, but carry a number; the title is the first unnumbered one.
  const title = sections.find((s) => s.level === 0 && s.number === '')?.title ?? null
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
