/**
 * The quantities restatement checks and record identities talk about, loaded from
 * data/record-quantities.json: which label parts state each one, in which surroundings, and
 * which scopes (基本支出, 项目支出 …) are the quantity itself. Stricter than fields.json on
 * purpose — the record needs the best statement of a field, a restatement check needs every
 * statement of exactly that quantity and nothing else. Compiled once per process.
 */
import { z } from 'zod'
import { FIGURE_KINDS } from '../../contract.js'
import { loadDataJson } from '../../data-files.js'

const MatchSchema = z.object({ label: z.string(), context: z.string().optional(), scope: z.string().optional(), weak: z.boolean().optional() })

const QuantitySchema = z.object({
  name: z.string(),
  kinds: z.array(z.enum(FIGURE_KINDS)).min(1),
  match: z.array(MatchSchema).min(1),
  exclude: z.string().optional(),
  context: z.string().optional(),
  subjectExclude: z.string().optional(),
  clauseExclude: z.string().optional(),
  sectionExclude: z.string().optional(),
  defaultScope: z.string().optional(),
  scoped: z.boolean().optional(),
})

const FileSchema = z.object({
  genericParts: z.string(),
  totalParts: z.string(),
  partMarker: z.string(),
  scopes: z.record(z.string(), z.string()),
  captionScopes: z.string(),
  quantities: z.record(z.string(), QuantitySchema),
})

export interface QuantityMatch {
  label: RegExp
  context?: RegExp
  /** The scope the wording implies (追加专项资金 → 项目支出). */
  scope?: string
  /** A generic word (实际支出, 执行率): counts only beside another statement in its sentence or row. */
  weak?: boolean
}

/** One quantity: a record field id (budget.initial) or a further key (budget.adjustment_rate). */
export interface QuantityDef {
  key: string
  /** For messages: 年初预算. */
  name: string
  kinds: ReadonlySet<string>
  match: QuantityMatch[]
  exclude?: RegExp
  context?: RegExp
  subjectExclude?: RegExp
  clauseExclude?: RegExp
  sectionExclude?: RegExp
  /** Scope names that mean the quantity itself, not a part of it. */
  defaultScope?: RegExp
  /** False when statements with a scope are dropped rather than grouped by scope. @default true */
  scoped: boolean
}

export interface QuantityVocabulary {
  /** A label part that says nothing about scope: 金额, 合计, 本年决算 … */
  genericPart: RegExp
  /** A part naming a total (年度资金总额, 合计): no scope. */
  totalPart: RegExp
  /** 其中： before a row header marks the row as a part. */
  partMarker: RegExp
  /** Canonical scope name → pattern of the names that mean it (专项资金 → 项目支出). */
  scopes: Array<{ name: string; pattern: RegExp }>
  /** A fund named in a table caption (财政拨款, 一般公共预算): the table states that fund's figures only. */
  captionScope: RegExp
  quantities: QuantityDef[]
  /** Whether a text names any quantity (one of all the label patterns), tested at once. */
  namesQuantity: (text: string) => boolean
}

let cached: QuantityVocabulary | undefined

export function quantityVocabulary(): QuantityVocabulary {
  if (cached) return cached
  const file = FileSchema.parse(loadDataJson('record-quantities.json'))
  const re = (s: string | undefined): RegExp | undefined => (s === undefined ? undefined : new RegExp(s))
  cached = {
    genericPart: new RegExp(file.genericParts),
    totalPart: new RegExp(file.totalParts),
    partMarker: new RegExp(file.partMarker),
    scopes: Object.entries(file.scopes).map(([name, pattern]) => ({ name, pattern: new RegExp(pattern) })),
    captionScope: new RegExp(file.captionScopes),
    quantities: Object.entries(file.quantities).map(([key, q]) => {
      const def: QuantityDef = {
        key,
        name: q.name,
        kinds: new Set(q.kinds),
        match: q.match.map((m) => ({ label: new RegExp(m.label), ...(m.context ? { context: new RegExp(m.context) } : {}), ...(m.scope ? { scope: m.scope } : {}), ...(m.weak ? { weak: true } : {}) })),
        scoped: q.scoped ?? true,
      }
      for (const field of ['exclude', 'context', 'subjectExclude', 'clauseExclude', 'sectionExclude', 'defaultScope'] as const) {
        const compiled = re(q[field])
        if (compiled) def[field] = compiled
      }
      return def
    }),
    namesQuantity: () => false,
  }
  const any = new RegExp(Object.values(file.quantities).flatMap((q) => q.match.map((m) => `(?:${m.label})`)).join('|'))
  cached.namesQuantity = (text) => any.test(text)
  return cached
}

/** A scope the checks compare within: none, or a canonical one (基本支出, 项目支出). */
export function comparableScope(vocabulary: QuantityVocabulary, scope: string): boolean {
  return scope === '' || vocabulary.scopes.some((s) => s.name === scope)
}

/** The canonical name of a scope (专项资金 → 项目支出), or the scope as written. */
export function canonicalScope(vocabulary: QuantityVocabulary, scope: string): string {
  return vocabulary.scopes.find((s) => s.pattern.test(scope))?.name ?? scope
}
