/**
 * The report's own total score: 自评分97分 in the text, or the 合计 row of a score table
 * (一级指标 | 分值 | … | 得分, last row 合计 | 95). Phrases are data (data/self-score.json);
 * a number after 满分/分值 is the full mark, not a score, and nothing above maxScore is taken.
 */
import { z } from 'zod'
import { loadDataJson } from '../data-files.js'
import type { Span, Table, TableCell } from '../document.js'
import { result, type Diagnostic, type Result } from '../result.js'

const ScoreSchema = z.object({
  selfLabels: z.array(z.string().min(1)),
  otherLabels: z.array(z.string().min(1)),
  fullMarkWords: z.array(z.string().min(1)),
  scoreHeaders: z.array(z.string().min(1)),
  totalRows: z.array(z.string().min(1)),
  maxScore: z.number().positive(),
})
type ScoreData = z.infer<typeof ScoreSchema>

let cached: ScoreData | undefined
function data(): ScoreData {
  return (cached ??= ScoreSchema.parse(loadDataJson('self-score.json')))
}

/** A stated total score and where it is written. */
export interface SelfScore extends Span {
  value: number
  /** `self`: a 自评 phrase; `table`: a score table's total row; `text`: a generic phrase (综合得分, 总分). */
  source: 'self' | 'table' | 'text'
}

/** 为/： then a number, 分 or not; not a percentage or amount, nor a grading rule (90分以上为优). */
const NUMBER = /^[\s　]*[为是：:]?[\s　]*(?:了)?[\s　]*(\d{1,3}(?:\.\d{1,2})?)[\s　]*(分)?(?![\d.%％万元个人年月日项条次分])(?![\s　]*(?:[（(]含[）)])?[\s　]*(?:以上|以下|及以上|及以下|至|[-—–~～]))/

/** Scores stated after one of `labels`; the number needs 分 after it or a 为/：between. */
function phrases(text: string, labels: string[], source: SelfScore['source']): SelfScore[] {
  const { fullMarkWords, maxScore } = data()
  const out: SelfScore[] = []
  for (const label of [...labels].sort((a, b) => b.length - a.length)) {
    for (let i = text.indexOf(label); i !== -1; i = text.indexOf(label, i + 1)) {
      const before = text.slice(Math.max(0, i - 4), i)
      if (fullMarkWords.some((w) => before.includes(w))) continue
      const after = text.slice(i + label.length, i + label.length + 16)
      const m = NUMBER.exec(after)
      // A bare number needs 为/： or a 自评 label; a generic 总分100分 is the full mark.
      if (!m || (!m[2] && !/[为是：:]/.test(m[0]) && !/[为是]$/.test(label) && source !== 'self')) continue
      const value = Number(m[1])
      if (!(value >= 0 && value <= maxScore) || (source === 'text' && value === maxScore)) continue
      const start = i + label.length + m[0].indexOf(m[1]!)
      // A longer label already took this number (自评得分 before 得分为).
      if (out.some((o) => o.start === start)) continue
      out.push({ value, source, start, end: start + m[1]!.length })
    }
  }
  return out.sort((a, b) => a.start - b.start)
}

const squash = (s: string) => s.replace(/[\s　]+/g, '')

/**
 * The total row of a score table: the value under 得分, else the row's last number. A table
 * split by the reader (a DOCX table broken at merged cells or pages) continues into the
 * following tables until a heading starts: `headings` are the offsets of section headings.
 */
export function tableScores(tables: Table[], headings: number[] = []): SelfScore[] {
  const { scoreHeaders, totalRows, maxScore } = data()
  const out: SelfScore[] = []
  let header: TableCell[] | undefined
  let previous: Table | undefined
  for (const t of tables) {
    const own = t.rows.slice(0, 2).find((row) => row.some((c) => scoreHeaders.includes(squash(c.text))))
    const continues = header && previous && !headings.some((h) => h >= previous!.end && h < t.start)
    header = own ?? (continues ? header : undefined)
    previous = t
    if (!header) continue
    const scoreCol = header.findIndex((c) => scoreHeaders.includes(squash(c.text)))
    for (const row of t.rows) {
      const first = row.find((c) => c.text.trim())
      if (!first || !totalRows.includes(squash(first.text))) continue
      const numbers = row.filter((c) => /^\d{1,3}(\.\d{1,2})?分?$/.test(squash(c.text)))
      // Rows with merged cells are shorter than the header: then the score is the last number.
      const cell = row.length === header.length && numbers.includes(row[scoreCol]!) ? row[scoreCol]! : numbers.at(-1)
      if (!cell) continue
      const value = Number(squash(cell.text).replace(/分$/, ''))
      if (value > maxScore) continue
      const offset = cell.text.search(/\d/)
      const raw = /\d+(\.\d+)?/.exec(cell.text)![0]
      out.push({ value, source: 'table', start: cell.start + offset, end: cell.start + offset + raw.length })
    }
  }
  return out
}

/**
 * The self-score: a 自评 phrase first, then a score table's total, then a generic phrase.
 * Another value stated anywhere is kept out and named in an info diagnostic.
 */
export function findSelfScore(text: string, tables: Table[], headings: number[] = []): Result<SelfScore | null> {
  const { selfLabels, otherLabels } = data()
  const sources = [phrases(text, selfLabels, 'self'), tableScores(tables, headings), phrases(text, otherLabels, 'text')]
  for (const found of sources) {
    const first = found[0]
    if (!first) continue
    const diagnostics: Diagnostic[] = []
    const other = sources.flat().find((f) => f.value !== first.value)
    if (other)
      diagnostics.push({
        level: 'info',
        code: 'self-score-conflict',
        message: `自评分取 ${first.value}，但文中另有 ${other.value}`,
        span: { start: other.start, end: other.end },
      })
    return result(first, diagnostics)
  }
  return result(null)
}
