// Writes the tiny synthetic PDFs under test/fixtures/pdf/ that the PDF reader's tests use.
// Hand-written PDF syntax, so every byte is known: a non-embedded CJK font (STSong-Light)
// whose ToUnicode CMap says what each glyph means — which is how look-alike code points
// (Kangxi radicals) get into real PDFs.  Run: node scripts/make-pdf-fixtures.mjs
import { createHash } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'test', 'fixtures', 'pdf')
const W = 595
const H = 842

/** Characters drawn half an em wide; everything else is one em. */
const isNarrow = (ch) => ch.codePointAt(0) < 0x2000

class Font {
  codes = new Map()
  code(ch) {
    if (!this.codes.has(ch)) this.codes.set(ch, this.codes.size + 1)
    return this.codes.get(ch)
  }
  hex(s) {
    return [...s].map((ch) => this.code(ch).toString(16).padStart(4, '0')).join('')
  }
  width(s, size) {
    return [...s].reduce((w, ch) => w + (isNarrow(ch) ? 0.5 : 1) * size, 0)
  }
}

/** A page's content stream, built with a few drawing helpers. */
class Page {
  ops = []
  constructor(font) {
    this.font = font
  }
  text(x, y, size, s) {
    this.ops.push(`BT /F1 ${size} Tf ${x} ${y} Td <${this.font.hex(s)}> Tj ET`)
  }
  /** Stroked segment (LibreOffice / ONLYOFFICE tables). */
  line(x1, y1, x2, y2) {
    this.ops.push(`0.5 w ${x1} ${y1} m ${x2} ${y2} l S`)
  }
  /** Filled hairline rectangle (WPS / Word tables). */
  hairline(x1, y1, x2, y2) {
    const t = 0.6
    if (y1 === y2) this.ops.push(`${x1} ${y1 - t / 2} ${x2 - x1} ${t} re f`)
    else this.ops.push(`${x1 - t / 2} ${Math.min(y1, y2)} ${t} ${Math.abs(y2 - y1)} re f`)
  }
  image(x, y, w, h) {
    this.ops.push(`q ${w} 0 0 ${h} ${x} ${y} cm BI /W 2 /H 2 /CS /G /BPC 8 ID \x20\x80\xc0\xff EI Q`)
  }
}

/** Wraps a paragraph at `width`, breaking anywhere but before closing punctuation. */
function wrap(font, s, size, width, indent) {
  const lines = []
  let line = ''
  let room = width - indent
  for (const ch of s) {
    if (font.width(line + ch, size) > room && line !== '' && !/[，。、；：）%]/.test(ch)) {
      lines.push(line)
      line = ''
      room = width
    }
    line += ch
  }
  if (line) lines.push(line)
  return lines
}

/** Lays out paragraphs from the top of the page; returns the y after the last line. */
function flow(page, paragraphs, { x = 72, y = 760, size = 12, width = 444, leading = 20 } = {}) {
  for (const p of paragraphs) {
    const indent = p.indent === false ? 0 : 2 * size
    wrap(page.font, p.text ?? p, size, width, indent).forEach((line, k) => {
      page.text(k === 0 ? x + indent : x, y, size, line)
      y -= leading
    })
  }
  return y
}

// --- PDF file syntax ------------------------------------------------------------------

function rc4(key, data) {
  const s = [...Array(256).keys()]
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i] + key[i % key.length]) & 255
    ;[s[i], s[j]] = [s[j], s[i]]
  }
  const out = Buffer.alloc(data.length)
  for (let n = 0, i = 0, j = 0; n < data.length; n++) {
    i = (i + 1) & 255
    j = (j + s[i]) & 255
    ;[s[i], s[j]] = [s[j], s[i]]
    out[n] = data[n] ^ s[(s[i] + s[j]) & 255]
  }
  return out
}

const md5 = (...parts) => createHash('md5').update(Buffer.concat(parts.map((p) => Buffer.from(p)))).digest()
const PAD = Buffer.from('28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A', 'hex')
const padded = (pw) => Buffer.concat([Buffer.from(pw, 'latin1'), PAD]).subarray(0, 32)

/** Standard security handler, revision 2 (40-bit RC4): PDF 1.7 §7.6.3, algorithms 2–4. */
function encryption(userPassword, ownerPassword, id) {
  const O = rc4(md5(padded(ownerPassword)).subarray(0, 5), padded(userPassword))
  const P = -44
  const p = Buffer.alloc(4)
  p.writeInt32LE(P)
  const key = md5(padded(userPassword), O, p, id).subarray(0, 5)
  const U = rc4(key, PAD)
  return { key, dict: `<< /Filter /Standard /V 1 /R 2 /O <${O.toString('hex')}> /U <${U.toString('hex')}> /P ${P} >>` }
}

function objectKey(key, num) {
  return md5(key, Buffer.from([num & 255, (num >> 8) & 255, (num >> 16) & 255, 0, 0])).subarray(0, 10)
}

function writePdf(file, pages, font, { userPassword } = {}) {
  const objs = []
  const add = (body) => objs.push(body) && objs.length
  const id = md5(file)
  const enc = userPassword ? encryption(userPassword, 'owner', id) : null
  const stream = (num, dict, data) => {
    let bytes = Buffer.from(data, 'latin1')
    if (enc) bytes = rc4(objectKey(enc.key, num), bytes)
    return Buffer.concat([Buffer.from(`${dict.slice(0, -2)} /Length ${bytes.length} >>\nstream\n`), bytes, Buffer.from('\nendstream')])
  }
  const codes = [...font.codes]
  const toUnicode = [
    '/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def /CMapName /Adobe-Identity-UCS def /CMapType 2 def',
    '1 begincodespacerange <0000> <FFFF> endcodespacerange',
    `${codes.length} beginbfchar`,
    ...codes.map(([ch, c]) => `<${c.toString(16).padStart(4, '0')}> <${Buffer.from(ch, 'utf16le').swap16().toString('hex')}>`),
    'endbfchar endcmap CMapName currentdict /CMap defineresource pop end end',
  ].join('\n')
  const widths = codes.filter(([ch]) => isNarrow(ch)).map(([, c]) => `${c} [500]`).join(' ')
  const catalog = add(null)
  const pagesObj = add(null)
  const cmapNum = objs.length + 1
  add(stream(cmapNum, '<< >>', toUnicode))
  const cid = add(`<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /DW 1000 /W [${widths}] /FontDescriptor << /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >> >>`)
  const f1 = add(`<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /Identity-H /DescendantFonts [${cid} 0 R] /ToUnicode ${cmapNum} 0 R >>`)
  const kids = []
  for (const page of pages) {
    const contentNum = objs.length + 1
    add(stream(contentNum, '<< >>', page.ops.join('\n')))
    kids.push(add(`<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 ${W} ${H}] /Resources << /Font << /F1 ${f1} 0 R >> >> /Contents ${contentNum} 0 R >>`))
  }
  objs[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`
  objs[pagesObj - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`
  const encNum = enc ? add(enc.dict) : 0

  const chunks = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')]
  const offsets = []
  let length = chunks[0].length
  objs.forEach((body, k) => {
    offsets.push(length)
    const b = Buffer.concat([Buffer.from(`${k + 1} 0 obj\n`), Buffer.isBuffer(body) ? body : Buffer.from(body, 'latin1'), Buffer.from('\nendobj\n')])
    chunks.push(b)
    length += b.length
  })
  const xref = [`xref\n0 ${objs.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('')
  const trailer = `trailer\n<< /Size ${objs.length + 1} /Root ${catalog} 0 R${enc ? ` /Encrypt ${encNum} 0 R` : ''} /ID [<${id.toString('hex')}> <${id.toString('hex')}>] >>\nstartxref\n${length}\n%%EOF\n`
  const bytes = Buffer.concat([...chunks, Buffer.from(xref + trailer, 'latin1')])
  writeFileSync(join(OUT, file), bytes)
  return bytes
}

// --- the fixtures -------------------------------------------------------------------------

mkdirSync(OUT, { recursive: true })

// Glyphs mapped to Kangxi radicals and compatibility ideographs, as some PDF fonts do.
{
  const font = new Font()
  const page = new Page(font)
  page.text(72, 760, 16, '\u2F00、部门概况')
  page.text(72, 724, 12, '2023年度收\u2F0A总计3395.06万元，其中：财政拨款收\u2F0A3383.30万元。')
  page.text(72, 694, 12, '在职\u2F08数131\u2F08，\u2F00般公共预算\u2F40出1426.99万元。')
  page.text(72, 664, 12, '\u2ED3期目标与\uF901新业务\u2ED4户。')
  writePdf('kangxi-radicals.pdf', [page], font)
}

// Running header, page numbers, a paragraph running over the page break.
{
  const font = new Font()
  const header = '某某市某某局2023年度部门整体支出绩效自评报告'
  const body = [
    { text: '一、部门概况', indent: false },
    '本部门年度预算资金总额为582.77万元，其中当年财政拨款462.74万元，上年结转资金92.75万元，其他资金27.27万元，全年执行数为577.35万元，预算执行率为99.07%。',
    '部门严格执行预算，加强资金管理，各项支出均按规定程序办理，未发现违规使用资金的情况。',
    { text: '二、绩效目标完成情况', indent: false },
  ]
  const filler = '部门围绕年度重点工作，细化分解绩效目标，按季度跟踪目标完成进度，及时纠正执行偏差，确保资金使用效益。'
  const pages = [1, 2, 3].map(() => new Page(font))
  pages.forEach((p, k) => {
    p.text(72, 800, 9, header)
    p.line(72, 792, 516, 792)
    p.text(288, 40, 10, `- ${k + 1} -`)
  })
  // Page 1 ends in the middle of a paragraph whose last part opens page 2.
  let y = flow(pages[0], body)
  while (y > 190) y = flow(pages[0], [filler], { y })
  const long = '年末结转结余5.42万元，结转结余率为0.93%，较上年下降1.25个百分点，资金沉淀问题得到有效解决，资金使用效率进一步提高，各项重点工作按计划推进，主要绩效指标全部完成，社会公众满意度达到98%以上，达到了预期目标。'
  const lines = wrap(font, long, 12, 444, 24)
  pages[0].text(96, y, 12, lines[0])
  pages[0].text(72, y - 20, 12, lines[1])
  y = 760
  for (const line of lines.slice(2)) {
    pages[1].text(72, y, 12, line)
    y -= 20
  }
  flow(pages[1], ['三公经费支出7.68万元，控制率为42.67%。'], { y })
  flow(pages[2], [{ text: '三、存在的问题', indent: false }, '个别项目绩效目标设置不够细化。'])
  const bytes = writePdf('page-furniture.pdf', pages, font)
  // A broken page tree (a kid that is not a reference, an object header pdf.js cannot
  // read): pdf.js 5.4 leaves a page-dictionary prefetch rejected and unhandled.
  const broken = Buffer.from(bytes.toString('latin1').replace('/Kids [7 0 R 9 0 R', '/Kids [7 0 7 9 0 R').replace('9 0 obj\n<< /Type /Page', '9 0 obj\xb4<< /Type /Page'), 'latin1')
  writeFileSync(join(OUT, 'broken-page-tree.pdf'), broken)
}

/** A ruled table, one row per entry of `rows`, from y downwards; returns the bottom y. */
function table(page, rows, y, { xs = [72, 232, 322, 412, 516], height = 22, rule = 'line' } = {}) {
  const draw = rule === 'line' ? page.line.bind(page) : page.hairline.bind(page)
  const top = y
  for (const row of rows) {
    row.forEach((cell, c) => {
      if (cell !== '') page.text(xs[c] + 4, y - 16, 10.5, cell)
    })
    draw(xs[0], y, xs[xs.length - 1], y)
    y -= height
  }
  draw(xs[0], y, xs[xs.length - 1], y)
  for (const x of xs) draw(x, top, x, y)
  return y
}

// A money table that runs over a page break; page 2 repeats the header row.
{
  const font = new Font()
  const p1 = new Page(font)
  const p2 = new Page(font)
  const header = ['项目', '年初预算数', '全年预算数', '全年执行数']
  const items = [
    ['基本支出', '1426.99', '1426.99', '1426.99'],
    ['人员经费', '1395.79', '1395.79', '1395.79'],
    ['公用经费', '31.20', '31.20', '31.20'],
    ['项目支出', '1968.07', '1968.07', '1968.07'],
    ['专项业务费', '1200.00', '1200.00', '1150.50'],
    ['设备购置费', '300.00', '300.00', '298.40'],
    ['信息化建设', '468.07', '468.07', '519.17'],
  ]
  p1.text(72, 760, 14, '三、部门整体支出情况')
  const note = '部门严格按照批复的预算执行，各项支出均履行审批程序，未发生超范围、超标准支出，资金使用安全规范。'
  let y = flow(p1, ['本年度支出情况见下表。'], { y: 730 })
  while (y > 340) y = flow(p1, [note], { y })
  p1.text(440, y - 10, 10.5, '单位：万元')
  table(p1, [header, ...items.slice(0, 5)], y - 20)
  table(p2, [header, ...items.slice(5), ['合计', '3395.06', '3395.06', '3395.06']], 780)
  flow(p2, ['以上支出均按规定程序办理。'], { y: 660 })
  writePdf('table-page-break.pdf', [p1, p2], font)
}

// WPS-style table: borders drawn as filled hairlines, a merged header cell.
{
  const font = new Font()
  const page = new Page(font)
  page.text(72, 780, 14, '部门财务收支预算总表')
  page.text(400, 756, 10.5, '单位：元')
  const xs = [72, 232, 322, 412, 516]
  const top = 748
  // Row 1: 收入 over two columns, 支出 over two columns.
  page.text(xs[0] + 60, top - 16, 10.5, '本年收入')
  page.text(xs[2] + 60, top - 16, 10.5, '本年支出')
  const rows = [
    ['项目', '预算数', '项目', '预算数'],
    ['财政拨款收入', '96,282,213.44', '公共安全支出', '87,267,272.44'],
    ['事业收入', '0.00', '住房保障支出', '9,014,941.00'],
    ['收入总计', '96,282,213.44', '支出总计', '96,282,213.44'],
  ]
  let y = top - 22
  for (const row of rows) {
    row.forEach((cell, c) => page.text(xs[c] + 4, y - 16, 10.5, cell))
    y -= 22
  }
  for (let k = 0; k <= rows.length + 1; k++) page.hairline(xs[0], top - 22 * k, xs[4], top - 22 * k)
  for (const x of [xs[0], xs[2], xs[4]]) page.hairline(x, top, x, y)
  for (const x of [xs[1], xs[3]]) page.hairline(x, top - 22, x, y)
  writePdf('table-filled-rules.pdf', [page], font)
}

// A table drawn without any rules: columns only by alignment, numbers right-aligned.
{
  const font = new Font()
  const page = new Page(font)
  page.text(72, 780, 14, '一、部门收支总体情况')
  flow(page, ['本年度收支情况如下。'], { y: 752 })
  page.text(440, 716, 10.5, '单位：万元')
  const rows = [
    ['项目', '年初预算数', '全年执行数'],
    ['基本支出', '1426.99', '1426.99'],
    ['项目支出', '1968.07', '1822.16'],
    ['其中：专项业务费', '1200.00', '1150.50'],
    ['合计', '3395.06', '3249.15'],
  ]
  let y = 696
  for (const row of rows) {
    page.text(72, y, 10.5, row[0])
    // Right-aligned amount columns ending at x = 380 and x = 500.
    row.slice(1).forEach((cell, k) => page.text([380, 500][k] - font.width(cell, 10.5), y, 10.5, cell))
    y -= 20
  }
  flow(page, ['以上支出均按规定程序办理。'], { y: y - 10 })
  writePdf('table-borderless.pdf', [page], font)
}

// A landscape table printed sideways on a portrait page (content turned, no /Rotate).
{
  const font = new Font()
  const p1 = new Page(font)
  flow(p1, [{ text: '五、部门预算表', indent: false }, '部门收支预算总表见下页。'])
  const p2 = new Page(font)
  // Landscape coordinates (842 × 595) turned a quarter counter-clockwise onto the page.
  p2.ops.push(`q 0 1 -1 0 ${W} 0 cm`)
  p2.text(72, 540, 14, '部门收支预算总表')
  p2.text(680, 516, 10.5, '单位：万元')
  table(p2, [['项目', '预算数', '项目', '预算数'], ['财政拨款收入', '9,628.22', '公共安全支出', '8,726.73'], ['事业收入', '0.00', '住房保障支出', '901.49'], ['收入总计', '9,628.22', '支出总计', '9,628.22']], 506, { xs: [72, 300, 420, 648, 770] })
  p2.ops.push('Q')
  writePdf('sideways-table.pdf', [p1, p2], font)
}

// Page 1 has text, page 2 is a scanned image only.
{
  const font = new Font()
  const p1 = new Page(font)
  flow(p1, [{ text: '一、部门概况', indent: false }, '本部门2023年度收入总计3395.06万元。'])
  const p2 = new Page(font)
  p2.image(50, 50, 495, 742)
  writePdf('scanned-page.pdf', [p1, p2], font)
}

// Every page a scan: nothing to read without OCR.
{
  const font = new Font()
  const p1 = new Page(font)
  p1.image(50, 50, 495, 742)
  const p2 = new Page(font)
  p2.image(50, 50, 495, 742)
  writePdf('image-only.pdf', [p1, p2], font)
}

// Opening needs a password (user password "secret").
{
  const font = new Font()
  const page = new Page(font)
  flow(page, ['本文件需要密码才能打开，收入总计3395.06万元。'])
  writePdf('encrypted.pdf', [page], font, { userPassword: 'secret' })
}

// Cut off in the middle (an interrupted download), and a header with nothing after it.
{
  const font = new Font()
  const page = new Page(font)
  flow(page, ['下载中断的文件，收入总计3395.06万元。'])
  const bytes = writePdf('truncated.pdf', [page], font)
  writeFileSync(join(OUT, 'truncated.pdf'), bytes.subarray(0, Math.floor(bytes.length * 0.4)))
  writeFileSync(join(OUT, 'corrupt.pdf'), Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from('这不是一个真正的PDF文件。'.repeat(20)), Buffer.from('\n%%EOF\n')]))
}

console.log(`wrote fixtures to ${OUT}`)
