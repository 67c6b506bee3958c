/**
 * The fast reader mammoth uses inside cnreport builds exactly the nodes mammoth's own
 * xmldom-based readString builds — on every part of every DOCX at hand and on the corners
 * of XML Word may write — and leaves everything else to xmldom.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { readDocx } from '../../src/extract/docx.js'
import { readMammothXml, withFastXml } from '../../src/extract/docx-mammoth-xml.js'
import { openZip } from '../../src/extract/docx-zip.js'
import { minimalDocx } from './docx-test-zip.js'

const require = createRequire(import.meta.url)
type Nodes = Parameters<typeof readMammothXml>[2] & { readString: (xml: string, map?: Record<string, string>) => Promise<unknown> }
const xml = require('mammoth/lib/xml/index.js') as Nodes
const officeXmlReader = require('mammoth/lib/docx/office-xml-reader.js') as { read: (xml: string) => Promise<unknown> }

/** The namespace map mammoth's office-xml-reader passes to readString, captured from a call. */
let namespaceMap: Record<string, string> = {}
beforeAll(async () => {
  const readString = xml.readString
  xml.readString = (source, map) => ((namespaceMap = map ?? {}), readString(source, map))
  try {
    await officeXmlReader.read('<a/>')
  } finally {
    xml.readString = readString
  }
  expect(namespaceMap['http://schemas.openxmlformats.org/wordprocessingml/2006/main']).toBe('w')
})

/** mammoth's own reading (outside withFastXml the hook passes through). */
const viaXmldom = (source: string) => xml.readString(source, namespaceMap)
const viaFast = (source: string) => readMammothXml(source, namespaceMap, xml)

async function expectSame(source: string): Promise<void> {
  const fast = viaFast(source)
  expect(fast, 'the fast reader declined').toBeDefined()
  const expected = await viaXmldom(source)
  expect(fast).toStrictEqual(expected)
  expect(JSON.stringify(fast)).toBe(JSON.stringify(expected)) // attribute and child order too
}

const DOCX_DIRS = [resolve('corpus'), resolve('test/fixtures/docx'), resolve('../shared/fixtures')]
const DOCX_FILES = DOCX_DIRS.filter((d) => existsSync(d)).flatMap((d) => readdirSync(d).filter((n) => n.endsWith('.docx')).map((n) => join(d, n)))

describe('on every XML part of every DOCX at hand', () => {
  it.each(DOCX_FILES)('%s', async (file) => {
    const pkg = openZip(readFileSync(file), file)
    const parts = pkg.names().filter((n) => /\.(xml|rels)$/.test(n))
    expect(parts).toContain('word/document.xml')
    for (const part of parts) {
      const source = pkg.readText(part)!.replace(/^\uFEFF/, '')
      await expectSame(source)
    }
  })
})

describe('on the corners of XML', () => {
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
  it.each([
    ['declaration, whitespace text nodes, self-closing elements', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${W}>\n  <w:body><w:p><w:r><w:t>一</w:t></w:r></w:p>\n  <w:sectPr/></w:body>\n</w:document>`],
    ['xml:space and entities in text and attributes', `<w:t ${W} xml:space="preserve" w:val="a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos;">  &#x4E2D;&#25991; &amp;amp; </w:t>`],
    ['tabs and line breaks in attribute values', `<w:p ${W} w:a="x\ty" w:b="1\n2" w:c="&#10;"/>`],
    ['CRLF, lone CR, NEL and LINE SEPARATOR in text', `<w:t ${W}>a\r\nb\rc\u0085d\u2028e\r\u0085f</w:t>`],
    ['a default namespace, a redeclared prefix, an unmapped namespace', `<document xmlns="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:x="urn:other"><body x:a="1"><x:y xmlns:x="http://schemas.openxmlformats.org/wordprocessingml/2006/main" b="2"/></body></document>`],
    ['undeclared prefixes and no namespace at all', '<root><p:q r:s="1" t="2">u</p:q></root>'],
    ['comments, CDATA and instructions between text', `<w:t ${W}>a<!-- note -->b<![CDATA[c]]>d<?pi data?>e</w:t>`],
    ['mc:AlternateContent kept as read (office-xml-reader collapses it)', `<w:r ${W} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:AlternateContent><mc:Choice Requires="wps"><w:t>new</w:t></mc:Choice><mc:Fallback><w:t>old</w:t></mc:Fallback></mc:AlternateContent></w:r>`],
    ['single-quoted attributes and spaces around =', `<w:p ${W} w:a = 'x"y' ></w:p >`],
    ['an astral character reference', `<w:t ${W}>&#x20BB7;&#134071;</w:t>`],
    ['an empty document element', '<a></a>'],
  ])('%s', async (_what, source) => {
    await expectSame(source)
  })

  it.each([
    ['a DOCTYPE', '<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>'],
    ['an unknown entity', '<a>&nbsp;</a>'],
    ['a bare ampersand', '<a>fish & chips</a>'],
    ['a mismatched close tag', '<a><b></a></b>'],
    ['an unclosed element', '<a><b></a>'],
    ['a duplicated attribute', '<a x="1" x="2"/>'],
    ['an unquoted attribute', '<a x=1/>'],
    ['attributes without space between', '<a x="1"y="2"/>'],
    ['a > inside an attribute value', '<a x="1>2"/>'],
    ['text outside the root', 'junk<a/>'],
    ['two roots', '<a/><b/>'],
    ['an unterminated comment', '<a/><!-- never closed'],
    ['a script element', '<script>x</script>'],
    ['an XHTML namespace', '<a xmlns="http://www.w3.org/1999/xhtml"/>'],
    ['an undeclared prefix that is an Object property', '<constructor:a/>'],
    ['no element at all', '   '],
  ])('leaves %s to xmldom', async (_what, source) => {
    expect(viaFast(source)).toBeUndefined()
    // …and the hooked readString, inside cnreport's scope, then behaves exactly as mammoth's.
    // (mammoth's readString may also throw synchronously, e.g. on a document with no element.)
    const settle = (read: () => Promise<unknown>) => Promise.resolve().then(read).then((v) => ({ v }), (e: Error) => ({ e: `${e.name}: ${e.message}` }))
    const inside = await settle(() => withFastXml(() => xml.readString(source, namespaceMap)))
    const outside = await settle(() => viaXmldom(source))
    expect(inside).toStrictEqual(outside)
  })
})

describe('the hook', () => {
  it('is used inside withFastXml only', async () => {
    await withFastXml(async () => undefined) // installs it
    const source = '<a x="1"/>'
    // Made-up nodes prove which path ran: the fast reader builds through the module's `text`/`Element`.
    let fastCalls = 0
    const element = xml.Element
    const counting = function (this: object, ...args: ConstructorParameters<typeof element>) {
      fastCalls++
      return new element(...args)
    } as unknown as typeof element
    xml.Element = counting
    try {
      await xml.readString(source, namespaceMap)
      expect(fastCalls).toBe(0)
      await withFastXml(() => xml.readString(source, namespaceMap))
      expect(fastCalls).toBe(1)
    } finally {
      xml.Element = element
    }
  })

  it('reads a DOCX to the same text and tables as without it', async () => {
    const bytes = minimalDocx('<w:p><w:r><w:t xml:space="preserve">收入 &amp; 支出 </w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>合计</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>12.5</w:t></w:r></w:p></w:tc></w:tr></w:tbl>')
    const read = await readDocx(bytes, 'x.docx', 'id')
    expect(read.text).toContain('收入 & 支出')
    expect(read.tables?.[0]?.rows.flat().map((c) => read.text.slice(c.start, c.end))).toEqual(['合计', '12.5'])
  })
})
