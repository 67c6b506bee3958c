/**
 * What each of mammoth's paragraphs needs from the XML that mammoth does not keep: the
 * auto-number Word shows before it and its outline level. Numbers are computed over
 * document.xml's own paragraph sequence (Word's order), then attached to mammoth's
 * paragraphs through the alignment of docx-align.ts.
 */
import type { Diagnostic } from '../result.js'
import { alignKeys } from './docx-align.js'
import { bodyParagraphs, plainText, type MDocument, type MParagraph } from './docx-model.js'
import { readNumberingDefs } from './docx-numbering-defs.js'
import { numberParagraphs } from './docx-numbering.js'
import { paragraphKey, readXmlParagraphs } from './docx-paragraphs.js'
import type { DocxParts } from './docx-parts.js'
import { inherited, readStyles, styleChain } from './docx-styles.js'
import { firstChild, parseXml, type XmlElement } from './docx-xml.js'
import type { ZipPackage } from './docx-zip.js'

export interface ParagraphInfo {
  /** Word's list number with its separator, e.g. `一、`, `（二）`, `1.2 `. */
  numberText?: string
  /** Outline level, 0-based, from the paragraph or its style (9 = body text). */
  outlineLvl?: number
}

export interface ParagraphInfoResult {
  info: Map<MParagraph, ParagraphInfo>
  diagnostics: Diagnostic[]
}

/** `documentXml`: the part's `w:document` as mammoth read it; parsed here when not given. */
export function paragraphInfo(pkg: ZipPackage, parts: DocxParts, document: MDocument, documentXml?: XmlElement): ParagraphInfoResult {
  const xmlParagraphs = readXmlParagraphs(documentXml ?? firstChild(parseXml(pkg.readText(parts.document) ?? ''), 'w:document'))
  const styles = readStyles(pkg.readText(parts.styles))
  const numbers = numberParagraphs(xmlParagraphs, readNumberingDefs(pkg.readText(parts.numbering)), styles)

  const ours = bodyParagraphs(document.children)
  const matches = alignKeys(
    ours.map((p) => paragraphKey(plainText(p.children))),
    xmlParagraphs.map((p) => p.key),
  )
  const info = new Map<MParagraph, ParagraphInfo>()
  const matched = new Set<number>()
  ours.forEach((p, i) => {
    const j = matches[i]
    if (j === undefined) return
    matched.add(j)
    const xml = xmlParagraphs[j]!
    const numberText = numbers[j]
    const outlineLvl = xml.outlineLvl ?? inherited(styleChain(styles, xml.styleId), 'outlineLvl')
    if (numberText !== undefined || outlineLvl !== undefined)
      info.set(p, { ...(numberText !== undefined ? { numberText } : {}), ...(outlineLvl !== undefined ? { outlineLvl } : {}) })
  })

  const lost = numbers.filter((n, j) => n !== undefined && !matched.has(j)).length
  const diagnostics: Diagnostic[] = []
  if (lost > 0)
    diagnostics.push({
      level: 'warning',
      code: 'docx-numbering-unplaced',
      message: `${lost} auto-numbered paragraph(s) of document.xml could not be matched with mammoth's paragraphs; their numbers are missing from the text`,
    })
  return { info, diagnostics }
}
