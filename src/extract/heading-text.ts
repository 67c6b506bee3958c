/**
 * What follows an enumerator: a heading title, a run-in heading (`部门设置。根据编委核定…`,
 * title then body on one line), or a sentence of an enumerated list (`负责应急管理工作，
 * 指导…；`). A single line cannot always tell; heading-runs.ts votes over a whole run.
 */

/** How the text after an enumerator reads. */
export type ItemForm =
  /** A short title alone on its line, at most closed by 。 or ：. */
  | 'title'
  /** A short title closed by 。 or ：, then body text on the same line. */
  | 'run-in'
  /** An item closed by ；: a list entry (`长期做好辖区安全稳定工作；`). */
  | 'list'
  /** A long clause or several: prose, e.g. a duty statement. */
  | 'sentence'

export interface HeadingText {
  form: ItemForm
  /** Offsets in the line of the title (no trailing punctuation). */
  titleStart: number
  titleEnd: number
  /** Length of the head clause with quoted passages counted as two characters. */
  headLength: number
  /** The punctuation that closed the head clause (。 ： ；…), '' when none did. */
  closer: string
}

/** A title longer than this (quotes collapsed) reads as prose. */
export const MAX_TITLE_LENGTH = 60
/** A run-in head longer than this (quotes collapsed) is a first sentence, not a title. */
export const MAX_RUN_IN_HEAD = 24

const OPEN = '“‘《（(【〔「『"'
const CLOSE = '”’》）)】〕」』"'
const STOPS = '。！？；;：:!?'
const COMMAS = '，,'
/** Punctuation and space a title may end with; ONLY_TRAILING: a rest that holds nothing else. */
const TRAILING_CHAR = '[\\s\\u3000。．.！？!?；;：:，,、]'
const TRAILING = new RegExp(`${TRAILING_CHAR}+$`, 'u')
const ONLY_TRAILING = new RegExp(`^${TRAILING_CHAR}*$`, 'u')

/**
 * The scans below run over every line of a document (readHeadingLines asks for each), so they
 * work on code units: `line[i]` builds a string per Chinese character, and each character was
 * looked up in four strings. Code → index in OPEN / CLOSE, and the stop and comma sets.
 */
const codeIndex = (chars: string) => new Map([...chars].map((c, i) => [c.charCodeAt(0), i]))
const OPEN_INDEX = codeIndex(OPEN)
const CLOSE_INDEX = codeIndex(CLOSE)
const STOP_CODES = new Set([...STOPS].map((c) => c.charCodeAt(0)))
const COMMA_CODES = new Set([...COMMAS].map((c) => c.charCodeAt(0)))
const ROUND_OPEN = new Set([...'（('].map((c) => c.charCodeAt(0)))
const ROUND_CLOSE = new Set([...'）)'].map((c) => c.charCodeAt(0)))

/** Whether `code` closes the bracket or quote `open` (both code units); round brackets close each other's kind. */
function closes(open: number | undefined, code: number): boolean {
  if (open === undefined) return false
  if (ROUND_OPEN.has(open)) return ROUND_CLOSE.has(code)
  return CLOSE_INDEX.get(code) === OPEN_INDEX.get(open)
}

/**
 * Scans `line` from `from` at bracket depth 0: the first stop (。；：…) ends the head clause.
 * Quoted and bracketed passages (“…”, 《…》, （…）) are skipped, so a title that quotes a
 * finding with commas inside still reads as one short head.
 */
function scanHead(line: string, from: number, brackets = true): { stop: number; length: number; commas: number } {
  const stack: number[] = []
  let length = 0
  let commas = 0
  for (let i = from; i < line.length; i++) {
    const code = line.charCodeAt(i)
    if (closes(stack[stack.length - 1], code)) {
      stack.pop()
      continue
    }
    if (brackets && OPEN_INDEX.has(code)) {
      if (stack.length === 0) length += 2
      stack.push(code)
      continue
    }
    if (stack.length > 0) continue
    if (STOP_CODES.has(code)) return { stop: i, length, commas }
    if (COMMA_CODES.has(code)) commas++
    length++
  }
  // An unbalanced quote would hide the rest of the line: read it again without brackets.
  if (stack.length > 0) return scanHead(line, from, false)
  return { stop: -1, length, commas }
}

/** Longest single sentence closed by 。 that still reads as a title (在…网站政务公开栏目公示。). */
export const MAX_CLOSED_TITLE = 30

/**
 * Form of an item that is one clause with nothing after it. Without closing punctuation it
 * is a title unless very long; closed by ； it is a list entry; closed by 。 it is a title
 * only when short and without commas — `统一协调指挥各类应急专业队伍，建立…。` is a duty
 * statement, `自评材料报送时间及质量。` a heading.
 */
function closedForm(closer: string, head: { length: number; commas: number }): ItemForm {
  if (closer === '') return head.length <= MAX_TITLE_LENGTH ? 'title' : 'sentence'
  if ('；;'.includes(closer)) return 'list'
  if ('：:'.includes(closer)) return head.length <= MAX_TITLE_LENGTH ? 'title' : 'sentence'
  return head.length <= MAX_CLOSED_TITLE && head.commas === 0 ? 'title' : 'sentence'
}

/** Classifies the text of `line` from `from` (just after the enumerator). */
export function readHeadingText(line: string, from: number): HeadingText {
  const text = line.trimEnd()
  const head = scanHead(text, from)
  const stop = head.stop
  const rest = stop === -1 ? '' : text.slice(stop + 1).replace(/^[\s\u3000]+/u, '')
  const closer = stop === -1 ? '' : text[stop]!
  let form: ItemForm
  // Nothing but closing punctuation after the head (rest.replace(TRAILING, '') === ''), decided at the first other character.
  if (ONLY_TRAILING.test(rest)) form = closedForm(closer, head)
  else if ('；;'.includes(closer)) form = 'list'
  else form = head.length <= MAX_RUN_IN_HEAD && head.commas <= 1 ? 'run-in' : 'sentence'

  let titleEnd = stop === -1 ? text.length : stop
  // A long head, or a list entry or sentence, that runs on with commas: the title is its first clause.
  if (head.length > 40 || form === 'list' || form === 'sentence') {
    const comma = firstCommaAtDepth0(text, from, titleEnd)
    if (comma !== -1) titleEnd = comma
  }
  while (titleEnd > from && TRAILING.test(text[titleEnd - 1]!)) titleEnd--
  return { form, titleStart: from, titleEnd, headLength: head.length, closer }
}

function firstCommaAtDepth0(text: string, from: number, to: number): number {
  const stack: number[] = []
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i)
    if (closes(stack[stack.length - 1], code)) stack.pop()
    else if (OPEN_INDEX.has(code)) stack.push(code)
    else if (stack.length === 0 && COMMA_CODES.has(code)) return i
  }
  return -1
}

/**
 * A line that reads as a bare title: short, no sentence punctuation at all. Used for
 * unnumbered headings (`履职效果情况`, `存在的问题`), document titles and table titles.
 */
export function isBareTitle(text: string, maxLength = 30): boolean {
  const t = text.trim()
  if (t.length < 2 || t.length > maxLength) return false
  if (/[。！？；;：:，,!?…]/.test(t)) return false
  // Page furniture (-- 8 of 23 --), codes and numbers are no titles: a title is words.
  if ((t.match(/[\u4e00-\u9fff]/gu) ?? []).length < 2) return false
  // A title is one phrase: several blank-separated tokens or amounts make a table row.
  // (PDF text puts a space between CJK and digits — 2023 年 — which does not split a phrase.)
  const joined = t.replace(/(?<=\d) (?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff]) (?=\d)/gu, '')
  if (joined.split(/[\s\u3000]+/u).length > 2 || /\d\.\d/.test(t)) return false
  if (/^[\d\s.,%％万元年月日\-－—/:：()（）]+$/u.test(t)) return false // numbers, dates
  if (/^[（(].*[)）]$/u.test(t)) return false // (2022年度)
  if (t.startsWith('[')) return false // [image: …] residue
  return true
}

/** Strips trailing punctuation and blanks from a title. */
export function cleanTitle(title: string): string {
  return title.replace(TRAILING, '').trim()
}
