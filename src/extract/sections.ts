/** STUB — owned by the sections work: the heading tree. */
import type { Section } from '../contract.js'
import type { LineIndex, SourceDocument } from '../document.js'

export function findSections(_doc: SourceDocument, _lines: LineIndex): Section[] {
  return []
}
