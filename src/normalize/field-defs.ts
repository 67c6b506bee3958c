/**
 * The wording of each canonical field, loaded from data/fields.json: which figure kinds can
 * state it and which labels name it. Compiled once per process.
 */
import { z } from 'zod'
import { FIGURE_KINDS } from '../contract.js'
import { loadDataJson } from '../data-files.js'
import { FIELD_IDS, type FieldId } from './field-ids.js'

const FieldDefSchema = z.object({
  kinds: z.array(z.enum(FIGURE_KINDS)).min(1),
  match: z.array(z.string()).min(1),
  exclude: z.string().optional(),
  context: z.string().optional(),
  forbid: z.string().optional(),
  prefer: z.array(z.string()).optional(),
  avoid: z.array(z.string()).optional(),
})

const FieldsFileSchema = z.object({ fields: z.record(z.enum(FIELD_IDS), FieldDefSchema) })

export interface FieldDef {
  id: FieldId
  kinds: ReadonlySet<string>
  /** Earlier patterns are stronger evidence. */
  match: RegExp[]
  exclude?: RegExp
  /** Must match the label, the sentence before the figure or the titles of the sections around it. */
  context?: RegExp
  /** Must not match the same. */
  forbid?: RegExp
  prefer: RegExp[]
  avoid: RegExp[]
}

let defs: FieldDef[] | undefined
let anyMatch: RegExp | undefined

/**
 * Whether `label` (quotes removed) matches the `match` pattern of any field — one regex of
 * all of them, so the record builder passes over the many labels that name no field at once
 * instead of testing each against every field.
 */
export function namesAnyField(label: string): boolean {
  anyMatch ??= new RegExp(fieldDefs().flatMap((d) => d.match.map((m) => `(?:${m.source})`)).join('|'))
  return anyMatch.test(label)
}

export function fieldDefs(): FieldDef[] {
  if (defs) return defs
  const file = FieldsFileSchema.parse(loadDataJson('fields.json'))
  defs = Object.entries(file.fields).map(([id, d]) => ({
    id: id as FieldId,
    kinds: new Set(d.kinds),
    match: d.match.map((m) => new RegExp(m)),
    ...(d.exclude ? { exclude: new RegExp(d.exclude) } : {}),
    ...(d.context ? { context: new RegExp(d.context) } : {}),
    ...(d.forbid ? { forbid: new RegExp(d.forbid) } : {}),
    prefer: (d.prefer ?? []).map((p) => new RegExp(p)),
    avoid: (d.avoid ?? []).map((p) => new RegExp(p)),
  }))
  return defs
}
