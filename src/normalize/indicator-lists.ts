/**
 * Indicators written as a narrative list instead of a table (the 绩效目标完成情况分析
 * part of many reports):
 *
 *   数量指标：区综合应急救援队伍160人。
 *   质量指标：根据实际需求支付使用。
 *   社会效益指标：……
 *
 * A line opened by a 二级指标 key and a colon (data/indicator-headers.json `listKeys`) is one
 * indicator: 一级指标 from the key's group, 二级指标 the key as written, the rest of the line
 * what was achieved (`actual`). A line with several keys (数量指标：…；质量指标：…) gives one
 * per key. Lines inside tables are the table reader's. A key line with no other within
 * three lines is prose that happens to start so, not a list.
 */
import type { Figure, Indicator } from '../contract.js'
import { listKeys } from './indicator-headers.js'
import type { TableInput } from './indicators.js'

/** An indicator of a list, before ids are given in document order. */
export type ListIndicator = Omit<Indicator, 'id'>

/** Lines of one list lie this close together. */
const RUN_GAP = 3

let keyPattern: { any: RegExp; opening: RegExp } | undefined

/**
 * Any key and its colon, where a list item may start: line start or after a separator
 * (`any`, global); `opening`: the same, sticky, to ask whether a line opens with one before
 * reading all its keys — the scan runs on every line. Built once (the escaped alternation
 * was rebuilt for every line).
 */
function keys(): { any: RegExp; opening: RegExp } {
  if (keyPattern) return keyPattern
  const alternation = listKeys()
    .map((k) => k.key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|')
  const source = `(?<=^|[；;。，,\\s])(${alternation})[\\s\\u3000]*[：:]`
  keyPattern = { any: new RegExp(source, 'gu'), opening: new RegExp(source, 'yu') }
  return keyPattern
}

/** Leading whitespace and converter markup such as [bookmark: _GoBack]. */
const LEAD = /^[\s\u3000]*(?:\[[^\]\n]*\][\s\u3000]*)?/u

export function findIndicatorLists(input: TableInput): ListIndicator[] {
  const level1Of = new Map(listKeys().map((k) => [k.key, k.level1]))
  const inFigures = [...input.figures].filter((f) => !f.cell).sort((a, b) => a.start - b.start)
  const tables = [...input.tables].sort((a, b) => a.start - b.start)
  const found: ListIndicator[] = []
  for (let line = 1; line <= input.lines.lineCount; line++) {
    const span = input.lines.lineSpan(line)
    if (tables.some((t) => span.start >= t.start && span.start < t.end)) continue
    const line0 = input.text.slice(span.start, span.end)
    const lead = LEAD.exec(line0)![0].length
    const text = line0.slice(lead)
    const { any, opening } = keys()
    opening.lastIndex = 0
    if (!opening.test(text)) continue // the line must open with a key
    const matches = [...text.matchAll(any)]
    const base = span.start + lead
    matches.forEach((m, i) => {
      const key = m[1]!
      const from = m.index + m[0].length
      const to = matches[i + 1]?.index ?? text.length
      const raw = text.slice(from, to)
      const value = raw.replace(/[\s\u3000；;，,]+$/u, '').replace(/^[\s\u3000]+/u, '')
      if (value === '' || /^[。.]+$/.test(value)) return
      const start = base + from + (raw.length - raw.trimStart().length)
      const end = start + value.length
      const figure = firstFigureIn(inFigures, start, end)
      found.push({
        level1: level1Of.get(key) ?? null,
        level2: key,
        level3: null,
        target: null,
        actual: { text: value, start, end, ...(figure ? { figureId: figure.id } : {}) },
        line,
        start: base + m.index,
        end,
      })
    })
  }
  // Keep runs: a line is kept when another list line is at most RUN_GAP lines away (or it has two keys).
  return found.filter((f) => found.some((g) => g !== f && Math.abs(g.line - f.line) <= RUN_GAP))
}

function firstFigureIn(figures: readonly Figure[], start: number, end: number): Figure | undefined {
  let lo = 0
  let hi = figures.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (figures[mid]!.start < start) lo = mid + 1
    else hi = mid
  }
  const f = figures[lo]
  return f && f.end <= end ? f : undefined
}
