/**
 * Tables whose rows are lines of `|`-separated cells: Markdown (`| 项目 | 金额 |` with a
 * `|---|---|` rule), plain `项目 | 金额 | 占比`, and the box-drawing grids that some
 * converters write (`│ 项目 │ 金额 │` between `├───┼───┤` rules). Full-width ｜ counts too.
 * One line is one row; a blank line or any other line ends the table.
 */
import type { Span } from '../document.js'
import { lineText, trimSpan, type TextLine } from './txt-lines.js'

/** A table of spans, one row per line; rule lines are skipped. */
export interface PipeTableDraft {
  first: number
  last: number
  rows: Span[][]
}

const SEPARATORS = new Set(['|', '｜', '│', '┃', '║'])
const HAS_SEPARATOR = /[|｜│┃║]/

/** A rule line: only separators, dashes, colons, plus signs and box-drawing corners/bars. */
const RULE_LINE = /^[\s|｜│┃║:+\-=—─━═┌┐└┘├┤┬┴┼╔╗╚╝╠╣╦╩╬]+$/
const RULE_STROKES = /[-=—─━═]{3,}/

export function findPipeTables(text: string, lines: TextLine[], taken: (index: number) => boolean): PipeTableDraft[] {
  const tables: PipeTableDraft[] = []
  let group: TextLine[] = []
  const flush = (): void => {
    if (group.length > 0) tables.push(...toTables(text, group))
    group = []
  }
  for (const line of lines) {
    const kind = taken(line.index) ? 'none' : pipeLineKind(lineText(text, line))
    if (kind === 'none') flush()
    else group.push(line)
  }
  flush()
  return tables
}

function pipeLineKind(line: string): 'rule' | 'row' | 'none' {
  const s = line.trim()
  if (RULE_LINE.test(s) && RULE_STROKES.test(s)) return 'rule'
  return HAS_SEPARATOR.test(s) ? 'row' : 'none'
}

/**
 * A group of consecutive pipe lines is a table when it looks deliberate: a rule line or
 * rows framed by separators (Markdown, box drawing), with two rows or more. Unframed
 * `a | b | c` rows count only as runs of two or more rows with the same three or more
 * cells: a stray "A | B" in a sentence is none of these.
 */
function toTables(text: string, group: TextLine[]): PipeTableDraft[] {
  const ruled = group.some((l) => pipeLineKind(lineText(text, l)) === 'rule')
  const data = group
    .filter((l) => pipeLineKind(lineText(text, l)) === 'row')
    .map((line) => ({ line, ...splitRow(text, line) }))
  if (data.length < 2) return []
  if (ruled || data.every((r) => r.framed))
    return [{ first: group[0]!.index, last: group[group.length - 1]!.index, rows: data.map((r) => r.cells) }]
  const tables: PipeTableDraft[] = []
  for (let i = 0; i < data.length; ) {
    let j = i + 1
    while (j < data.length && data[j]!.cells.length === data[i]!.cells.length && data[j]!.line.index === data[j - 1]!.line.index + 1) j++
    const run = data.slice(i, j)
    if (run.length >= 2 && run[0]!.cells.length >= 3)
      tables.push({ first: run[0]!.line.index, last: run[run.length - 1]!.line.index, rows: run.map((r) => r.cells) })
    i = j
  }
  return tables
}

/**
 * Cells between separators, trimmed. Leading and trailing separators frame the row and
 * add no empty cell; an empty cell between two separators is an empty span right after
 * the first of them.
 */
function splitRow(text: string, line: TextLine): { cells: Span[]; framed: boolean } {
  const bounds: number[] = []
  for (let i = line.start; i < line.end; i++) if (SEPARATORS.has(text[i]!)) bounds.push(i)
  const content = trimSpan(text, line.start, line.end)
  const leading = bounds[0] === content.start
  const trailing = bounds[bounds.length - 1] === content.end - 1
  const edges = [line.start - 1, ...bounds, line.end]
  const cells: Span[] = []
  for (let k = 0; k + 1 < edges.length; k++) {
    if (k === 0 && leading) continue
    if (k === edges.length - 2 && trailing) continue
    cells.push(trimSpan(text, edges[k]! + 1, edges[k + 1]!))
  }
  return { cells, framed: leading && trailing }
}
