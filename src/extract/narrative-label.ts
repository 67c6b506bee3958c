/**
 * Labels of figures in running text, read in document order. Beyond the clause before each
 * number (labels.ts) a sentence carries context from figure to figure:
 * - its subject (本年“三公经费”预算安排数为15.9万元，实际支出数为9.29万元 → 三公经费实际支出数);
 * - a breakdown: after 基本支出4,600,656.92元（其中：工资福利支出…、商品和服务支出…）
 *   the parts belong to 基本支出 (基本支出中的商品和服务支出) until the bracket closes or
 *   the breakdown's clause ends;
 * - a period: 较2021年“三公经费”预算数 is the prior year's.
 */
import { SENTENCE_END } from './char-class.js'
import { clauseStart, labelBefore } from './labels.js'
import { isWeakLabel, nounAfter } from './label-after.js'
import { isAttribute, lastTopic, namesTopic, qualifyLabel, topicOf } from './label-topic.js'

/** Wording that puts a quantity in the previous period. */
const PRIOR_PERIOD = /上年|上一年|去年|较\s*\d{4}\s*年/
/** A breakdown opens after a figure: 其中 / 包括 / 包含. */
const BREAKDOWN_OPENS = /其中|包括|包含/

export class NarrativeLabeler {
  private previous: { end: number; label: string | null } | undefined
  /** The figure whose parts are being listed, while its breakdown lasts. */
  private parent: { label: string; bracketed: boolean; bracketDepth: number } | undefined

  constructor(private readonly text: string) {}

  /**
   * The label of the figure spanning [start, end); `floor` bounds the search (a table cell's
   * start). A count whose clause names nothing before it takes the noun after it.
   */
  labelAt(start: number, floor: number, end?: number, kind?: string): string | null {
    const { text } = this
    const previous = this.previous && this.previous.end >= floor ? this.previous : undefined
    const between = previous ? text.slice(previous.end, start) : ''
    const sameSentence = previous !== undefined && !/[。\n！？!?；;]/.test(between)
    this.updateParent(previous, between, sameSentence)

    let label = labelBefore(text, start, Math.max(previous?.end ?? 0, floor), sameSentence ? previous!.label : null, floor)
    if (kind === 'count' && end !== undefined && isWeakLabel(label)) label = nounAfter(text, end) ?? label
    const sentenceStart = SENTENCE_END.runStart(text, start, floor)
    let qualified = qualifyLabel(label, lastTopic(text, sentenceStart, start))
    // An attribute with no subject in sight (完成率98.80%) is the rate of what the sentence just
    // counted (完成庭院老旧燃气管道改造约18.25公里，完成率…).
    if (qualified && qualified === label && /率$/.test(qualified) && isAttribute(qualified) && sameSentence && previous?.label && !isAttribute(previous.label) && !/占|比重/.test(previous.label))
      qualified = `${previous.label}${qualified}`
    if (qualified && this.parent && !namesTopic(qualified) && !isAttribute(qualified) && !qualified.startsWith('占'))
      qualified = `${this.parent.label}中的${qualified}`
    const clause = text.slice(clauseStart(text, start, Math.max(previous?.end ?? 0, floor)), start)
    if (qualified && PRIOR_PERIOD.test(clause) && !qualified.includes('上年')) qualified = `上年${qualified}`
    return qualified
  }

  /** Remembers the figure just labelled, for the next one. */
  record(end: number, label: string | null): void {
    this.previous = { end, label }
  }

  private updateParent(previous: { end: number; label: string | null } | undefined, between: string, sameSentence: boolean): void {
    if (!sameSentence) this.parent = undefined
    if (this.parent) {
      // A bracketed breakdown ends when its bracket closes; an open one at 。 or ；.
      this.parent.bracketDepth += count(between, /[（(]/g) - count(between, /[）)]/g)
      if ((this.parent.bracketed && this.parent.bracketDepth <= 0) || /[；;]/.test(between)) this.parent = undefined
    }
    // Only a named subject (基本支出, 项目支出, 三公经费) gives its parts a qualifier; a total
    // such as 收入总计 is the sum of parts that are named well enough on their own.
    const opens = between.search(BREAKDOWN_OPENS)
    const subject = previous?.label ? topicOf(previous.label) : null
    if (subject && opens !== -1) {
      const depth = count(between, /[（(]/g) - count(between, /[）)]/g)
      this.parent = { label: subject, bracketed: depth > 0, bracketDepth: depth }
    }
  }
}

function count(s: string, pattern: RegExp): number {
  return (s.match(pattern) ?? []).length
}
