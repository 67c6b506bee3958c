/**
 * data/cross-checks.json, validated once: the wording of prior-year statements, the classes
 * of report kind and the noise in department names.
 */
import { z } from 'zod'
import { loadDataJson } from '../../data-files.js'
import { FIELD_IDS } from '../../normalize/field-ids.js'
import { FIGURE_KINDS } from '../../contract.js'

const Field = z.enum(FIELD_IDS)
const Pattern = z.string().refine((s) => {
  try {
    new RegExp(s)
    return true
  } catch {
    return false
  }
}, 'not a regular expression')

const CrossDataSchema = z.object({
  priorYear: z.object({
    words: z.array(z.string().min(1)).min(1),
    notPrior: Pattern,
    trim: Pattern,
    neutralColumns: Pattern,
    quantities: z.array(z.object({ field: Field, match: Pattern, kinds: z.array(z.enum(FIGURE_KINDS)).min(1) })),
    recordFields: z.array(z.object({ field: Field, lastYear: Field, byLabel: z.boolean() })),
    alternates: z.record(z.string(), Field),
  }),
  kindClasses: z.array(z.object({ class: z.string().min(1), contains: z.string().min(1) })),
  nameNoise: Pattern,
})

export type CrossData = z.infer<typeof CrossDataSchema>

let data: CrossData | undefined

export function crossData(): CrossData {
  return (data ??= CrossDataSchema.parse(loadDataJson('cross-checks.json')))
}
