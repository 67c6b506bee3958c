import { describe, expect, it } from 'vitest'
import { readNumberingDefs } from '../../src/extract/docx-numbering-defs.js'
import { numberParagraphs } from '../../src/extract/docx-numbering.js'
import type { XmlParagraph } from '../../src/extract/docx-paragraphs.js'
import { NO_STYLES, readStyles } from '../../src/extract/docx-styles.js'

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

interface Lvl {
  fmt: string
  text: string
  start?: number
  restart?: number
  suff?: string
  pStyle?: string
  isLgl?: boolean
}

const lvl = (ilvl: number, l: Lvl): string =>
  `<w:lvl w:ilvl="${ilvl}">${l.start === undefined ? '' : `<w:start w:val="${l.start}"/>`}<w:numFmt w:val="${l.fmt}"/>` +
  `${l.restart === undefined ? '' : `<w:lvlRestart w:val="${l.restart}"/>`}${l.pStyle ? `<w:pStyle w:val="${l.pStyle}"/>` : ''}` +
  `${l.isLgl ? '<w:isLgl/>' : ''}${l.suff ? `<w:suff w:val="${l.suff}"/>` : ''}<w:lvlText w:val="${l.text}"/></w:lvl>`

const abstractNum = (id: number, levels: Lvl[]): string =>
  `<w:abstractNum w:abstractNumId="${id}">${levels.map((l, i) => lvl(i, l)).join('')}</w:abstractNum>`

const num = (id: number, abstractId: number, overrides = ''): string =>
  `<w:num w:numId="${id}"><w:abstractNumId w:val="${abstractId}"/>${overrides}</w:num>`

const numbering = (...parts: string[]): string => `<w:numbering ${W}>${parts.join('')}</w:numbering>`

/** 一、 / （一） / 1. with Word's usual start values. */
const CN = [
  { fmt: 'chineseCounting', text: '%1、', start: 1 },
  { fmt: 'chineseCounting', text: '（%2）', start: 1 },
  { fmt: 'decimal', text: '%3.', start: 1 },
]

const p = (numId: string | undefined, ilvl?: number, styleId?: string): XmlParagraph => ({
  key: 'x',
  ...(numId !== undefined ? { numId } : {}),
  ...(ilvl !== undefined ? { ilvl } : {}),
  ...(styleId !== undefined ? { styleId } : {}),
})

describe('numberParagraphs', () => {
  it('counts levels and restarts the deeper ones', () => {
    const defs = readNumberingDefs(numbering(abstractNum(0, CN), num(1, 0)))
    const paragraphs = [p('1', 0), p('1', 1), p('1', 2), p('1', 2), p(undefined), p('1', 1), p('1', 2), p('1', 0), p('1', 1)]
    expect(numberParagraphs(paragraphs, defs, NO_STYLES)).toEqual(['一、', '（一）', '1.', '2.', undefined, '（二）', '1.', '二、', '（一）'])
  })

  it('continues a count across nums of one abstract definition, and restarts on a start override', () => {
    const defs = readNumberingDefs(
      numbering(
        abstractNum(0, [{ fmt: 'decimal', text: '%1.', start: 1 }]),
        num(1, 0),
        num(2, 0),
        num(3, 0, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'),
      ),
    )
    expect(numberParagraphs([p('1'), p('1'), p('2'), p('3'), p('3'), p('1')], defs, NO_STYLES)).toEqual(['1.', '2.', '3.', '1.', '2.', '3.'])
  })

  it('keeps deeper counts running when lvlRestart says never', () => {
    const defs = readNumberingDefs(
      numbering(abstractNum(0, [{ fmt: 'chineseCounting', text: '%1、', start: 1 }, { fmt: 'decimalEnclosedCircle', text: '%2', start: 1, restart: 0 }]), num(1, 0)),
    )
    expect(numberParagraphs([p('1', 0), p('1', 1), p('1', 1), p('1', 0), p('1', 1)], defs, NO_STYLES)).toEqual(['一、', '①', '②', '二、', '③'])
  })

  it('shows multi-level text, legal numbering and the start value of unused levels', () => {
    const defs = readNumberingDefs(
      numbering(
        abstractNum(0, [
          { fmt: 'chineseCounting', text: '第%1章', start: 1 },
          { fmt: 'decimal', text: '%1.%2', start: 1, isLgl: true, suff: 'space' },
        ]),
        num(1, 0),
      ),
    )
    // Level 0 is shown at its start value while unused, and its first use shows that value too.
    expect(numberParagraphs([p('1', 1), p('1', 0), p('1', 1), p('1', 1), p('1', 0), p('1', 1)], defs, NO_STYLES)).toEqual([
      '1.1 ', '第一章 ', '1.1 ', '1.2 ', '第二章 ', '2.1 ',
    ])
  })

  it('takes the list from the paragraph style, and numId 0 removes it', () => {
    const styles = readStyles(
      `<w:styles ${W}>` +
        '<w:style w:type="paragraph" w:styleId="H1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>' +
        '<w:style w:type="paragraph" w:styleId="H1x"><w:name w:val="my heading"/><w:basedOn w:val="H1"/></w:style>' +
        '<w:style w:type="paragraph" w:styleId="H2"><w:name w:val="heading 2"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>' +
        '</w:styles>',
    )
    // Level 1 is linked to style H2 by w:pStyle; H1 has no level anywhere: level 0.
    const defs = readNumberingDefs(numbering(abstractNum(0, [CN[0]!, { ...CN[1]!, pStyle: 'H2' }]), num(1, 0)))
    const paragraphs = [p(undefined, undefined, 'H1'), p(undefined, undefined, 'H2'), p('0', undefined, 'H1'), p(undefined, undefined, 'H1x'), p(undefined, undefined, 'H2')]
    expect(numberParagraphs(paragraphs, defs, styles)).toEqual(['一、', '（一）', undefined, '二、', '（一）'])
  })

  it('follows numStyleLink to the numbering style that holds the definition', () => {
    const styles = readStyles(
      `<w:styles ${W}><w:style w:type="numbering" w:styleId="CnList"><w:name w:val="cn list"/><w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr></w:style></w:styles>`,
    )
    const defs = readNumberingDefs(
      numbering(
        abstractNum(0, CN),
        '<w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="CnList"/></w:abstractNum>',
        num(7, 0),
        num(8, 1),
      ),
    )
    expect(numberParagraphs([p('7', 0), p('8', 0), p('8', 1)], defs, styles)).toEqual(['一、', '二、', '（一）'])
  })

  it('gives no text to bullets, hidden numbers and undefined lists, but counts them', () => {
    const defs = readNumberingDefs(
      numbering(
        abstractNum(0, [{ fmt: 'bullet', text: '•' }]),
        abstractNum(1, [{ fmt: 'decimal', text: '%1)', start: 3 }]),
        num(1, 0),
        num(2, 1, '<w:lvlOverride w:ilvl="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1"/><w:rPr><w:vanish/></w:rPr></w:lvl></w:lvlOverride>'),
        num(3, 1),
      ),
    )
    expect(numberParagraphs([p('1'), p('9'), p('2'), p('3'), p('3')], defs, NO_STYLES)).toEqual([undefined, undefined, undefined, '2)', '3)'])
  })

  it('separates the number from the text by its suffix', () => {
    const defs = readNumberingDefs(
      numbering(
        abstractNum(0, [{ fmt: 'decimal', text: '%1', start: 1 }]),
        abstractNum(1, [{ fmt: 'decimal', text: '%1', start: 1, suff: 'nothing' }]),
        abstractNum(2, [{ fmt: 'upperRoman', text: '%1.', start: 4, suff: 'space' }]),
        num(1, 0),
        num(2, 1),
        num(3, 2),
      ),
    )
    // A TAB (the default) becomes a space after a bare number and nothing after punctuation.
    expect(numberParagraphs([p('1'), p('2'), p('3')], defs, NO_STYLES)).toEqual(['1 ', '1', 'IV. '])
  })
})
