import { describe, expect, it } from 'vitest'
import type { MDocument, MParagraph } from '../../src/extract/docx-model.js'
import { paragraphInfo } from '../../src/extract/docx-paragraph-info.js'
import { findParts } from '../../src/extract/docx-parts.js'
import { openZip } from '../../src/extract/docx-zip.js'
import { minimalDocx } from './docx-test-zip.js'

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
const NUMBERING =
  `<w:numbering ${W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>` +
  '<w:lvlText w:val="%1、"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
const STYLES = `<w:styles ${W}><w:style w:type="paragraph" w:styleId="Lvl2"><w:name w:val="my level 2"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style></w:styles>`

const numberedP = (text: string, style = ''): string =>
  `<w:p><w:pPr>${style}<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`

/** A stand-in for mammoth's model: paragraphs with the given texts. */
function model(texts: string[]): { document: MDocument; paragraphs: MParagraph[] } {
  const paragraphs = texts.map((t): MParagraph => ({ type: 'paragraph', children: [{ type: 'text', value: t }], styleId: null, styleName: null, numbering: null }))
  return { document: { type: 'document', children: paragraphs, notes: { resolve: () => null } }, paragraphs }
}

function packageOf(body: string) {
  const pkg = openZip(
    minimalDocx(body, [
      { name: 'word/numbering.xml', data: NUMBERING },
      { name: 'word/styles.xml', data: STYLES },
    ]),
    'info.docx',
  )
  return { pkg, parts: findParts(pkg, 'info.docx') }
}

describe('paragraphInfo', () => {
  it('attaches numbers and outline levels (from the paragraph style) to the matching paragraphs', () => {
    const { pkg, parts } = packageOf(numberedP('部门概况') + '<w:p><w:r><w:t>正文</w:t></w:r></w:p>' + numberedP('绩效目标', '<w:pStyle w:val="Lvl2"/>'))
    const { document, paragraphs } = model(['部门概况', '正文', '绩效目标'])
    const { info, diagnostics } = paragraphInfo(pkg, parts, document)
    expect(paragraphs.map((p) => info.get(p))).toEqual([{ numberText: '一、' }, undefined, { numberText: '二、', outlineLvl: 1 }])
    expect(diagnostics).toEqual([])
  })

  it('says how many numbers found no paragraph instead of misplacing them', () => {
    const { pkg, parts } = packageOf(numberedP('部门概况') + numberedP('绩效目标'))
    const { document, paragraphs } = model(['部门概况', '另一段'])
    const { info, diagnostics } = paragraphInfo(pkg, parts, document)
    expect(paragraphs.map((p) => info.get(p))).toEqual([{ numberText: '一、' }, undefined])
    expect(diagnostics.map((d) => [d.level, d.code])).toEqual([['warning', 'docx-numbering-unplaced']])
    expect(diagnostics[0]!.message).toMatch(/^1 auto-numbered paragraph/)
  })
})
