import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { SourceDocument } from '../../src/document.js'
import { readDocx } from '../../src/extract/docx.js'
import { readSource } from '../../src/extract/read-source.js'
import { InputError } from '../../src/result.js'
import { makeZip, minimalDocx } from './docx-test-zip.js'

const fixturePath = (name: string): string => new URL(`../fixtures/docx/${name}`, import.meta.url).pathname
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(fixturePath(name)))
const read = (name: string): Promise<SourceDocument> => readDocx(fixture(name), name, 'id')
const lines = (doc: SourceDocument): string[] => doc.text.split('\n')

async function inputError(promise: Promise<unknown>): Promise<InputError> {
  try {
    await promise
  } catch (error) {
    expect(error).toBeInstanceOf(InputError)
    return error as InputError
  }
  throw new Error('expected an InputError, the read succeeded')
}

describe('readDocx: Word auto-numbering', () => {
  it('puts back the numbers Word shows, as the lines start', async () => {
    const doc = await read('auto-numbered-headings.docx')
    expect(doc.format).toBe('docx')
    expect(lines(doc)).toEqual([
      '某某局2023年部门整体支出绩效自评报告',
      '一、部门概况',
      '（一）部门职能',
      '2023年度收入总计3395.06万元，其中财政拨款收入3383.30万元，占99.65%。',
      '1.负责应急管理工作',
      '2.组织编制应急体系规划',
      '（二）机构设置',
      '1.内设处室13个',
      '本部门编制数131人，在职人数131人。',
      '二、部门整体支出情况',
      '（一）收入情况',
      '①财政拨款收入3383.30万元',
      '②其他收入11.76万元',
      '2023年度支出合计3395.06万元，其中基本支出1426.99万元，占42.03%。',
      '三、评价结论',
      '1.成立评价小组',
      '2.组织资料收集',
      '自评得分97分。',
      '1.完成自评工作',
      '2.提交报告',
      '1 总则',
      '1.1 适用范围',
      '1.2 术语',
      '四、第四部分',
      '五、第五部分',
      '六、第六部分',
      '七、第七部分',
      '八、第八部分',
      '九、第九部分',
      '十、第十部分',
      '十一、第十一部分',
    ])
    expect(doc.diagnostics).toEqual([])
  })

  it('gives one paragraph block per line, spanning the number too', async () => {
    const doc = await read('auto-numbered-headings.docx')
    expect(doc.blocks).toHaveLength(31)
    const second = doc.blocks[1]!
    expect(second.kind).toBe('paragraph')
    expect(doc.text.slice(second.start, second.end)).toBe('一、部门概况')
  })
})

describe('readDocx: heading styles', () => {
  it('marks Title, 标题 1 / Heading n styles and outline levels as headings', async () => {
    const doc = await read('heading-styles.docx')
    const blocks = doc.blocks.map((b) => [b.kind, b.headingLevel, doc.text.slice(b.start, b.end)])
    expect(blocks).toEqual([
      ['heading', 0, '某某局2023年部门整体支出绩效自评报告'],
      // Numbered by the style, not the paragraph: the number is Word's, the level the style's name.
      ['heading', 1, '一、部门概况'],
      ['heading', 2, '（一）基本情况'],
      ['paragraph', undefined, '年度预算资金582.77万元，执行率98%。'],
      ['heading', 1, '二、绩效目标'],
      ['heading', 1, '三、存在的问题'],
      ['paragraph', undefined, '预算执行进度偏慢。'],
      ['heading', 1, '第四部分 结论'],
      // Footnotes follow the body; the reference mark itself is not shown.
      ['paragraph', undefined, '注：含上年结转资金92.75万元。'],
    ])
    expect(lines(doc).slice(-2)).toEqual(['', '注：含上年结转资金92.75万元。'])
  })
})

describe('readDocx: tables', () => {
  it('lays a table out as TAB-started cells, rows apart, blank lines around', async () => {
    const doc = await read('merged-cells.docx')
    expect(lines(doc).slice(0, 22)).toEqual([
      '表1 部门支出情况表',
      '单位：万元',
      '',
      '\t项目', '\t预算数', '\t执行数',
      '',
      '\t年初预算', '\t调整后预算',
      '',
      '\t基本支出', '\t1426.99', '\t1426.99', '\t1420.50',
      '',
      '\t项目支出', '\t1968.07', '\t1968.07', '\t1900.00',
      '',
      '\t合计', '\t3395.06',
    ])
    expect(lines(doc).slice(24, 28)).toEqual(['', '支出合计3395.06万元。', '', '\t年度预算资金（万元）'])
  })

  it('gives merged cells their spans and every cell a span of the text', async () => {
    const doc = await read('merged-cells.docx')
    expect(doc.tables.map((t) => t.id)).toEqual(['t1', 't2', 't3'])
    const [budget, funds, people] = doc.tables
    const shape = (t: typeof budget) => t!.rows.map((row) => row.map((c) => [c.text, c.rowSpan ?? 1, c.colSpan ?? 1]))
    expect(shape(budget)).toEqual([
      [['项目', 2, 1], ['预算数', 1, 2], ['执行数', 2, 1]],
      [['年初预算', 1, 1], ['调整后预算', 1, 1]],
      [['基本支出', 1, 1], ['1426.99', 1, 1], ['1426.99', 1, 1], ['1420.50', 1, 1]],
      [['项目支出', 1, 1], ['1968.07', 1, 1], ['1968.07', 1, 1], ['1900.00', 1, 1]],
      [['合计', 1, 1], ['3395.06', 1, 1], ['3395.06', 1, 1], ['3320.50', 1, 1]],
    ])
    // A cell's paragraphs are one cell; its later paragraphs start lines without a TAB.
    expect(funds!.rows[2]![1]).toMatchObject({ text: '目标1：安全生产工作\n目标2：防汛抗旱工作', colSpan: 2 })
    for (const table of doc.tables) {
      expect(doc.text.slice(table.start, table.end).startsWith('\t')).toBe(true)
      for (const cell of table.rows.flat()) {
        expect(doc.text.slice(cell.start, cell.end)).toBe(cell.text)
        expect(doc.text[cell.start - 1]).toBe('\t')
      }
    }
    expect(doc.text.slice(people!.start, people!.end)).toBe('\t编制数\n\t在职人数\n\n\t131\n\t128')
  })

  it('takes the unit from the line above or a header cell, else sets none', async () => {
    const doc = await read('merged-cells.docx')
    expect(doc.tables.map((t) => t.unit)).toEqual(['万元', '万元', undefined])
  })

  it('marks cell paragraphs as cell blocks', async () => {
    const doc = await read('merged-cells.docx')
    const cells = doc.blocks.filter((b) => b.kind === 'cell').map((b) => doc.text.slice(b.start, b.end))
    expect(cells.slice(0, 3)).toEqual(['项目', '预算数', '执行数'])
    // The second paragraph of a cell, and a line broken inside a cell paragraph, are cell lines too.
    expect(cells).toContain('目标2：防汛抗旱工作')
    expect(doc.blocks.filter((b) => b.kind === 'paragraph').map((b) => doc.text.slice(b.start, b.end))).toEqual([
      '表1 部门支出情况表', '单位：万元', '支出合计3395.06万元。', '人员情况如下：',
    ])
  })
})

describe('readDocx: text layout rules', () => {
  it('breaks lines at w:br, turns line-leading TABs into spaces, and keeps empty paragraphs', async () => {
    const body =
      '<w:p><w:r><w:tab/><w:t>缩进段落</w:t><w:br/><w:tab/><w:t>第二行</w:t></w:r></w:p><w:p/>' +
      '<w:p><w:r><w:t>中间</w:t><w:tab/><w:t>制表</w:t></w:r></w:p>'
    const doc = await readDocx(minimalDocx(body), 'layout.docx', 'id')
    expect(doc.text).toBe(' 缩进段落\n 第二行\n\n中间\t制表')
    expect(doc.blocks.map((b) => doc.text.slice(b.start, b.end))).toEqual([' 缩进段落\n 第二行', '中间\t制表'])
  })

  it('marks every line of a cell paragraph broken by w:br as a cell block', async () => {
    const body = '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>目标1：安全</w:t><w:br/><w:t>目标2：防汛</w:t></w:r></w:p></w:tc></w:tr></w:tbl>'
    const doc = await readDocx(minimalDocx(body), 'br-cell.docx', 'id')
    expect(doc.text).toBe('\t目标1：安全\n目标2：防汛\n')
    expect(doc.blocks.map((b) => [b.kind, doc.text.slice(b.start, b.end)])).toEqual([
      ['cell', '目标1：安全'],
      ['cell', '目标2：防汛'],
    ])
  })

  it('flattens a nested table into its cell and says so', async () => {
    const cell = (inner: string): string => `<w:tc>${inner}</w:tc>`
    const p = (t: string): string => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`
    const body = `<w:tbl><w:tr>${cell(p('外'))}${cell(`${p('上')}<w:tbl><w:tr>${cell(p('内1'))}${cell(p('内2'))}</w:tr></w:tbl>`)}</w:tr></w:tbl>`
    const doc = await readDocx(minimalDocx(body), 'nested.docx', 'id')
    expect(doc.text).toBe('\t外\n\t上\n内1\n内2\n')
    expect(doc.tables[0]!.rows[0]!.map((c) => c.text)).toEqual(['外', '上\n内1\n内2'])
    expect(doc.diagnostics).toEqual([
      { level: 'info', code: 'docx-nested-table', message: '1 table(s) nested in table cells are flattened into the text of their cell' },
    ])
  })

  it('reports what mammoth skipped as warnings with a code', async () => {
    const body = '<w:p><w:r><w:t>前</w:t></w:r><w:fldSimple w:instr="PAGE"><w:r><w:t>3</w:t></w:r></w:fldSimple></w:p><w:p><w:r><w:br w:type="unknown"/></w:r></w:p>'
    const doc = await readDocx(minimalDocx(body), 'skipped.docx', 'id')
    expect(doc.diagnostics).toEqual([
      { level: 'warning', code: 'docx-mammoth-warning', message: 'An unrecognised element was ignored: w:fldSimple' },
      { level: 'warning', code: 'docx-mammoth-warning', message: 'Unsupported break type: unknown' },
    ])
  })
})

describe('readDocx: bad input', () => {
  it('refuses a truncated file with docx-corrupt, naming it', async () => {
    const bytes = fixture('merged-cells.docx')
    const error = await inputError(readDocx(bytes.subarray(0, 3000), 'in/cut.docx', 'id'))
    expect(error.code).toBe('docx-corrupt')
    expect(error.message.startsWith('in/cut.docx: the DOCX file is truncated or corrupt')).toBe(true)
  })

  it('refuses a ZIP without a main document', async () => {
    const error = await inputError(readDocx(makeZip([{ name: 'hello.txt', data: 'hi' }]), 'hello.docx', 'id'))
    expect(error.code).toBe('docx-no-document')
    expect(error.message).toBe('hello.docx: the file is a ZIP archive but not a Word document: it has no main document part (word/document.xml)')
  })

  it('refuses a ZIP bomb before mammoth sees it', async () => {
    const bomb = makeZip([{ name: 'word/document.xml', data: new Uint8Array(8 * 1024 * 1024) }])
    expect((await inputError(readDocx(bomb, 'bomb.docx', 'id'))).code).toBe('docx-zip-bomb')
  })

  it('refuses a document mammoth cannot parse with docx-unreadable', async () => {
    const error = await inputError(readDocx(makeZip([{ name: 'word/document.xml', data: 'not xml <<<' }]), 'junk.docx', 'id'))
    expect(error.code).toBe('docx-unreadable')
    expect(error.message).toMatch(/^junk\.docx: the DOCX file cannot be read: /)
    expect(error.message).not.toContain('\n')
  })

  it('throws nothing but InputError for damaged copies of a real DOCX', async () => {
    const original = fixture('auto-numbered-headings.docx')
    let seed = 12345
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31
      return seed % n
    }
    let refused = 0
    for (let round = 0; round < 60; round++) {
      const bytes = original.slice()
      for (let k = 0; k < 1 + random(8); k++) bytes[random(bytes.length)] = random(256)
      try {
        const doc = await readDocx(bytes, `damaged-${round}.docx`, 'id')
        expect(typeof doc.text).toBe('string')
      } catch (error) {
        expect(error).toBeInstanceOf(InputError)
        expect((error as InputError).message.startsWith(`damaged-${round}.docx: `)).toBe(true)
        refused++
      }
    }
    // Most damage hits compressed data and fails the CRC; the count only shows the loop bites.
    expect(refused).toBeGreaterThan(30)
  })
})

describe('readSource', () => {
  it('dispatches DOCX bytes to the DOCX reader whatever the file is called', async () => {
    const doc = await readSource(fixture('merged-cells.docx'), 'named-wrong.txt', 'id')
    expect(doc.format).toBe('docx')
    expect(doc.tables).toHaveLength(3)
  })

  it('reports a truncated DOCX as such, not as something else', async () => {
    const bytes = fixture('merged-cells.docx')
    const error = await inputError(readSource(bytes.subarray(0, bytes.length - 200), 'cut.docx', 'id'))
    expect(error.code).toBe('docx-corrupt')
  })
})
