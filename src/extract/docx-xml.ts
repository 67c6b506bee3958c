/**
 * A small, lenient XML reader for the few WordprocessingML parts the DOCX reader inspects
 * itself (document.xml for paragraph numbering, numbering.xml, styles.xml, .rels). It
 * names elements the way mammoth does (lib/docx/office-xml-reader.js): namespace URIs
 * map to fixed prefixes (`w:`, `mc:`, `v:` …) whatever prefixes the file declares, and
 * `mc:AlternateContent` is replaced by the children of its `mc:Fallback` — so a walk over
 * this tree sees the same elements in the same order as mammoth's body reader.
 *
 * Lenient because a broken part must not abort the reader: mammoth reports real XML
 * errors; here a stray close tag is ignored and unclosed elements end with the input.
 *
 * Its nodes have the shape of mammoth's own (lib/xml/nodes.js), so the walks over it also
 * walk the tree mammoth read document.xml into (docx-mammoth.ts keeps it): that part, the
 * largest, is then parsed once.
 */

export interface XmlElement {
  readonly type: 'element'
  name: string
  /** Attributes with canonical prefixes (`w:val`); parseXml parses them on first access. */
  readonly attributes: Readonly<Record<string, string>>
  children: XmlNode[]
}

export interface XmlText {
  readonly type: 'text'
  value: string
}

export type XmlNode = XmlElement | XmlText

/** The namespace URIs mammoth knows, with its prefixes (transitional and strict OOXML). */
const NAMESPACES: Record<string, string> = {
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main': 'w',
  'http://purl.oclc.org/ooxml/wordprocessingml/main': 'w',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships': 'r',
  'http://purl.oclc.org/ooxml/officeDocument/relationships': 'r',
  'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing': 'wp',
  'http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing': 'wp',
  'http://schemas.openxmlformats.org/package/2006/relationships': 'relationships',
  'http://schemas.openxmlformats.org/markup-compatibility/2006': 'mc',
  'urn:schemas-microsoft-com:vml': 'v',
  'urn:schemas-microsoft-com:office:word': 'office-word',
  'http://schemas.microsoft.com/office/word/2010/wordml': 'wordml',
}

/** XML's five predefined entities; no prototype, so `&constructor;` is not one. */
export const XML_ENTITIES: Readonly<Record<string, string>> = Object.assign(Object.create(null) as Record<string, string>, { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" })

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, body: string) => {
    if (body[0] !== '#') return XML_ENTITIES[body] ?? whole
    const code = body[1] === 'x' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10)
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole
  })
}

const ATTRIBUTE = /([^\s=/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g

/**
 * An element whose attributes are parsed only when read: document.xml has tens of
 * thousands of elements and the walks read the attributes of a few kinds.
 */
class Element implements XmlElement {
  readonly type = 'element'
  children: XmlNode[] = []
  private parsed: Record<string, string> | undefined

  constructor(
    public name: string,
    private readonly raw: string,
    private readonly ns: Map<string, string>,
  ) {}

  get attributes(): Record<string, string> {
    if (!this.parsed) {
      this.parsed = {}
      for (const [k, v] of rawAttributes(this.raw))
        if (k !== 'xmlns' && !k.startsWith('xmlns:')) this.parsed[canonical(k, this.ns, false)] = v
    }
    return this.parsed
  }
}

function rawAttributes(raw: string): Array<[string, string]> {
  const out: Array<[string, string]> = []
  for (const m of raw.matchAll(ATTRIBUTE)) out.push([m[1]!, decodeEntities(m[2] ?? m[3] ?? '')])
  return out
}

/** A comment, a CDATA section (group 1), a declaration, or a tag (groups 2–4: /, name, the rest). */
const MARKUP = /<(?:!--[\s\S]*?(?:-->|$)|!\[CDATA\[([\s\S]*?)(?:\]\]>|$)|[?!][^>]*>|(\/?)([^\s>/]+)([^>]*)>)/g

/** Parses `xml` into a tree rooted at a synthetic `#document` element. */
export function parseXml(xml: string): XmlElement {
  const root = new Element('#document', '', new Map())
  const stack: Array<{ el: Element; rawName: string; ns: Map<string, string> }> = [{ el: root, rawName: '', ns: new Map() }]
  let top = stack[0]!
  let last = 0
  const markup = new RegExp(MARKUP)
  for (let m = markup.exec(xml); m; m = markup.exec(xml)) {
    if (m.index > last) pushText(top.el, xml.slice(last, m.index))
    last = markup.lastIndex
    if (m[1] !== undefined) {
      top.el.children.push(text(m[1]))
      continue
    }
    const rawName = m[3]
    if (rawName === undefined) continue // a comment or a declaration
    if (m[2] === '/') {
      const at = findOpen(stack, rawName)
      if (at > 0) {
        // Elements left open inside are closed with it, innermost first.
        for (let k = stack.length - 1; k >= at; k--) close(stack[k]!.el, stack[k - 1]!.el)
        stack.length = at
        top = stack[at - 1]!
      }
      continue
    }
    const rawAttrs = m[4] ?? ''
    let ns = top.ns
    if (rawAttrs.includes('xmlns'))
      for (const [k, v] of rawAttributes(rawAttrs))
        if (k === 'xmlns' || k.startsWith('xmlns:')) {
          if (ns === top.ns) ns = new Map(ns)
          ns.set(k === 'xmlns' ? '' : k.slice(6), v)
        }
    const el = new Element(canonical(rawName, ns, true), rawAttrs, ns)
    const selfClosing = rawAttrs.endsWith('/')
    if (selfClosing && el.name === 'mc:AlternateContent') continue // an empty one: no fallback
    top.el.children.push(el)
    if (!selfClosing) {
      top = { el, rawName, ns }
      stack.push(top)
    }
  }
  if (last < xml.length) pushText(top.el, xml.slice(last))
  for (let k = stack.length - 1; k > 0; k--) close(stack[k]!.el, stack[k - 1]!.el)
  return root
}

/**
 * mammoth replaces each mc:AlternateContent by the children of its mc:Fallback
 * (office-xml-reader.js `collapseAlternateContent`); done here as the element closes,
 * when it is its parent's last child.
 */
function close(el: Element, parent: Element): void {
  if (el.name !== 'mc:AlternateContent' || parent.children[parent.children.length - 1] !== el) return
  parent.children.pop()
  const fallback = firstChild(el, 'mc:Fallback')
  if (fallback) parent.children.push(...fallback.children)
}

/** Text between tags; WordprocessingML has no meaningful whitespace-only text outside w:t. */
function pushText(el: Element, raw: string): void {
  if (el.name === 'w:t' || raw.trim() !== '') el.children.push(text(decodeEntities(raw)))
}

function text(value: string): XmlText {
  return { type: 'text', value }
}

/** Index of the innermost open element named `rawName`; a stray close tag matches none. */
function findOpen(stack: Array<{ rawName: string }>, rawName: string): number {
  for (let k = stack.length - 1; k > 0; k--) if (stack[k]!.rawName === rawName) return k
  return -1
}

function canonical(raw: string, ns: Map<string, string>, isElement: boolean): string {
  const colon = raw.indexOf(':')
  // Unprefixed attributes have no namespace; unprefixed elements take the default one.
  if (colon === -1 && !isElement) return raw
  const prefix = colon === -1 ? '' : raw.slice(0, colon)
  const local = colon === -1 ? raw : raw.slice(colon + 1)
  const uri = ns.get(prefix)
  if (uri === undefined) return raw
  const known = NAMESPACES[uri]
  return known ? `${known}:${local}` : `{${uri}}${local}`
}

export function firstChild(el: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!el) return undefined
  for (const c of el.children) if (c.type === 'element' && c.name === name) return c
  return undefined
}

export function childElements(el: XmlElement | undefined, name?: string): XmlElement[] {
  if (!el) return []
  const out: XmlElement[] = []
  for (const c of el.children) if (c.type === 'element' && (name === undefined || c.name === name)) out.push(c)
  return out
}

/** `w:val` of the first child named `name`, e.g. `childVal(pPr, 'w:pStyle')`. */
export function childVal(el: XmlElement | undefined, name: string): string | undefined {
  return firstChild(el, name)?.attributes['w:val']
}

/** Integer attribute value, or undefined when absent or not a number. */
export function intVal(s: string | undefined): number | undefined {
  if (s === undefined) return undefined
  const n = Number.parseInt(s, 10)
  return Number.isFinite(n) ? n : undefined
}
