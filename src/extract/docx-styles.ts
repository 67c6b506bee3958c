/**
 * What word/styles.xml says about paragraphs that matters for numbering and headings:
 * a paragraph style can carry list numbering (`w:numPr`, the usual way Word numbers
 * 一、/（一）headings) and an outline level, and inherits both through `w:basedOn`
 * (ECMA-376 Part 1 §17.7.4.3, §17.3.1.19, §17.3.1.20).
 */
import { type NumberingProps, numberingProps } from './docx-numbering-props.js'
import { childVal, childElements, firstChild, parseXml, type XmlElement } from './docx-xml.js'

/** A style of styles.xml, with the numbering properties of its `w:pPr`. */
export interface StyleDef extends NumberingProps {
  id: string
  /** `w:type`: paragraph, character, table or numbering. */
  type: string
  /** The style's name as stored, e.g. `heading 1`, `标题 1`, `Title`. */
  name?: string
  basedOn?: string
}

export interface Styles {
  byId: Map<string, StyleDef>
  /** The paragraph style of paragraphs that name none (`w:default="1"`). */
  defaultParagraphStyle?: string
}

export const NO_STYLES: Styles = { byId: new Map() }

export function readStyles(xml: string | undefined): Styles {
  if (xml === undefined) return NO_STYLES
  const root = firstChild(parseXml(xml), 'w:styles')
  const byId = new Map<string, StyleDef>()
  let defaultParagraphStyle: string | undefined
  for (const el of childElements(root, 'w:style')) {
    const id = el.attributes['w:styleId']
    if (id === undefined) continue
    const style = readStyle(el, id)
    byId.set(id, style)
    if (style.type === 'paragraph' && (el.attributes['w:default'] === '1' || el.attributes['w:default'] === 'true')) defaultParagraphStyle = id
  }
  return { byId, ...(defaultParagraphStyle !== undefined ? { defaultParagraphStyle } : {}) }
}

function readStyle(el: XmlElement, id: string): StyleDef {
  const name = childVal(el, 'w:name')
  const basedOn = childVal(el, 'w:basedOn')
  return {
    id,
    type: el.attributes['w:type'] ?? 'paragraph',
    ...(name !== undefined ? { name } : {}),
    ...(basedOn !== undefined ? { basedOn } : {}),
    ...numberingProps(firstChild(el, 'w:pPr')),
  }
}

/** Word's own limit on style inheritance is far lower; this only stops cycles. */
const MAX_CHAIN = 32

/** The style and its ancestors, nearest first. */
export function styleChain(styles: Styles, styleId: string | undefined): StyleDef[] {
  const chain: StyleDef[] = []
  const seen = new Set<string>()
  for (let id = styleId ?? styles.defaultParagraphStyle; id !== undefined && !seen.has(id) && chain.length < MAX_CHAIN; ) {
    seen.add(id)
    const style = styles.byId.get(id)
    if (!style) break
    chain.push(style)
    id = style.basedOn
  }
  return chain
}

/** The first value a style chain defines for a property (a nearer style overrides its base). */
export function inherited<K extends 'numId' | 'ilvl' | 'outlineLvl'>(chain: StyleDef[], key: K): StyleDef[K] | undefined {
  for (const style of chain) if (style[key] !== undefined) return style[key]
  return undefined
}
