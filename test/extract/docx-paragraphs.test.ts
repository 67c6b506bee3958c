import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readWithMammoth } from '../../src/extract/docx-mammoth.js'
import { bodyParagraphs, plainText } from '../../src/extract/docx-model.js'
import { paragraphKey, readXmlParagraphs } from '../../src/extract/docx-paragraphs.js'
import { firstChild, parseXml } from '../../src/extract/docx-xml.js'
import { openZip } from '../../src/extract/docx-zip.js'
import { minimalDocx } from './docx-test-zip.js'

const run = (text: string): string => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`
const para = (inner: string, pPr = ''): string => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${inner}</w:p>`
const textBox = (text: string): string =>
  `<w:pict><v:shape><v:textbox><w:txbxContent>${para(run(text))}</w:txbxContent></v:textbox></v:shape></w:pict>`

/** Every construct where a naive walk of document.xml and mammoth's model part ways. */
const TRICKY_BODY = [
  para(run('普通段落'), '<w:pStyle w:val="Heading1"/><w:numPr><w:ilvl w:val="1"/><w:numId w:val="3"/></w:numPr>'),
  // A deleted paragraph mark joins the paragraph to the next one.
  para(run('前半'), '<w:rPr><w:del w:id="1" w:author="a" w:date="2024-01-01T00:00:00Z"/></w:rPr>'),
  para(run('后半'), '<w:numPr><w:numId w:val="5"/></w:numPr>'),
  // Deleted runs and moved-away text are gone, insertions stay.
  para(`${run('保留')}<w:del w:id="2" w:author="a"><w:r><w:delText>删除</w:delText></w:r></w:del><w:ins w:id="3" w:author="a">${run('插入')}</w:ins><w:moveFrom>${run('移走')}</w:moveFrom>`),
  // mammoth reads the VML fallback: the text box's paragraph follows its paragraph.
  para(
    `${run('外层')}<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><w:txbxContent>${para(run('选择分支'))}</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback>${textBox('文本框内容')}</mc:Fallback></mc:AlternateContent></w:r>${run('尾部')}`,
  ),
  // A DrawingML text box without fallback is not read by mammoth.
  para(`${run('图形')}<w:r><w:drawing><wps:txbx xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><w:txbxContent>${para(run('丢失'))}</w:txbxContent></wps:txbx></w:drawing></w:r>`),
  `<w:tbl><w:tr><w:tc>${para(run('单元格一'))}</w:tc><w:tc>${para(run('单元格二'))}${para('')}</w:tc></w:tr>` +
    `<w:tr><w:trPr><w:del w:id="4" w:author="a"/></w:trPr><w:tc>${para(run('删除的行'))}</w:tc></w:tr>` +
    `<w:tr><w:tc><w:sdt><w:sdtPr/><w:sdtContent>${para(run('内容控件'))}</w:sdtContent></w:sdt></w:tc></w:tr></w:tbl>`,
  para(`<w:hyperlink w:anchor="x">${run('链接文字')}</w:hyperlink><w:fldSimple w:instr="PAGE">${run('3')}</w:fldSimple>${run('12.5万元')}`),
  para(run('大纲'), '<w:outlineLvl w:val="1"/>'),
].join('')

describe('readXmlParagraphs', () => {
  it('produces the same paragraph sequence as mammoth', async () => {
    const pkg = openZip(minimalDocx(TRICKY_BODY), 'tricky.docx')
    const { document } = await readWithMammoth(pkg, 'tricky.docx')
    const mammothKeys = bodyParagraphs(document.children).map((p) => paragraphKey(plainText(p.children)))
    const ours = readXmlParagraphs(firstChild(parseXml(pkg.readText('word/document.xml')!), 'w:document'))
    expect(ours.map((p) => p.key)).toEqual(mammothKeys)
    expect(mammothKeys).toEqual([
      '普通段落', '前半后半', '保留插入', '外层尾部', '文本框内容', '图形',
      '单元格一', '单元格二', '', '内容控件', '链接文字125万元', '大纲',
    ])
  })

  it('keeps the numbering, style and outline level of each paragraph', () => {
    const ours = readXmlParagraphs(firstChild(parseXml(new TextDecoder().decode(openZip(minimalDocx(TRICKY_BODY), 't.docx').read('word/document.xml'))), 'w:document'))
    expect(ours[0]).toEqual({ key: '普通段落', styleId: 'Heading1', numId: '3', ilvl: 1 })
    // The merged paragraph takes the properties of the paragraph whose mark survives.
    expect(ours[1]).toEqual({ key: '前半后半', numId: '5' })
    expect(ours[11]).toEqual({ key: '大纲', outlineLvl: 1 })
  })
})

describe("readXmlParagraphs over mammoth's own tree of the part", () => {
  const DOCX_FILES = [resolve('corpus'), resolve('test/fixtures/docx')]
    .filter((d) => existsSync(d))
    .flatMap((d) => readdirSync(d).filter((n) => n.endsWith('.docx')).map((n) => join(d, n)))

  it('is handed the w:document element mammoth read, only for the part named', async () => {
    const pkg = openZip(minimalDocx(TRICKY_BODY), 'tricky.docx')
    expect((await readWithMammoth(pkg, 'tricky.docx', 'word/document.xml')).mainXml?.name).toBe('w:document')
    expect((await readWithMammoth(pkg, 'tricky.docx', 'word/other.xml')).mainXml).toBeUndefined()
    expect((await readWithMammoth(pkg, 'tricky.docx')).mainXml).toBeUndefined()
  })

  it.each(['tricky', ...DOCX_FILES])('gives the paragraphs parseXml gives: %s', async (name) => {
    const pkg = openZip(name === 'tricky' ? minimalDocx(TRICKY_BODY) : new Uint8Array(readFileSync(name)), name)
    const { mainXml } = await readWithMammoth(pkg, name, 'word/document.xml')
    expect(mainXml).toBeDefined()
    const parsed = readXmlParagraphs(firstChild(parseXml(pkg.readText('word/document.xml')!), 'w:document'))
    expect(parsed.length).toBeGreaterThan(0)
    expect(readXmlParagraphs(mainXml)).toEqual(parsed)
  })
})

describe('paragraphKey', () => {
  it('keeps letters and digits only', () => {
    expect(paragraphKey('一、 部门概况：3,395.06万元\t（99.65%）')).toBe('一部门概况339506万元9965')
  })
})
