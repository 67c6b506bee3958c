/**
 * The list and outline properties of a `w:pPr`. A paragraph and a paragraph style carry them
 * alike; the paragraph's own win over its style's (docx-styles.ts `inherited`).
 */
import { childVal, firstChild, intVal, type XmlElement } from './docx-xml.js'

export interface NumberingProps {
  /** `w:numPr/w:numId`: the list; '0' removes numbering a style gives. */
  numId?: string
  /** `w:numPr/w:ilvl`: the level within the list, 0-based. */
  ilvl?: number
  /** `w:outlineLvl`, 0-based (0 = level 1; 9 = body text). */
  outlineLvl?: number
}

/** The properties `pPr` states; absent ones are left out, not set to undefined. */
export function numberingProps(pPr: XmlElement | undefined): NumberingProps {
  const numPr = firstChild(pPr, 'w:numPr')
  const numId = childVal(numPr, 'w:numId')
  const ilvl = intVal(childVal(numPr, 'w:ilvl'))
  const outlineLvl = intVal(childVal(pPr, 'w:outlineLvl'))
  return {
    ...(numId !== undefined ? { numId } : {}),
    ...(ilvl !== undefined ? { ilvl } : {}),
    ...(outlineLvl !== undefined ? { outlineLvl } : {}),
  }
}
