/**
 * How a figure reads, for deciding which quantity it states: the parts of its label that
 * may name the quantity, each with the scope the rest of the label gives it, and the words
 * around it. A narrative label 基本支出中的商品和服务支出 reads as 商品和服务支出 in scope
 * 基本支出; 专项资金追加预算 as 追加预算 in scope 专项资金; a table cell as its row header in
 * the scope of its column headers, or the other way round — the quantity patterns decide.
 */
import type { Figure, Section } from '../../contract.js'
import { CharClass, SENTENCE_END } from '../../extract/char-class.js'
import type { ValidationInput } from '../rule.js'
import { cellHeaders } from './record-headers.js'
import { canonicalScope, quantityVocabulary, type QuantityVocabulary } from './record-quantities.js'

/** A piece of a label that may name a quantity, with what the rest of the label says. */
export interface LabelPart {
  text: string
  /** The scope the label gives, canonical where known ('' for none): 基本支出, 项目支出, 当年财政拨款 … */
  scope: string
  /** Narrative: the sentence before the figure. Cell: the other headers and the block title. */
  subject: string
}

export interface FigureReading {
  figure: Figure
  parts: LabelPart[]
  /** Narrative: the sentence before the figure. Cell: its other headers and block title. */
  subject: string
  /** Narrative: the clause before the figure. Cell: as subject. */
  clause: string
  /** Label, subject and the titles of the enclosing sections: where context words are looked for. */
  context: string
  /** Title of the innermost section. */
  section: string
  /** Same locus = same sentence or same table row: statements there are never restatements of each other. */
  locus: string
  /** Offset of the sentence (narrative) or table row start, for nearness. */
  sentenceStart: number
  /** A year the clause or headers name (较2021年…预算数), null when none. */
  year: number | null
}

// Scanned back from every figure: tested by code unit (char-class.ts).
const CLAUSE_END = new CharClass('，,；;：:。！？!?\n（()）、')
const QUOTES = /[“”"‘’'「」『』\s\u3000]/g
const ENUMERATOR = /^([一二三四五六七八九十]+[、.．]|\d+[、.．](?!\d)|[（(][一二三四五六七八九十\d]+[）)])/
const UNIT_NOTE = /[（(][^）)]*(元|%|人|个)[）)]$/
/** A year before 年初/年末/年中 keeps the period word: 2022年初预算 → 年初预算. */
const YEAR_BEFORE_PERIOD = /^(19|20)\d{2}(?=年[初末中])/
const YEAR = /^(19|20)\d{2}年度?/
const PERIOD_PREFIX = /^(年初|年末|年中|全年)$/
const YEAR_MENTION = /(19|20)\d{2}(?=年)/g

function lastYear(text: string): number | null {
  const all = [...text.matchAll(YEAR_MENTION)]
  return all.length === 0 ? null : Number(all.at(-1)![0])
}

export function normalizePart(text: string): string {
  let t = text.replace(QUOTES, '').replace(/[：:]$/, '')
  t = t.replace(ENUMERATOR, '').replace(UNIT_NOTE, '')
  t = YEAR_BEFORE_PERIOD.test(t) ? t.replace(YEAR_BEFORE_PERIOD, '') : t.replace(YEAR, '')
  return t
}

const cache = new WeakMap<ValidationInput, Map<string, FigureReading | null>>()

/** The reading of every figure that can state a quantity (score-table cells are rules, not statements). */
export function readFigures(doc: ValidationInput): Map<string, FigureReading | null> {
  const hit = cache.get(doc)
  if (hit) return hit
  const vocabulary = quantityVocabulary()
  const scoreTables = new Set([...(doc.scores ?? []).map((s) => s.tableId), ...(doc.scoreTotals ?? []).map((s) => s.tableId)])
  const tables = new Map((doc.tables ?? []).map((t) => [t.id, t]))
  const titles = sectionTitles(doc.sections)
  const out = new Map<string, FigureReading | null>()
  for (const figure of doc.figures) {
    if (figure.cell && scoreTables.has(figure.cell.tableId)) {
      out.set(figure.id, null)
      continue
    }
    const table = figure.cell ? tables.get(figure.cell.tableId) : undefined
    const reading = table && figure.cell ? readCell(figure, table, vocabulary, doc.text) : readNarrative(figure, doc.text, vocabulary)
    const { context, innermost } = titles(figure.sectionId)
    reading.section = innermost
    // [label, subject, titles].join('\n') without QUOTES (which include the \n): the titles'
    // share is cleaned once per section, not once per figure.
    reading.context = (figure.label ?? '').replace(QUOTES, '') + reading.subject.replace(QUOTES, '') + context
    out.set(figure.id, reading)
  }
  cache.set(doc, out)
  return out
}

type ContractTable = NonNullable<ValidationInput['tables']>[number]

function readCell(figure: Figure, table: ContractTable, vocabulary: QuantityVocabulary, text: string): FigureReading {
  const { row, col } = figure.cell!
  const headers = cellHeaders(table, row, col)
  const rowText = headers.row === null ? null : headers.row.replace(QUOTES, '')
  const marked = rowText !== null && vocabulary.partMarker.test(rowText)
  const pieces = [...(rowText === null ? [] : [normalizePart(rowText.replace(vocabulary.partMarker, ''))]), ...headers.columns.map(normalizePart)].filter((p) => p !== '')
  const block = headers.block.map(normalizePart).join(' ')
  const fund = captionOf(table, text).match(vocabulary.captionScope)?.[0]
  const parts: LabelPart[] = pieces.map((piece, i) => {
    const others = pieces.filter((_, j) => j !== i)
    const scopes = others.filter((o) => !vocabulary.genericPart.test(o) && !vocabulary.totalPart.test(o)).map((o) => canonicalScope(vocabulary, o))
    if (fund) scopes.unshift(fund)
    // 其中：当年财政拨款 names a part of the row above: read as that row, it is a part, not the whole.
    if (marked && i === 0) scopes.push('其中')
    return { text: piece, scope: scopes.join('·'), subject: [...others, block].join(' ') }
  })
  const subject = [...pieces, block].join(' ')
  const rowCells = table.rows[row] ?? []
  const year = lastYear([headers.row ?? '', ...headers.columns].join(' '))
  return { figure, parts, subject, clause: subject, context: '', section: '', locus: `${table.id}:${row}`, sentenceStart: rowCells[0]?.start ?? figure.start, year }
}

function readNarrative(figure: Figure, text: string, vocabulary: QuantityVocabulary): FigureReading {
  const sentenceStart = SENTENCE_END.runStart(text, figure.start)
  const clauseStart = CLAUSE_END.runStart(text, figure.start, sentenceStart)
  const sentence = text.slice(sentenceStart, figure.start)
  const clause = text.slice(clauseStart, figure.start)
  const reading: FigureReading = { figure, parts: [], subject: sentence, clause, context: '', section: '', locus: `s${sentenceStart}`, sentenceStart, year: lastYear(clause) }
  if (!figure.label) return reading
  let label = normalizePart(figure.label)
  // A label extractor that takes 2022年初 for a date leaves 预算 of 2022年初预算: restore the period word.
  const clauseLabel = normalizePart(clause.replace(/(为|是|达到|达|共计|共|计|约)$/, ''))
  if (clauseLabel.endsWith(label) && PERIOD_PREFIX.test(clauseLabel.slice(0, clauseLabel.length - label.length))) label = clauseLabel
  const within = label.indexOf('中的')
  if (within > 0) {
    reading.parts.push({ text: label.slice(within + 2), scope: canonicalScope(vocabulary, label.slice(0, within)), subject: sentence })
    return withItem(reading, text, vocabulary)
  }
  const marked = vocabulary.partMarker.test(label)
  label = label.replace(vocabulary.partMarker, '')
  reading.parts.push({ text: label, scope: '', subject: sentence })
  // The writer's own compound (财政拨款收入支出总计) is qualified by its first word; a label the
  // labeller composed from a topic and a part (全年可用预算资金年初预算) is the part of that topic.
  const literal = clause.replace(QUOTES, '').includes(label)
  for (let k = 2; k <= label.length - 2; k++) {
    const prefix = label.slice(0, k)
    if (vocabulary.namesQuantity(label.slice(k))) reading.parts.push({ text: label.slice(k), scope: prefixScope(vocabulary, prefix, literal), subject: sentence })
  }
  if (marked) reading.clause = `其中${reading.clause}`
  return withItem(reading, text, vocabulary)
}

const ENUMERATED = /^[\s\u3000]*(\d+[、.．](?!\d)|[（(]\d+[)）]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])[\s\u3000]*/
/** Paragraph titles that name a topic of the report, not an item of a list. */
const TOPIC_TITLE = /(情况|分析|说明|概况|管理|执行|配置|指标|目标|效益|产出|绩效|完成|控制)$/
/** Budget classification items (行政运行（项）) are items whatever their words. */
const ITEM_TITLE = /[（(][类款项][)）]|项目$/

/**
 * A paragraph of an enumerated list whose title names an item — 3、一般公共服务支出（类）财政事务
 * （款）信息化建设（项）。…年初预算为58.20万元 — states the item's amounts, not the department's:
 * its statements are scoped by the item. A title naming the quantity (1、预算完成率为96.30%。)
 * or a topic (1. 预算执行情况。) is no item.
 */
function withItem(reading: FigureReading, text: string, vocabulary: QuantityVocabulary): FigureReading {
  const lineStart = text.lastIndexOf('\n', reading.figure.start - 1) + 1
  const line = text.slice(lineStart, reading.figure.start)
  const enumerator = ENUMERATED.exec(line)
  if (!enumerator) return reading
  const rest = line.slice(enumerator[0].length)
  const end = rest.search(/[。：:]/)
  if (end <= 0) return reading
  const title = normalizePart(rest.slice(0, end))
  if (/\d/.test(title) || title.length > 60 || (TOPIC_TITLE.test(title) && !ITEM_TITLE.test(title))) return reading
  if (vocabulary.namesQuantity(title)) return reading
  reading.parts = reading.parts.map((p) => ({ ...p, scope: p.scope === '' ? title : `${title}·${p.scope}` }))
  return reading
}

/**
 * What a word before the quantity's name says about its scope: a scope word (专项资金) is
 * the scope, a generic word (本年度) or a quantity the labeller put before one of its parts
 * (全年可用预算资金 … 其中年初预算) leaves the quantity the department's, anything else
 * (公务接待费, 一般公共预算财政拨款) scopes it.
 */
function prefixScope(vocabulary: QuantityVocabulary, prefix: string, literal: boolean): string {
  if (vocabulary.scopes.some((s) => s.pattern.test(prefix))) return canonicalScope(vocabulary, prefix)
  if (vocabulary.genericPart.test(prefix) || vocabulary.totalPart.test(prefix)) return ''
  if (!literal && vocabulary.namesQuantity(prefix)) return ''
  return prefix
}

const captions = new WeakMap<ContractTable, string>()

/** The line of text just above a table (its caption, a 单位：万元 line passed over), when there is one. */
function captionOf(table: ContractTable, text: string): string {
  const hit = captions.get(table)
  if (hit !== undefined) return hit
  const start = table.start ?? 0
  const before = text.slice(Math.max(0, start - 300), start).split('\n').map((l) => l.trim()).filter((l) => l !== '' && !/^单位[：:]/.test(l))
  const caption = table.start === undefined ? '' : (before.at(-1) ?? '')
  captions.set(table, caption)
  return caption
}

/** Per section: the titles of it and its ancestors joined, without QUOTES (a figure's context words), and its own title. */
function sectionTitles(sections: Section[]): (id: string | null) => { context: string; innermost: string } {
  const byId = new Map(sections.map((s) => [s.id, s]))
  const memo = new Map<string | null, { context: string; innermost: string }>()
  return (id) => {
    let hit = memo.get(id)
    if (hit) return hit
    const titles: string[] = []
    for (let s = id === null ? undefined : byId.get(id); s; s = s.parentId ? byId.get(s.parentId) : undefined) titles.push(s.title)
    hit = { context: titles.join(' ').replace(QUOTES, ''), innermost: titles[0] ?? '' }
    memo.set(id, hit)
    return hit
  }
}
