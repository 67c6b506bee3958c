/**
 * The fiscal year a report evaluates — not the year it was published: a 2022 self-evaluation
 * signed 2023年5月12日 evaluates 2022. The title decides when it names a year (2022年部门整体
 * 支出绩效自评表, （2022年度）); otherwise the body votes: 2022年度 counts more than 2022年,
 * dates (2023年5月12日) are events or the signature and do not vote, ranges (2021-2025年) and
 * plans (拟在2023年完成) hardly count, and a year after the signature date is a plan.
 */
import type { Span } from '../document.js'
import { result, type Diagnostic, type Result } from '../result.js'

/** The year chosen and where it came from. */
export interface FiscalYear {
  year: number
  /** `title`: named by the title; `body`: the body's most weighted year. */
  source: 'title' | 'body'
  /** Where the deciding mention is (the first of the winning year). */
  span: Span
}

/** A year written in the text, with how much it says about the fiscal year. */
export interface YearMention extends Span {
  year: number
  /** 0 for dates and ranges; 3 for 年度; 1 for a plain 年; fractions for plans. */
  weight: number
}

const YEAR = /(?<![\d.])((?:19|20)\d{2})\s*(?=年)/g
/** Words before a year in the same clause that make it a plan, not the year reported on. */
const PLAN = /(将|拟|计划|预计|力争|争取|下一步|明年|今后|确保)[^，。；\n]*$/
/** Words after 年 that make it a budget or accounts year: as telling as 年度. */
const ACCOUNTS = /^年(度|部门决算|部门预算|决算|预算|财政|整体支出|部门整体|项目支出|绩效)/

/** Every year mention of `text` from `from` to `to`, weighted (see the module comment). */
export function yearMentions(text: string, from = 0, to = text.length): YearMention[] {
  const out: YearMention[] = []
  YEAR.lastIndex = from
  for (let m = YEAR.exec(text); m && m.index < to; m = YEAR.exec(text)) {
    const start = m.index
    const end = start + m[0].length
    const after = text.slice(end, end + 12)
    const before = text.slice(Math.max(0, start - 40), start)
    let weight = ACCOUNTS.test(after) ? 3 : 1
    if (/^年\s*\d{1,2}\s*月/.test(after)) weight = 0 // a date: an event or the signature
    else if (/[-—–~～至到]\s*$/.test(before) || /^年?\s*[-—–~～至到]\s*(?:19|20)\d{2}/.test(after)) weight = 0 // a range: 2021-2025年
    // 2022年底完成 / 2022年内实现 is a deadline ahead; 2022年完成 may well be done.
    else if (/^年(底|内|前)前?(完成|实现|支付|建成|到位)/.test(after) || PLAN.test(before)) weight *= 0.25
    out.push({ year: Number(m[1]), start, end, weight })
  }
  return out
}

/** The signature date near the end (2023年5月12日), which bounds the years reported on. */
export function publicationYear(text: string): number | null {
  const tail = text.slice(Math.max(0, text.length - 400))
  const dates = [...tail.matchAll(/((?:19|20)\d{2})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日/g)]
  const last = dates.at(-1)
  // Only a date that ends its line is a signature; one inside a sentence is an event.
  if (!last || !/^[\s　]*(\r?\n|$)/.test(tail.slice(last.index! + last[0].length))) return null
  return Number(last[1])
}

/**
 * Finds the fiscal year. `titles` are the title headings; when one names exactly one year it
 * decides. Otherwise the most weighted body year wins, the earlier on a tie (a report looks back).
 */
export function findFiscalYear(text: string, titles: Array<Span & { title: string }>): Result<FiscalYear | null> {
  const diagnostics: Diagnostic[] = []
  for (const t of titles) {
    const mentions = yearMentions(t.title).filter((m) => m.weight > 0)
    const years = [...new Set(mentions.map((m) => m.year))]
    if (years.length === 1) {
      const m = mentions[0]!
      // A title joined from two lines is not a slice of the text: find the year in the heading's span.
      const at = text.indexOf(t.title.slice(m.start, m.end), t.start)
      const start = at === -1 ? t.start : at
      return result({ year: years[0]!, source: 'title', span: { start, end: start + (m.end - m.start) } })
    }
  }
  const published = publicationYear(text)
  const votes = new Map<number, { weight: number; first: YearMention }>()
  for (const m of yearMentions(text)) {
    if (m.weight === 0 || (published !== null && m.year > published)) continue
    const v = votes.get(m.year)
    if (v) v.weight += m.weight
    else votes.set(m.year, { weight: m.weight, first: m })
  }
  const ranked = [...votes.entries()].sort(([ya, a], [yb, b]) => b.weight - a.weight || ya - yb)
  const best = ranked[0]
  if (!best) {
    diagnostics.push({ level: 'info', code: 'fiscal-year-missing', message: '标题和正文中都没有可作为评价年度的年份' })
    return result(null, diagnostics)
  }
  const [year, { first }] = best
  const second = ranked[1]
  if (second && second[1].weight * 1.5 > best[1].weight)
    diagnostics.push({
      level: 'info',
      code: 'fiscal-year-close',
      message: `评价年度取 ${year}（权重 ${best[1].weight}），但 ${second[0]} 也常被提到（权重 ${second[1].weight}）`,
      span: { start: first.start, end: first.end },
    })
  return result({ year, source: 'body', span: { start: first.start, end: first.end } }, diagnostics)
}
