/**
 * The wording the score checks read, from data/scoring-words.json: which column holds the
 * scoring criterion, which criteria leave the score to judgement, the words of a deduction's
 * direction, and the scored indicators whose measured rate a report states elsewhere
 * (预算完成率, 公用经费控制率 …) with the record fields that rate is, or is computed from.
 */
import { z } from 'zod'
import { loadDataJson } from '../data-files.js'
import { FIELD_IDS, type FieldId } from '../normalize/field-ids.js'

const Field = z.enum(FIELD_IDS)

const TopicSchema = z.object({
  id: z.string().min(1),
  indicator: z.string().min(1),
  labels: z.string().min(1),
  exclude: z.string().min(1).optional(),
  field: Field.optional(),
  ratio: z.tuple([Field, Field]).optional(),
})

const WordsFileSchema = z.object({
  criterionHeaders: z.array(z.string().min(1)),
  openMarkers: z.array(z.string().min(1)),
  above: z.array(z.string().min(1)),
  below: z.array(z.string().min(1)),
  labelExclude: z.string().min(1),
  extraItems: z.array(z.string().min(1)),
  topics: z.array(TopicSchema),
})

/** A scored indicator whose rate the report may state or let compute. */
export interface RateTopic {
  id: string
  /** Tested against the indicator's name, quotes and spaces removed. */
  indicator: RegExp
  /** A stated percentage belongs to the topic when its label matches this … */
  labels: RegExp
  /** … and not this. */
  exclude?: RegExp
  /** Canonical record field of the rate, e.g. budget.execution_rate. */
  field?: FieldId
  /** [numerator, denominator] record fields: rate = numerator / denominator × 100. */
  ratio?: [FieldId, FieldId]
}

export interface ScoringWords {
  criterionHeaders: string[]
  openMarkers: RegExp[]
  /** Longest first, so 未达到 wins over 未达. */
  above: string[]
  below: string[]
  /** A percentage labelled so (上年执行率, 目标值) is not the year's measured rate. */
  labelExclude: RegExp
  /** Words of bonus / penalty items (加分项, 一票否决) that sit outside the full mark. */
  extraItems: string[]
  topics: RateTopic[]
}

let words: ScoringWords | undefined

export function scoringWords(): ScoringWords {
  if (!words) {
    const file = WordsFileSchema.parse(loadDataJson('scoring-words.json'))
    const byLength = (a: string, b: string) => b.length - a.length
    words = {
      criterionHeaders: file.criterionHeaders,
      openMarkers: file.openMarkers.map((p) => new RegExp(p, 'u')),
      above: [...file.above].sort(byLength),
      below: [...file.below].sort(byLength),
      labelExclude: new RegExp(file.labelExclude, 'u'),
      extraItems: file.extraItems,
      topics: file.topics.map((t) => {
        const topic: RateTopic = { id: t.id, indicator: new RegExp(t.indicator, 'u'), labels: new RegExp(t.labels, 'u') }
        if (t.exclude) topic.exclude = new RegExp(t.exclude, 'u')
        if (t.field) topic.field = t.field
        if (t.ratio) topic.ratio = t.ratio
        return topic
      }),
    }
  }
  return words
}

/**
 * A name as score tables and narrative both write it, for comparison: full-width folded,
 * quotes, brackets' quote marks and spaces removed (“三公经费”控制率 → 三公经费控制率).
 */
export function normalName(text: string): string {
  return text.normalize('NFKC').replace(/[\s\u3000“”"'‘’「」『』〝〞]/g, '')
}
