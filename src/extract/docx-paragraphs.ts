/**
 * The paragraphs of word/document.xml with the properties mammoth's model leaves out:
 * the list (`w:numId`) and level (`w:ilvl`) a paragraph is numbered with — mammoth keeps
 * only the level definition, so lists sharing an abstract definition and restarts cannot
 * be told apart — and the outline level.
 *
 * The walk mirrors mammoth's body reader (lib/docx/body-reader.js) so the two paragraph
 * sequences line up one to one: the same containers are entered (runs, hyperlinks,
 * w:sdtContent, w:ins, tables, VML text boxes), the same ones skipped (w:del, w:moveFrom,
 * DrawingML text boxes, deleted rows, unknown elements such as w:fldSimple), paragraphs
 * inside a w:pict text box follow the paragraph that holds it, and a paragraph whose mark
 * is deleted is merged into the next one. docx-align.ts matches the sequences by text, so
 * a case this mirror gets wrong costs that paragraph its number, not the whole document.
 */
import { type NumberingProps, numberingProps } from './docx-numbering-props.js'
import { childVal, firstChild, type XmlElement } from './docx-xml.js'

/** A paragraph of document.xml; its numbering properties are its direct ones, not its style's. */
export interface XmlParagraph extends NumberingProps {
  /** The paragraph's letters and digits (for matching with mammoth's paragraph). */
  key: string
  styleId?: string
}

/** Elements whose children mammoth reads as they are (its `readChildElements` readers and structure). */
const CONTAINERS = new Set([
  'w:body', 'w:r', 'w:hyperlink', 'w:sdtContent', 'w:customXml', 'w:ins', 'w:moveTo', 'w:smartTag',
  'w:object', 'w:pict', 'v:roundrect', 'v:shape', 'v:textbox', 'w:txbxContent', 'v:group', 'v:rect',
  'w:tbl', 'w:tc',
])

/** Letters and digits only: immune to symbols, tabs and hyphen variants either side renders differently. */
export function paragraphKey(text: string): string {
  return text.replace(/[^\p{L}\p{N}]+/gu, '')
}

interface Builder {
  text: string[]
  /** Paragraphs of text boxes inside this one, in order; they follow it. */
  extras: XmlParagraph[]
}

/** The paragraphs of `document`, the part's `w:document` element (mammoth's tree of it, or parseXml's). */
export function readXmlParagraphs(document: XmlElement | undefined): XmlParagraph[] {
  const body = firstChild(document, 'w:body')
  const out: XmlParagraph[] = []
  const pendingDeleted: Builder = { text: [], extras: [] }

  const visitChildren = (el: XmlElement | undefined, into: Builder | null): void => {
    if (el) for (const child of el.children) if (child.type === 'element') visit(child, into)
  }

  const visit = (el: XmlElement, into: Builder | null): void => {
    switch (el.name) {
      case 'w:p': {
        const found = readParagraph(el)
        if (into) into.extras.push(...found)
        else out.push(...found)
        return
      }
      case 'w:t':
        if (into) for (const c of el.children) if (c.type === 'text') into.text.push(c.value)
        return
      case 'w:sdt':
        return visitChildren(firstChild(el, 'w:sdtContent'), into)
      case 'w:tr':
        // A deleted row (w:trPr/w:del) is dropped by mammoth, tracked changes accepted.
        if (firstChild(firstChild(el, 'w:trPr'), 'w:del')) return
        return visitChildren(el, into)
      case 'w:pict':
        // Text-box paragraphs outside any paragraph are lost by mammoth too.
        return visitChildren(el, into ?? { text: [], extras: [] })
      default:
        if (CONTAINERS.has(el.name)) visitChildren(el, into)
    }
  }

  const readParagraph = (el: XmlElement): XmlParagraph[] => {
    const b: Builder = { text: [], extras: [] }
    visitChildren(el, b)
    const pPr = firstChild(el, 'w:pPr')
    if (firstChild(firstChild(pPr, 'w:rPr'), 'w:del')) {
      // §17.13.5.15: a deleted paragraph mark joins this paragraph to the next one.
      pendingDeleted.text.push(...b.text)
      pendingDeleted.extras.push(...b.extras)
      return []
    }
    const text = pendingDeleted.text.concat(b.text)
    const extras = pendingDeleted.extras.concat(b.extras)
    pendingDeleted.text = []
    pendingDeleted.extras = []
    return [describe(pPr, text.join('')), ...extras]
  }

  visitChildren(body, null)
  return out
}

function describe(pPr: XmlElement | undefined, text: string): XmlParagraph {
  const styleId = childVal(pPr, 'w:pStyle')
  return { key: paragraphKey(text), ...(styleId !== undefined ? { styleId } : {}), ...numberingProps(pPr) }
}
