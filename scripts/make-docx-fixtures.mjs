#!/usr/bin/env node
/**
 * Writes the small DOCX fixtures of the DOCX reader's tests (test/fixtures/docx/) with the
 * `docx` package, which writes real Word numbering (numbering.xml + w:numPr) and merged
 * cells (w:gridSpan, w:vMerge) — what the LibreOffice renderings of the seeds lack.
 *
 *   node scripts/make-docx-fixtures.mjs
 *
 * The files are committed; rerun only to change them, then update the tests.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  AlignmentType,
  Document,
  FootnoteReferenceRun,
  HeadingLevel,
  LevelFormat,
  LevelSuffix,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx'

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'test', 'fixtures', 'docx')

const p = (text, options = {}) => new Paragraph({ children: [new TextRun(text)], ...options })
const numbered = (text, reference, level, extra = {}) => p(text, { numbering: { reference, level, ...extra } })

/** 一、 / （一） / 1. / ① — the numbering of Chinese report headings, all by Word. */
const CN_HEADINGS = {
  reference: 'cn-headings',
  levels: [
    { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', start: 1, alignment: AlignmentType.START, suffix: LevelSuffix.NOTHING },
    { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）', start: 1, alignment: AlignmentType.START, suffix: LevelSuffix.NOTHING },
    { level: 2, format: LevelFormat.DECIMAL, text: '%3.', start: 1, alignment: AlignmentType.START },
    { level: 3, format: LevelFormat.DECIMAL_ENCLOSED_CIRCLE, text: '%4', start: 1, alignment: AlignmentType.START, suffix: LevelSuffix.NOTHING },
  ],
}

/** A plain 1. 2. 3. list used twice: the second use restarts (a new w:num with startOverride). */
const STEPS = {
  reference: 'steps',
  levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', start: 1, alignment: AlignmentType.START }],
}

/** Multi-level 1 / 1.1 in Arabic numerals. */
const OUTLINE = {
  reference: 'outline',
  levels: [
    { level: 0, format: LevelFormat.DECIMAL, text: '%1', start: 1, alignment: AlignmentType.START, suffix: LevelSuffix.SPACE },
    { level: 1, format: LevelFormat.DECIMAL, text: '%1.%2', start: 1, alignment: AlignmentType.START, suffix: LevelSuffix.SPACE },
  ],
}

function autoNumberedHeadings() {
  const h = (text, level) => numbered(text, 'cn-headings', level)
  const tail = ['四', '五', '六', '七', '八', '九', '十', '十一'].map((n) => h(`第${n}部分`, 0))
  return new Document({
    numbering: { config: [CN_HEADINGS, STEPS, OUTLINE] },
    sections: [
      {
        children: [
          p('某某局2023年部门整体支出绩效自评报告'),
          h('部门概况', 0),
          h('部门职能', 1),
          p('2023年度收入总计3395.06万元，其中财政拨款收入3383.30万元，占99.65%。'),
          h('负责应急管理工作', 2),
          h('组织编制应急体系规划', 2),
          h('机构设置', 1),
          h('内设处室13个', 2),
          p('本部门编制数131人，在职人数131人。'),
          h('部门整体支出情况', 0),
          h('收入情况', 1),
          h('财政拨款收入3383.30万元', 3),
          h('其他收入11.76万元', 3),
          p('2023年度支出合计3395.06万元，其中基本支出1426.99万元，占42.03%。'),
          h('评价结论', 0),
          numbered('成立评价小组', 'steps', 0, { instance: 1 }),
          numbered('组织资料收集', 'steps', 0, { instance: 1 }),
          p('自评得分97分。'),
          numbered('完成自评工作', 'steps', 0, { instance: 2 }),
          numbered('提交报告', 'steps', 0, { instance: 2 }),
          numbered('总则', 'outline', 0),
          numbered('适用范围', 'outline', 1),
          numbered('术语', 'outline', 1),
          ...tail,
        ],
      },
    ],
  })
}

const cell = (text, options = {}) =>
  new TableCell({ children: String(text).split('\n').map((t) => p(t)), ...options })

function mergedCells() {
  const budget = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ children: [cell('项目', { rowSpan: 2 }), cell('预算数', { columnSpan: 2 }), cell('执行数', { rowSpan: 2 })] }),
      new TableRow({ children: [cell('年初预算'), cell('调整后预算')] }),
      new TableRow({ children: [cell('基本支出'), cell('1426.99'), cell('1426.99'), cell('1420.50')] }),
      new TableRow({ children: [cell('项目支出'), cell('1968.07'), cell('1968.07'), cell('1900.00')] }),
      new TableRow({ children: [cell('合计'), cell('3395.06'), cell('3395.06'), cell('3320.50')] }),
    ],
  })
  const funds = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ children: [cell('年度预算资金（万元）'), cell('全年预算数'), cell('执行率')] }),
      new TableRow({ children: [cell('年度资金总额'), cell('582.77'), cell('98%')] }),
      new TableRow({ children: [cell('年度总体目标'), cell('目标1：安全生产工作\n目标2：防汛抗旱工作', { columnSpan: 2 })] }),
    ],
  })
  const people = new Table({
    rows: [
      new TableRow({ children: [cell('编制数'), cell('在职人数')] }),
      new TableRow({ children: [cell('131'), cell('128')] }),
    ],
  })
  return new Document({
    sections: [
      {
        children: [
          p('表1 部门支出情况表'),
          p('单位：万元'),
          budget,
          p('支出合计3395.06万元。'),
          funds,
          p('人员情况如下：'),
          people,
        ],
      },
    ],
  })
}

/**
 * Word heading styles: a Title, a custom 标题 1 style whose numbering comes from the style
 * (as Word numbers chapter headings), the built-in Heading 1/2, an outline level, a footnote.
 */
function headingStyles() {
  return new Document({
    numbering: {
      config: [
        {
          reference: 'cn-style',
          levels: [{ level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', start: 1, alignment: AlignmentType.START }],
        },
      ],
    },
    styles: {
      paragraphStyles: [
        {
          id: 'CnHeading1',
          name: '标题 1',
          basedOn: 'Normal',
          next: 'Normal',
          run: { bold: true },
          paragraph: { numbering: { reference: 'cn-style', level: 0 } },
        },
      ],
    },
    footnotes: { 1: { children: [p('注：含上年结转资金92.75万元。')] } },
    sections: [
      {
        children: [
          p('某某局2023年部门整体支出绩效自评报告', { heading: HeadingLevel.TITLE }),
          p('部门概况', { style: 'CnHeading1' }),
          p('（一）基本情况', { heading: HeadingLevel.HEADING_2 }),
          new Paragraph({
            children: [new TextRun('年度预算资金582.77万元'), new FootnoteReferenceRun(1), new TextRun('，执行率98%。')],
          }),
          p('绩效目标', { style: 'CnHeading1' }),
          p('三、存在的问题', { outlineLevel: 0 }),
          p('预算执行进度偏慢。'),
          p('第四部分 结论', { heading: HeadingLevel.HEADING_1 }),
        ],
      },
    ],
  })
}

mkdirSync(OUT, { recursive: true })
const fixtures = {
  'auto-numbered-headings.docx': autoNumberedHeadings(),
  'merged-cells.docx': mergedCells(),
  'heading-styles.docx': headingStyles(),
}
for (const [name, doc] of Object.entries(fixtures)) {
  const buffer = await Packer.toBuffer(doc)
  writeFileSync(join(OUT, name), buffer)
  console.log(`${name}: ${buffer.length} bytes`)
}
