import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { SectionSchema, type Section } from '../../src/contract.js'
import { LineIndex, type Block, type SourceDocument } from '../../src/document.js'
import { findSections } from '../../src/extract/sections.js'

const fixtures = fileURLToPath(new URL('../fixtures/sections/', import.meta.url))

function doc(text: string, blocks: Block[] = []): SourceDocument {
  return { id: '0'.repeat(64), path: 'test.txt', format: 'txt', text, blocks, tables: [], diagnostics: [] }
}

function sections(text: string, blocks: Block[] = []): Section[] {
  return findSections(doc(text, blocks), new LineIndex(text))
}

function fixture(name: string): string {
  return readFileSync(fixtures + name, 'utf8')
}

/** `line:level number|title` per section: one readable line each, for whole-tree assertions. */
function outline(secs: Section[]): string[] {
  return secs.map((s) => `${s.line}:${s.level} ${s.number}|${s.title}`)
}

/** Sections of a text given as lines. */
function tree(...lines: string[]): string[] {
  return outline(sections(lines.join('\n')))
}

/** The contract's invariants: spans nest, parents enclose, ids run s1, s2, …. */
function expectWellFormed(text: string, secs: Section[]): void {
  const byId = new Map(secs.map((s) => [s.id, s]))
  secs.forEach((s, i) => {
    expect(SectionSchema.parse(s)).toEqual(s)
    expect(s.id).toBe(`s${i + 1}`)
    expect(s.start).toBeLessThanOrEqual(s.heading!.start)
    expect(s.heading!.start).toBeLessThan(s.heading!.end)
    expect(s.heading!.end).toBeLessThanOrEqual(s.end)
    expect(s.end).toBeLessThanOrEqual(text.length)
    expect(new LineIndex(text).lineOf(s.heading!.start)).toBe(s.line)
    // A heading stays on its line (titles continued on the next line excepted).
    if (s.level > 0) expect(new LineIndex(text).lineOf(s.heading!.end - 1)).toBe(s.line)
    const next = secs.slice(i + 1).find((t) => t.level <= s.level)
    expect(s.end).toBe(next ? next.start : text.length)
    if (s.parentId) {
      const p = byId.get(s.parentId)!
      expect(p.level).toBeLessThan(s.level)
      expect(p.start).toBeLessThanOrEqual(s.start)
      expect(s.end).toBeLessThanOrEqual(p.end)
    }
  })
}

describe('findSections: levels from enumerator style and context', () => {
  it('infers levels when auto-numbering was lost or mistyped (4、 among 一、, （2） among （一）, （1） before （二）)', () => {
    expect(outline(sections(fixture('lost-auto-numbering.txt')))).toEqual([
      '1:0 |某县应急管理局2023年度部门整体支出绩效自评报告',
      '4:1 一、|部门概况',
      '5:2 （一）|部门基本情况',
      '7:2 （2）|人员情况',
      '9:2 （三）|资产情况',
      '11:1 二、|自评工作情况',
      '13:1 三、|绩效目标设置情况',
      '15:1 4、|部门整体支出情况',
      '17:1 5、|预算管理情况',
      '18:2 （1）|项目管理',
      '19:3 1、|项目实施程序',
      '20:3 2、|项目监管',
      '21:2 （二）|资产管理',
      '23:1 6、|整体绩效',
      '25:1 七、|存在问题',
    ])
  })

  it.each<[string, string[], string[]]>([
    ['the template ladder 一、（一）1.（1）①', ['一、概况', '（一）职能', '1.主要职能', '（1）安全生产', '①监督检查', '正文。'], ['1:1 一、|概况', '2:2 （一）|职能', '3:3 1.|主要职能', '4:4 （1）|安全生产', '5:5 ①|监督检查']],
    ['1、 opening a document whose next top item is 二、', ['1、 部门整体概况', '（1） 部门职责', '1、主要职能', '正文内容。', '2、人员情况', '正文内容。', '（二）预算执行情况', '正文内容。', '二、绩效评价组织情况', '正文内容。'], ['1:1 1、|部门整体概况', '2:2 （1）|部门职责', '3:3 1、|主要职能', '5:3 2、|人员情况', '7:2 （二）|预算执行情况', '9:1 二、|绩效评价组织情况']],
    ['（n） directly under （二） takes the next level, not its template level', ['一、情况', '（一）区级资金', '1.项目一', '正文。', '（二）上级资金', '（1）项目甲', '正文。', '（2）项目乙', '正文。'], ['1:1 一、|情况', '2:2 （一）|区级资金', '3:3 1.|项目一', '5:2 （二）|上级资金', '6:3 （1）|项目甲', '8:3 （2）|项目乙']],
    ['mixed 、 and . in one sequence', ['（三）经费管理', '1、“三公经费”控制率。', '正文。', '2.“公用经费”控制率。', '正文。'], ['1:2 （三）|经费管理', '2:3 1、|“三公经费”控制率', '4:3 2.|“公用经费”控制率']],
    ['a second （一） after a first one is a sibling', ['一、部门概况', '（一）部门基本情况', '（一）职能职责', '正文。', '（二）机构设置', '正文。'], ['1:1 一、|部门概况', '2:2 （一）|部门基本情况', '3:2 （一）|职能职责', '5:2 （二）|机构设置']],
    ['full-width digits and mixed-width parentheses', ['一、预算管理', '(一)预算执行', '１．预算完成率', '正文。', '２．预算控制率', '正文。', '(二）预算绩效开展', '正文。'], ['1:1 一、|预算管理', '2:2 (一)|预算执行', '3:3 １．|预算完成率', '5:3 ２．|预算控制率', '7:2 (二）|预算绩效开展']],
  ])('%s', (_name, lines, expected) => {
    expect(tree(...lines)).toEqual(expected)
  })

  it('reads headings behind ideographic-space indentation and [bookmark] residue', () => {
    const secs = sections(['\u3000\u3000一、部门概况', '[bookmark: _GoBack]（一）基本情况', '\u3000\u3000正文。'].join('\n'))
    expect(outline(secs)).toEqual(['1:1 一、|部门概况', '2:2 （一）|基本情况'])
    expect(secs[1]!.heading!.start).toBe('\u3000\u3000一、部门概况\n[bookmark: _GoBack]'.length)
  })
})

describe('findSections: headings and lists', () => {
  it('rejects duty lists and enumerations but keeps run-in headings', () => {
    expect(outline(sections(fixture('duty-list.txt')))).toEqual([
      '1:1 一、|部门概况',
      '2:2 （一）|职能职责',
      '8:2 （二）|机构设置',
      '9:3 1、|部门设置',
      '10:3 2、|人员情况',
      '11:1 二、|绩效目标',
    ])
  })

  it('rejects run-in shaped duty statements after an intro that announces duties', () => {
    expect(
      tree(
        '主要职责是：',
        '（一）负责推进本区法治政府建设工作。指导、监督各部门的依法行政工作。',
        '（二）负责本区行政执法监督工作。指导本区行政复议工作。',
        '（三）完成区委、区政府交办的其他任务。',
        '二、机构设置',
        '本局内设科室5个。',
      ),
    ).toEqual(['5:1 二、|机构设置'])
  })

  it('keeps a Chinese-numbered run of short sentences as headings (存在问题)', () => {
    expect(tree('七、存在问题', '（一）绩效管理的整体性上还有差距，管理体系需进一步健全。', '（二）预算执行情况不是很好，部分追加项目预算执行缓慢。', '八、今后改进措施')).toEqual([
      '1:1 七、|存在问题',
      '2:2 （一）|绩效管理的整体性上还有差距',
      '3:2 （二）|预算执行情况不是很好',
      '4:1 八、|今后改进措施',
    ])
  })

  it('keeps a sentence-like item that has headings nested under it', () => {
    expect(tree('一、基本情况', '（一）部门整体支出概况，包括收入构成、支出构成、年初预算完成率、当年收支平衡和年终结转结余情况等。', '1. 预算资金情况', '正文。')).toEqual([
      '1:1 一、|基本情况',
      '2:2 （一）|部门整体支出概况',
      '3:3 1.|预算资金情况',
    ])
  })

  it('treats 一是/二是 as headings only when headings nest between them', () => {
    expect(
      tree(
        '三、主要绩效',
        '一是经济性分析，主要包括成本控制情况。2022年各项工作均已较好完成。',
        '二是效率性分析主要包括实施进度和完成质量。',
        '（一）安全生产工作',
        '全年未发生较大事故。',
        '（二）防汛抗旱工作',
        '全年防汛工作平稳。',
        '三是效益性分析，主要包括预期目标完成程度。',
        '四、存在问题',
        '一是执法力量不足，基层执法人员流动大。二是专业人才稀缺。',
        '二是信息化建设存在短板，平台运行经费不足。',
      ),
    ).toEqual([
      '1:1 三、|主要绩效',
      '2:2 一是|经济性分析，主要包括成本控制情况',
      '3:2 二是|效率性分析主要包括实施进度和完成质量',
      '4:3 （一）|安全生产工作',
      '6:3 （二）|防汛抗旱工作',
      '8:2 三是|效益性分析',
      '9:1 四、|存在问题',
    ])
  })

  it('ignores enumerators in the middle of a line and table rows', () => {
    expect(tree('一、收入情况', '收入包括：一、财政拨款收入；二、其他收入。', '\t一、财政拨款收入', '\t462.74', '二、支出情况')).toEqual([
      '1:1 一、|收入情况',
      '5:1 二、|支出情况',
    ])
  })
})

describe('findSections: unnumbered headings', () => {
  it('fills a numbering gap with the line that looks like the missing sibling', () => {
    expect(
      tree(
        '二、部门整体支出绩效实现情况',
        '（一）履职完成情况',
        '1.数量方面',
        '完成应急演练5场。',
        '履职效果情况',
        '1.社会效益',
        '安全宣传深入人心。',
        '（三）社会满意度',
        '群众满意度95%。',
      ),
    ).toEqual(['1:1 二、|部门整体支出绩效实现情况', '2:2 （一）|履职完成情况', '3:3 1.|数量方面', '5:2 |履职效果情况', '6:3 1.|社会效益', '8:2 （三）|社会满意度'])
  })

  it('prefers a template heading that repeats its siblings’ wording over a bare subtitle', () => {
    expect(
      tree(
        '（一）部门整体支出概况，主要包括收入构成、支出构成等。',
        '1. 预算资金情况',
        '全年预算500万元。',
        '部门整体支出绩效目标，主要包括绩效考核、预决算公开、资产管理等的设定及完成情况。',
        '年度预算收支决算情况',
        '（1）预算收入决算情况',
        '决算收入500万元。',
        '（三）部门整体支出或项目实施情况分析，主要包括资金到位、资金使用等。',
        '1. 预算配置',
        '在职人员15人。',
      ),
    ).toEqual([
      '1:2 （一）|部门整体支出概况',
      '2:3 1.|预算资金情况',
      '4:2 |部门整体支出绩效目标',
      '5:3 |年度预算收支决算情况',
      '6:4 （1）|预算收入决算情况',
      '8:2 （三）|部门整体支出或项目实施情况分析',
      '9:3 1.|预算配置',
    ])
  })

  it('finds a bare title between paragraphs, but not a signature, a date or a one-line body', () => {
    expect(
      tree(
        '三、存在问题及改进措施',
        '（一）主要问题及原因分析',
        '缺乏系统培训，影响了绩效评价工作质量。',
        '改进的方向和具体措施',
        '加强对预算绩效管理相关知识的学习，不断提高业务能力。',
        '（三）其他需要说明的情况',
        '无其他需要说明的情况',
        '（四）自评结论',
        '自评结论为优。',
        '',
        '某县应急管理局',
        '2022年5月12日',
      ),
    ).toEqual(['1:1 三、|存在问题及改进措施', '2:2 （一）|主要问题及原因分析', '4:2 |改进的方向和具体措施', '6:2 （三）|其他需要说明的情况', '8:2 （四）|自评结论'])
  })

  it('finds groups of run-in titles, not a single paragraph that opens with a short sentence', () => {
    expect(
      tree(
        '（一）安全生产工作',
        '2022年度，我区安全生产形势良好。',
        '强化安全生产责任落实。一是强化党委政府领导责任，将安全生产纳入工作报告。',
        '扎实开展专项整治行动。一是推进消防安全专项整治，检查单位120家。',
        '（二）防汛抗旱工作',
        '区委高度重视。今年3月下旬以来多次部署防汛抗旱工作。',
      ),
    ).toEqual(['1:2 （一）|安全生产工作', '3:3 |强化安全生产责任落实', '4:3 |扎实开展专项整治行动', '5:2 （二）|防汛抗旱工作'])
  })

  it('does not read label lines (数量指标：…) as run-in titles', () => {
    expect(tree('（1）办公用房租赁费', '数量指标：租用办公室约761平方米。', '质量指标：为正常办公提供保障。', '（2）专项工作', '数量指标：开展专项行动。')).toEqual([
      '1:4 （1）|办公用房租赁费',
      '4:4 （2）|专项工作',
    ])
  })
})

describe('findSections: titles, attachments, tables of contents', () => {
  it('reads attachment markers, table titles and headings inside a table cell', () => {
    const text = fixture('table-cell-headings.txt')
    const secs = sections(text)
    expect(outline(secs)).toEqual([
      '1:0 附件1|附件1',
      '3:0 |2023年部门整体支出绩效自评表',
      '8:2 |安全生产工作',
      '10:3 |强化安全生产责任落实',
      '11:3 |扎实开展专项整治行动',
      '13:2 （二）|防汛抗旱工作',
      '15:2 （三）|防灾减灾救灾工作',
      '21:0 附件2|附件2',
      '22:0 |部门整体支出绩效评价报告',
      '23:1 一、|基本情况',
    ])
    expectWellFormed(text, secs)
  })

  it('joins a document title continued on the next line', () => {
    const secs = sections(' 攀枝花市某区应急管理局\n部门预算整体绩效自评报告\n\n一、部门概况\n正文。')
    expect(outline(secs)).toEqual(['1:0 |攀枝花市某区应急管理局部门预算整体绩效自评报告', '4:1 一、|部门概况'])
    expect(secs[0]!.parentId).toBeNull()
    expect(secs[1]!.parentId).toBe('s1')
  })

  it('skips a table of contents and nests 一、 under 第一部分', () => {
    expect(outline(sections(fixture('toc.txt')))).toEqual([
      '1:0 |某区财政局2024年度部门决算',
      '9:1 第一部分|部门概况',
      '10:2 一、|主要职能',
      '12:2 二、|机构设置',
      '14:1 第二部分|决算情况说明',
      '15:2 一、|收入支出决算总体情况说明',
    ])
  })
})

describe('findSections: source markup and malformed input', () => {
  it('honours heading levels from the source (DOCX heading styles)', () => {
    const text = '部门概况\n本局内设科室5个。\n人员情况\n编制20人。\n资产情况\n原值100万元。'
    const lines = new LineIndex(text)
    const block = (line: number, headingLevel?: number): Block => ({ ...lines.lineSpan(line), kind: headingLevel === undefined ? 'paragraph' : 'heading', ...(headingLevel === undefined ? {} : { headingLevel }) })
    const secs = sections(text, [block(1, 1), block(2), block(3, 2), block(4), block(5, 2), block(6)])
    expect(outline(secs)).toEqual(['1:1 |部门概况', '3:2 |人员情况', '5:2 |资产情况'])
    expectWellFormed(text, secs)
  })

  it('makes a marked heading without a level a heading, and keeps the number of a styled numbered line', () => {
    const text = '一、部门概况\n本局内设科室5个。\n人员情况\n编制20人。\n（二）资产情况\n原值100万元。'
    const lines = new LineIndex(text)
    const secs = sections(text, [
      { ...lines.lineSpan(3), kind: 'heading' },
      { ...lines.lineSpan(5), kind: 'heading', headingLevel: 2 },
    ])
    expect(outline(secs)).toEqual(['1:1 一、|部门概况', '3:2 |人员情况', '5:2 （二）|资产情况'])
  })

  it.each([
    ['an empty text', ''],
    ['blank lines only', '\n\n\u3000\u3000\n'],
    ['binary-looking junk', '\u0000\u0001��\u0002\n(((（（\n一、\n（'],
    ['an unbalanced quote', '1、“三公经费控制率。正文没有闭合引号，逗号，句号。\n2、另一项。'],
    ['CRLF line ends', '一、部门概况\r\n（一）基本情况\r\n正文。\r\n'],
  ])('never throws on %s and returns well-formed sections', (_name, text) => {
    const secs = sections(text)
    expectWellFormed(text, secs)
  })

  it('keeps the heading on its line when a wrapped paragraph (PDF text) decides its form', () => {
    const text = ['（一）项目管理', '1、项目实施程序规范有序严格按照项目立项申报批复招投标合同签订调整验收等程序', '实施。部门定期对项目进行检查。', '2、项目监管。定期检查。'].join('\n')
    const secs = sections(text)
    expectWellFormed(text, secs)
    expect(outline(secs)).toEqual(['1:2 （一）|项目管理', '2:3 1、|项目实施程序规范有序严格按照项目立项申报批复招投标合同签订调整验收等程序', '4:3 2、|项目监管'])
  })

  it('keeps CR out of titles and heading spans', () => {
    const text = '一、部门概况\r\n（一）基本情况\r\n正文。\r\n'
    expect(outline(sections(text))).toEqual(['1:1 一、|部门概况', '2:2 （一）|基本情况'])
  })
})

describe('findSections: spans and parents', () => {
  it('covers each section up to the next heading of its level or higher', () => {
    const text = fixture('lost-auto-numbering.txt')
    const secs = sections(text)
    expectWellFormed(text, secs)
    const s = secs.find((x) => x.number === '5、')!
    expect(text.slice(s.start, s.end)).toBe(text.slice(text.indexOf('5、预算管理情况'), text.indexOf('6、整体绩效')))
    expect(text.slice(s.heading!.start, s.heading!.end)).toBe('5、预算管理情况')
    const child = secs.find((x) => x.number === '（二）')!
    expect(child.parentId).toBe(s.id)
  })
})
