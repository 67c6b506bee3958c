import { describe, expect, it } from 'vitest'
import { childElements, childVal, firstChild, parseXml, type XmlElement } from '../../src/extract/docx-xml.js'

const names = (el: XmlElement | undefined): string[] => childElements(el).map((c) => c.name)

describe('parseXml', () => {
  it('names elements and attributes by namespace, whatever prefix the file uses', () => {
    const doc = parseXml(
      '<?xml version="1.0"?><!-- made by hand --><x:document xmlns:x="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
        '<x:body><x:p><x:pPr><x:pStyle x:val="Heading1"/></x:pPr></x:p></x:body></x:document>',
    )
    const p = firstChild(firstChild(firstChild(doc, 'w:document'), 'w:body'), 'w:p')
    expect(childVal(firstChild(p, 'w:pPr'), 'w:pStyle')).toBe('Heading1')
  })

  it('maps the strict OOXML namespace and a default namespace too', () => {
    const strict = parseXml('<document xmlns="http://purl.oclc.org/ooxml/wordprocessingml/main"><body/></document>')
    expect(names(strict)).toEqual(['w:document'])
    expect(names(firstChild(strict, 'w:document'))).toEqual(['w:body'])
  })

  it('decodes entities and CDATA, and keeps whitespace only inside w:t', () => {
    const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    const doc = parseXml(`<w:r ${W}>\n  <w:t xml:space="preserve"> A&amp;B &lt;1&gt; &#x4e07;&#20803; </w:t>\n<w:t><![CDATA[<raw>]]></w:t><w:t>  </w:t></w:r>`)
    const texts = childElements(firstChild(doc, 'w:r'), 'w:t').map((t) => t.children.map((c) => (c.type === 'text' ? c.value : '')).join(''))
    expect(texts).toEqual([' A&B <1> 万元 ', '<raw>', '  '])
    expect(firstChild(doc, 'w:r')!.children).toHaveLength(3)
  })

  it('replaces mc:AlternateContent by its fallback, as mammoth does', () => {
    const doc = parseXml(
      '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">' +
        '<w:t>a</w:t><mc:AlternateContent><mc:Choice Requires="w14"><w:numFmt w:val="custom"/></mc:Choice>' +
        '<mc:Fallback><w:numFmt w:val="decimal"/><w:tab/></mc:Fallback></mc:AlternateContent><w:t>b</w:t><mc:AlternateContent/></w:r>',
    )
    const run = firstChild(doc, 'w:r')
    expect(names(run)).toEqual(['w:t', 'w:numFmt', 'w:tab', 'w:t'])
    expect(childVal(run, 'w:numFmt')).toBe('decimal')
  })

  it('survives stray close tags and unclosed elements', () => {
    const doc = parseXml('<a><b>text</c></b><d><e>open')
    const a = firstChild(doc, 'a')
    expect(names(a)).toEqual(['b', 'd'])
    expect(firstChild(firstChild(a, 'd'), 'e')!.children).toEqual([{ type: 'text', value: 'open' }])
  })
})
