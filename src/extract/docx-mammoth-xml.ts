/**
 * A faster XML reader for mammoth, used only inside cnreport's own mammoth calls.
 *
 * mammoth parses every package part with @xmldom/xmldom into a full DOM and then copies
 * that DOM into its own small nodes (lib/xml/reader.js `readString`). On the corpus DOCX
 * that costs 21 ms per document.xml — about a third of a whole DOCX analysis — where a
 * single regex pass that builds mammoth's nodes directly takes under 2 ms.
 *
 * The nodes built here are exactly those `readString` builds from xmldom 0.8's DOM, for the
 * XML Word writes: element and attribute names mapped through mammoth's namespace map
 * (`w:p`, `{uri}local` for unmapped namespaces, the local name when there is none), xmlns
 * declarations kept as `{http://www.w3.org/2000/xmlns/}prefix` attributes, tabs and newlines
 * in attribute values turned into spaces, the five XML entities and character references
 * decoded, every run of text between two pieces of markup one text node (whitespace
 * included), comments, CDATA sections and processing instructions left out. Anything else —
 * a DOCTYPE, a mismatched or unclosed tag, an unknown entity, a duplicated or unquoted
 * attribute, text outside the root — is not guessed at: the part goes to xmldom as before,
 * which also keeps mammoth's error messages for broken files. test/extract/
 * docx-mammoth-xml.test.ts compares both readers part by part on every DOCX at hand.
 *
 * How it is hooked in: office-xml-reader.js calls `xml.readString(…)` through the exports
 * object of mammoth's lib/xml module on each call, so that property is wrapped once. The
 * wrapper uses this reader only inside `withFastXml` (an AsyncLocalStorage scope around
 * cnreport's own call); any other mammoth call in the process — a library user's, the
 * benchmark's raw baseline — still runs mammoth's own code.
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import { createRequire } from 'node:module'
import { XML_ENTITIES } from './docx-xml.js'

/** mammoth's node shapes (lib/xml/nodes.js). */
interface MammothText {
  type: 'text'
  value: string
}
type MammothNode = object
type NamespaceMap = Record<string, string>
type ReadString = (xml: string, namespaceMap?: NamespaceMap) => Promise<unknown>

interface MammothXmlModule {
  readString: ReadString
  Element: new (name: string, attributes: Record<string, string>, children: MammothNode[]) => MammothNode
  text: (value: string) => MammothText
}

const XMLNS_URI = 'http://www.w3.org/2000/xmlns/'
const XML_URI = 'http://www.w3.org/XML/1998/namespace'

/** Thrown inside the reader for input it leaves to xmldom. */
class Unsupported extends Error {}

/** Markup at a '<' followed by '!' or '?': comment, CDATA, `<!…>` declaration, `<?…?>` instruction, or a tag (groups: close slash, name, rest). */
const MARKUP = /<(?:!--([\s\S]*?)(-->|$)|!\[CDATA\[[\s\S]*?(\]\]>|$)|(![^>]*>)|\?[\s\S]*?\?>|(\/?)([^\s>/]+)([^>]*)>)/y
/** MARKUP's tag alternative, where a '<' is followed by anything else (groups: close slash, name, rest). */
const TAG = /<(\/?)([^\s>/]+)([^>]*)>/y
/** One attribute at the current position of a tag's rest, with the whitespace before it. */
const ATTRIBUTE = /\s+([^\s=/>"']+)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/y
const TAG_END = /\s*(\/?)$/y
const REFERENCE = /&([^;&]*);?/g
/** An XML name as Word writes them (ASCII, at most one colon); others go to xmldom. */
const NAME = /^[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?$/
/** Names xmldom's parser treats specially (raw-text content), whatever their namespace. */
const SPECIAL = /^(?:script|textarea)$/i
/** A namespace xmldom treats as HTML (special content, boolean attributes). */
const XHTML_URI = 'http://www.w3.org/1999/xhtml'
/** Line breaks xmldom's DOMParser normalises to \n before parsing (normalizeLineEndings). */
const LINE_BREAKS = /[\r\u0085\u2028]/

/**
 * Reads `xml` into mammoth's nodes as xmldom + `readString` would, or returns undefined
 * when the input needs xmldom (see the module comment).
 */
export function readMammothXml(xml: string, namespaceMap: NamespaceMap, nodes: Pick<MammothXmlModule, 'Element' | 'text'>): MammothNode | undefined {
  try {
    return read(xml, namespaceMap, nodes)
  } catch (error) {
    if (error instanceof Unsupported) return undefined
    throw error
  }
}

interface Open {
  qName: string
  name: string
  attributes: Record<string, string>
  children: MammothNode[]
  /** Prefix → namespace URI in scope ('' = default namespace). */
  scope: Map<string, string>
}

function read(source: string, namespaceMap: NamespaceMap, nodes: Pick<MammothXmlModule, 'Element' | 'text'>): MammothNode {
  const xml = LINE_BREAKS.test(source) ? source.replace(/\r[\n\u0085]/g, '\n').replace(/[\r\u0085\u2028]/g, '\n') : source
  const top: Map<string, string> = new Map([['xml', XML_URI]])
  const stack: Open[] = []
  let root: MammothNode | undefined
  let last = 0
  const text = (raw: string) => {
    if (raw === '') return
    const parent = stack[stack.length - 1]
    if (!parent) {
      if (raw.trim() !== '') throw new Unsupported()
      return
    }
    parent.children.push(nodes.text(decode(raw)))
  }
  // Markup is looked for at each '<' in turn: a tag (nearly every '<') by the short TAG,
  // anything starting `<!` or `<?` by MARKUP; a '<' that starts neither stays in the text.
  for (let at = xml.indexOf('<'); at !== -1; at = xml.indexOf('<', at + 1)) {
    const next = xml.charCodeAt(at + 1)
    const special = next === 0x21 || next === 0x3f // ! ?
    const pattern = special ? MARKUP : TAG
    pattern.lastIndex = at
    const m = pattern.exec(xml)
    if (!m) continue
    text(xml.slice(last, at))
    last = pattern.lastIndex
    at = last - 1
    let slash: string | undefined, qName: string | undefined, rest: string | undefined
    if (special) {
      const [, comment, commentEnd, cdataEnd, declaration] = m
      if (comment !== undefined) {
        if (commentEnd !== '-->') throw new Unsupported()
        continue
      }
      if (cdataEnd !== undefined) {
        // A CDATA section becomes a node mammoth drops; outside the root it is not ours to judge.
        if (cdataEnd !== ']]>' || stack.length === 0) throw new Unsupported()
        continue
      }
      if (declaration !== undefined) throw new Unsupported() // DOCTYPE and the like
      ;[, , , , , slash, qName, rest] = m
    } else [, slash, qName, rest] = m
    if (qName === undefined) continue // a processing instruction
    if (slash === '/') {
      const open = stack.pop()
      if (!open || open.qName !== qName || (rest ?? '').trim() !== '') throw new Unsupported()
      const element = new nodes.Element(open.name, open.attributes, open.children)
      const parent = stack[stack.length - 1]
      if (parent) parent.children.push(element)
      else root = element
      continue
    }
    if (root !== undefined) throw new Unsupported() // a second root
    const { attributes, selfClosing, scope } = readTag(rest ?? '', stack[stack.length - 1]?.scope ?? top, namespaceMap)
    const name = elementName(qName, scope, namespaceMap)
    if (selfClosing) {
      const element = new nodes.Element(name, attributes, [])
      const parent = stack[stack.length - 1]
      if (parent) parent.children.push(element)
      else root = element
    } else stack.push({ qName, name, attributes, children: [], scope })
  }
  text(xml.slice(last))
  if (stack.length > 0 || root === undefined) throw new Unsupported()
  return root
}

/**
 * Converted names by namespace scope and qualified name: a document.xml has tens of thousands
 * of tags but a few dozen names, and a scope object is shared by every element below the one
 * that declared it. Only names that passed the checks are kept, so a hit needs none.
 */
const convertedNames = new WeakMap<Map<string, string>, Map<string, string>>()

function namesOf(scope: Map<string, string>): Map<string, string> {
  let names = convertedNames.get(scope)
  if (!names) convertedNames.set(scope, (names = new Map()))
  return names
}

/** An element's converted name; rejects names xmldom reads differently (or fails on). */
function elementName(qName: string, scope: Map<string, string>, namespaceMap: NamespaceMap): string {
  const names = namesOf(scope)
  let name = names.get(qName)
  if (name === undefined) {
    if (!NAME.test(qName) || SPECIAL.test(qName)) throw new Unsupported()
    name = convertName(qName, scope, namespaceMap, true)
    names.set(qName, name)
  }
  return name
}

/**
 * A prefixed attribute's converted name (the same as an element's with that name: only
 * unprefixed names differ, and those are not looked up here).
 */
function prefixedAttributeName(qName: string, names: Map<string, string>, scope: Map<string, string>, namespaceMap: NamespaceMap): string {
  let name = names.get(qName)
  if (name === undefined) {
    if (!NAME.test(qName)) throw new Unsupported()
    name = convertName(qName, scope, namespaceMap, false)
    names.set(qName, name)
  }
  return name
}

/** A start tag's attributes (after its name), converted; declarations open a new scope. */
function readTag(rest: string, parentScope: Map<string, string>, namespaceMap: NamespaceMap) {
  // Most tags have no attributes: <w:p>, <w:b/>.
  if (rest === '' || rest === '/') return { attributes: Object.create(null) as Record<string, string>, selfClosing: rest === '/', scope: parentScope }
  if (!rest.includes('xmlns')) return readPlainTag(rest, parentScope, namespaceMap)
  const raw: Array<[string, string]> = []
  // The sticky regexes are shared (a tag is read synchronously, start to end); lastIndex is theirs to reset.
  ATTRIBUTE.lastIndex = 0
  let at = 0
  for (let m = ATTRIBUTE.exec(rest); m; m = ATTRIBUTE.exec(rest)) {
    if (!NAME.test(m[1]!)) throw new Unsupported()
    raw.push([m[1]!, m[2] ?? m[3]!])
    at = ATTRIBUTE.lastIndex
  }
  const selfClosing = tagEnd(rest, at)

  let scope = parentScope
  for (const [qName, value] of raw) {
    const prefix = qName === 'xmlns' ? '' : qName.startsWith('xmlns:') ? qName.slice(6) : undefined
    if (prefix === undefined) continue
    if (scope === parentScope) scope = new Map(parentScope)
    const uri = attributeValue(value)
    if (uri === XHTML_URI) throw new Unsupported()
    scope.set(prefix, uri)
  }
  const attributes: Record<string, string> = Object.create(null) as Record<string, string>
  const seen = new Set<string>()
  for (const [qName, value] of raw) {
    if (seen.has(qName)) throw new Unsupported() // xmldom: fatal "Attribute … redefined"
    seen.add(qName)
    attributes[convertAttributeName(qName, scope, namespaceMap)] = attributeValue(value)
  }
  return { attributes, selfClosing, scope }
}

/**
 * readTag for a tag that declares no namespace (nearly all of them): one pass, attribute
 * names converted as they come. Two attributes with one converted name go to xmldom (it
 * fails on a repeated qualified name; a repeat through two prefixes is left to it too).
 */
function readPlainTag(rest: string, scope: Map<string, string>, namespaceMap: NamespaceMap) {
  const attributes: Record<string, string> = Object.create(null) as Record<string, string>
  const names = namesOf(scope)
  ATTRIBUTE.lastIndex = 0
  let at = 0
  for (let m = ATTRIBUTE.exec(rest); m; m = ATTRIBUTE.exec(rest)) {
    const qName = m[1]!
    let name: string
    if (qName.includes(':')) name = prefixedAttributeName(qName, names, scope, namespaceMap)
    else if (NAME.test(qName)) name = qName
    else throw new Unsupported()
    if (name in attributes) throw new Unsupported()
    attributes[name] = attributeValue(m[2] ?? m[3]!)
    at = ATTRIBUTE.lastIndex
  }
  const selfClosing = tagEnd(rest, at)
  return { attributes, selfClosing, scope }
}

/** Whether a tag's rest ends in `/` after its last attribute at `at`; anything else there goes to xmldom. */
function tagEnd(rest: string, at: number): boolean {
  TAG_END.lastIndex = at
  const closing = TAG_END.exec(rest)
  if (!closing || TAG_END.lastIndex !== rest.length) throw new Unsupported()
  return closing[1] === '/'
}

function convertAttributeName(qName: string, scope: Map<string, string>, namespaceMap: NamespaceMap): string {
  if (qName === 'xmlns') return `{${XMLNS_URI}}xmlns`
  if (qName.startsWith('xmlns:')) return `{${XMLNS_URI}}${qName.slice(6)}`
  // An unprefixed attribute has no namespace, whatever the default one is.
  return qName.includes(':') ? convertName(qName, scope, namespaceMap, false) : qName
}

/** `readString`'s convertName over the namespace xmldom resolves for `qName`. */
function convertName(qName: string, scope: Map<string, string>, namespaceMap: NamespaceMap, isElement: boolean): string {
  const colon = qName.indexOf(':')
  if (colon === 0 || colon !== qName.lastIndexOf(':')) throw new Unsupported()
  const prefix = colon === -1 ? '' : qName.slice(0, colon)
  const local = colon === -1 ? qName : qName.slice(colon + 1)
  if (!isElement && prefix === '') return local
  const uri = scope.get(prefix)
  // xmldom looks prefixes up in a plain object: an undeclared one inherited from
  // Object.prototype would not be "undeclared" there.
  if (uri === undefined && prefix in Object.prototype) throw new Unsupported()
  if (!uri) return local
  const mapped = Object.hasOwn(namespaceMap, uri) ? namespaceMap[uri] : undefined
  return mapped ? `${mapped}:${local}` : `{${uri}}${local}`
}

/** xmldom's attribute value: tabs and line breaks as spaces, then references decoded. */
function attributeValue(raw: string): string {
  return decode(raw.replace(/[\t\n\r]/g, ' '))
}

/** The five XML entities and `&#…;` / `&#x…;` references; anything else is left to xmldom. */
function decode(raw: string): string {
  if (!raw.includes('&')) return raw
  return raw.replace(REFERENCE, (whole, body: string) => {
    if (!whole.endsWith(';')) throw new Unsupported()
    const named = XML_ENTITIES[body]
    if (named !== undefined) return named
    const code = /^#[0-9]+$/.test(body) ? Number(body.slice(1)) : /^#x[0-9a-fA-F]+$/.test(body) ? parseInt(body.slice(2), 16) : NaN
    if (!(code > 0 && code <= 0x10ffff) || (code >= 0xd800 && code <= 0xdfff)) throw new Unsupported()
    return String.fromCodePoint(code)
  })
}

/** Told of each part mammoth reads in the scope: its XML and the tree read from it (by either reader). */
export type PartRead = (source: string, root: unknown) => void

const scopeOfOwnCalls = new AsyncLocalStorage<{ onRead: PartRead | undefined }>()
let installed = false

/**
 * Runs `fn` (a mammoth call) with the fast reader; parts it leaves alone go to xmldom.
 * Installs the hook on the first call.
 */
export function withFastXml<T>(fn: () => Promise<T>, onRead?: PartRead): Promise<T> {
  if (!installed) install()
  return scopeOfOwnCalls.run({ onRead }, fn)
}

function install(): void {
  const xml = createRequire(import.meta.url)('mammoth/lib/xml/index.js') as MammothXmlModule
  const original = xml.readString
  xml.readString = function readString(source: string, namespaceMap?: NamespaceMap) {
    const scope = scopeOfOwnCalls.getStore()
    if (!scope) return original(source, namespaceMap)
    const root = readMammothXml(source, namespaceMap ?? {}, xml)
    const read = root !== undefined ? Promise.resolve(root) : original(source, namespaceMap)
    const { onRead } = scope
    return onRead ? read.then((tree) => (onRead(source, tree), tree)) : read
  }
  installed = true
}
