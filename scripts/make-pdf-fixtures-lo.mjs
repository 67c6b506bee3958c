#!/usr/bin/env node
/**
 * Writes test/fixtures/pdf/word-layout.pdf: a Word-like report (running header, "第 N 页
 * 共 M 页" footer, justified paragraphs with a first-line indent, a ruled money table with
 * merged cells and a repeated header row running over a page break) written with the
 * `docx` package and rendered to PDF by LibreOffice, as real exports are.
 *
 *   node scripts/make-pdf-fixtures-lo.mjs      (needs soffice: apt-get install libreoffice-writer-nogui fonts-noto-cjk)
 *
 * The PDF is committed; rerun only to change it, then update test/extract/pdf-word-layout.test.ts.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalMergeType,
  WidthType,
} from 'docx'

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'test', 'fixtures', 'pdf')
const FONT = 'Noto Serif CJK SC'
const run = (text, extra = {}) => new TextRun({ text, font: FONT, size: 24, ...extra })
const body = (text) => new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: { firstLine: 480 }, spacing: { line: 400 }, children: [run(text)] })
const heading = (text) => new Paragraph({ spacing: { before: 120, after: 120, line: 400 }, children: [run(text, { bold: true })] })

const cell = (text, { width = 2000, ...opts } = {}) =>
  new TableCell({ width: { size: width, type: WidthType.DXA }, ...opts, children: [new Paragraph({ children: [run(text, { size: 21 })] })] })

const rows = [
  new TableRow({ tableHeader: true, children: ['类别', '项目', '年初预算数', '全年执行数'].map((t) => cell(t)) }),
]
const groups = [
  ['基本支出', [['工资福利支出', '1,205.30', '1,198.76'], ['商品和服务支出', '160.42', '152.18'], ['对个人和家庭的补助', '61.27', '61.27']]],
  ['项目支出', [['安全生产专项', '520.00', '498.35'], ['防汛抗旱专项', '310.50', '305.10'], ['应急物资储备', '268.00', '266.40'], ['信息化建设', '198.60', '171.25']]],
]
for (const [group, items] of groups)
  items.forEach(([name, a, b], k) =>
    rows.push(
      new TableRow({
        children: [
          cell(k === 0 ? group : '', { verticalMerge: k === 0 ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE }),
          cell(name),
          cell(a),
          cell(b),
        ],
      }),
    ),
  )
for (let k = 1; k <= 18; k++)
  rows.push(new TableRow({ children: [cell(''), cell(`其他支出事项${k}`), cell(`${(k * 3.25).toFixed(2)}`), cell(`${(k * 3.1).toFixed(2)}`)] }))
rows.push(new TableRow({ children: [cell('合计', { columnSpan: 2, width: 4000 }), cell('2,818.39'), cell('2,723.43')] }))

const filler = '部门围绕年度重点工作，细化分解绩效目标，按季度跟踪目标完成进度，及时纠正执行偏差，确保资金使用效益，各项工作任务均按计划完成。'
const doc = new Document({
  sections: [
    {
      headers: { default: new Header({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [run('某某县应急管理局2023年度部门整体支出绩效自评报告', { size: 18 })] })] }) },
      footers: {
        default: new Footer({
          children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [run('第 ', { size: 18 }), new TextRun({ children: [PageNumber.CURRENT], size: 18 }), run(' 页 共 ', { size: 18 }), new TextRun({ children: [PageNumber.TOTAL_PAGES], size: 18 }), run(' 页', { size: 18 })] })],
        }),
      },
      children: [
        new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [run('某某县应急管理局2023年度部门整体支出绩效自评报告', { size: 36, bold: true })] }),
        heading('一、部门概况'),
        body('本部门2023年度收入总计2,818.39万元，其中财政拨款收入2,806.63万元，占99.58%；其他收入11.76万元，占0.42%。全年支出合计2,723.43万元，预算执行率为96.63%，较上年提高2.15个百分点。'),
        body(filler),
        body(filler),
        heading('二、部门整体支出情况'),
        body('部门整体支出情况见下表。'),
        new Paragraph({ alignment: AlignmentType.RIGHT, children: [run('单位：万元', { size: 21 })] }),
        new Table({ rows, columnWidths: [2000, 2000, 2000, 2000] }),
        body('以上支出均按规定程序办理，未发现违规使用资金的情况。'),
        heading('三、存在的问题'),
        body(filler),
      ],
    },
  ],
})

const dir = mkdtempSync(join(tmpdir(), 'cnreport-lo-'))
try {
  writeFileSync(join(dir, 'word-layout.docx'), await Packer.toBuffer(doc))
  execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'word-layout.docx')], { stdio: 'ignore' })
  writeFileSync(join(OUT, 'word-layout.pdf'), readFileSync(join(dir, 'word-layout.pdf')))
  console.log(`wrote ${join(OUT, 'word-layout.pdf')}`)
} finally {
  rmSync(dir, { recursive: true, force: true })
}
