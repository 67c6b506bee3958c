/**
 * The wording that makes arithmetic relations (其中, 占…%, 比上年减少, 超支, 执行率 …), read
 * once from data/relation-words.json and compiled to regular expressions. Words are data so
 * that a new report style needs a data edit, not a code change.
 */
import { z } from 'zod'
import { loadDataJson } from '../../data-files.js'

const Pattern = z.string().min(1)

const PartitionSchema = z.object({
  name: z.string(),
  members: z.array(Pattern).min(1),
  required: z.array(Pattern),
  min: z.number().int().min(1),
})

const FormulaSchema = z.object({
  name: z.string(),
  rate: Pattern,
  kind: z.enum(['money', 'count']),
  roles: z.record(z.string(), Pattern),
  numerator: z.array(z.object({ role: z.string(), sign: z.union([z.literal(1), z.literal(-1)]).optional() })).min(1),
  denominator: z.string(),
  unless: Pattern.optional(),
})

const WordsSchema = z.object({
  breakdown: z.object({
    openers: z.array(z.string().min(1)).min(1),
    totalWords: z.array(z.string().min(1)),
    attributes: z.array(Pattern),
    remainder: Pattern,
    outsiders: z.array(z.object({ part: Pattern, unlessTotal: Pattern })),
    partitions: z.array(PartitionSchema),
  }),
  share: z.object({ bare: Pattern, named: Pattern }),
  change: z.object({
    decrease: Pattern,
    increase: Pattern,
    amountCue: Pattern,
    rateCue: Pattern,
    signedRate: Pattern,
    current: Pattern,
    prior: Pattern,
    notPrior: Pattern,
  }),
  difference: z.object({ budget: Pattern, actual: Pattern, overrun: Pattern, saving: Pattern, paid: Pattern, remaining: Pattern }),
  rates: z.object({ formulas: z.array(FormulaSchema) }),
  placeholder: z.object({ before: Pattern, units: Pattern, notWordAfter: z.string() }),
})

/** A group of parts that, named together, make up all of their total (基本支出 + 项目支出). */
export interface Partition {
  name: string
  members: RegExp[]
  required: RegExp[]
  min: number
}

/** A rate defined by the roles its operands play: 执行率 = 实际支出 / 预算. */
export interface RateFormula {
  name: string
  rate: RegExp
  kind: 'money' | 'count'
  roles: Map<string, RegExp>
  numerator: Array<{ role: string; sign: 1 | -1 }>
  denominator: string
  /** A figure of the sentence left unused that matches this makes the formula inapplicable. */
  unless?: RegExp
}

export interface RelationWords {
  breakdown: {
    /** Words after a total that open the list of its parts: 其中, 包括 … */
    openers: string[]
    opener: RegExp
    /** A label with one of these names a total of its own. */
    totalWord: RegExp
    /** A local label that describes the part before rather than naming a new part. */
    attribute: RegExp
    /** A part so named is the rest of the total: 其他收入. */
    remainder: RegExp
    /** A part so named is not of the total's population unless the total's label says so. */
    outsiders: Array<{ part: RegExp; unlessTotal: RegExp }>
    partitions: Partition[]
  }
  share: { bare: RegExp; named: RegExp }
  change: { decrease: RegExp; increase: RegExp; amountCue: RegExp; rateCue: RegExp; signedRate: RegExp; current: RegExp; prior: RegExp; notPrior: RegExp }
  difference: { budget: RegExp; actual: RegExp; overrun: RegExp; saving: RegExp; paid: RegExp; remaining: RegExp }
  rates: RateFormula[]
  placeholder: { pattern: RegExp; notWordAfter: string }
}

let cached: RelationWords | undefined

/** The compiled wording lists. @throws when the data file is malformed (a packaging error). */
export function relationWords(): RelationWords {
  if (cached) return cached
  const file = WordsSchema.parse(loadDataJson('relation-words.json'))
  const re = (s: string) => new RegExp(s)
  const { breakdown: b, change: c, difference: d, placeholder: p } = file
  cached = {
    breakdown: {
      openers: b.openers,
      opener: new RegExp(b.openers.map(escape).join('|')),
      totalWord: new RegExp(b.totalWords.map(escape).join('|')),
      attribute: new RegExp(b.attributes.join('|')),
      remainder: re(b.remainder),
      outsiders: b.outsiders.map((o) => ({ part: re(o.part), unlessTotal: re(o.unlessTotal) })),
      partitions: b.partitions.map((g) => ({ name: g.name, members: g.members.map(re), required: g.required.map(re), min: g.min })),
    },
    share: { bare: re(file.share.bare), named: re(file.share.named) },
    change: {
      decrease: re(c.decrease),
      increase: re(c.increase),
      amountCue: re(c.amountCue),
      rateCue: re(c.rateCue),
      signedRate: re(c.signedRate),
      current: re(c.current),
      prior: re(c.prior),
      notPrior: re(c.notPrior),
    },
    difference: { budget: re(d.budget), actual: re(d.actual), overrun: re(d.overrun), saving: re(d.saving), paid: re(d.paid), remaining: re(d.remaining) },
    rates: file.rates.formulas.map((f) => ({
      name: f.name,
      rate: re(f.rate),
      kind: f.kind,
      roles: new Map(Object.entries(f.roles).map(([k, v]) => [k, re(v)])),
      numerator: f.numerator.map((t) => ({ role: t.role, sign: t.sign ?? 1 })),
      denominator: f.denominator,
      ...(f.unless ? { unless: re(f.unless) } : {}),
    })),
    // A unit right after a word that expects a number, with at most blanks or underscores
    // between (占 %, 减少____万元), or after a bracket left empty or an XX to fill in.
    placeholder: {
      pattern: new RegExp(`(?:(?:${p.before})[\\s\\u3000_＿]*|[（(][\\s\\u3000_＿]*[）)]|(?<![A-Za-z])[XxＸｘ]{1,4}[\\s\\u3000]*)(?:${p.units})`, 'g'),
      notWordAfter: p.notWordAfter,
    },
  }
  return cached
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
