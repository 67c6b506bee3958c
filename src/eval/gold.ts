/**
 * The gold annotations (../shared/gold/README.md): one JSON per seed report, hand-made and
 * checked by script. The schema is permissive on purpose — loose objects that keep every key
 * — and requires only what `cnreport eval` reads, so the gold can grow (notes, anomalies,
 * new kinds) without breaking the evaluator. Each metric declares the keys it needs here.
 */
import { readdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { InputError } from '../result.js'

const line = z.number().int().positive()

/** One annotated quantity. `kind` is an open string: money, percent, count, measure, duration, score, score_weight, rule_param, formula, money_rate, unknown, … */
export const GoldFigureSchema = z.looseObject({
  /** Exact substring of line `line`, e.g. "1234.56万元", "约18.25公里". */
  text: z.string().min(1),
  /** The number as written, with 万/亿 folded in for counts and measures (1.8万份 → 18000). */
  value: z.number().finite(),
  /** 1-based line of the seed file, lines split on \n. */
  line,
  kind: z.string(),
  /** 0-based offset of `text` in its line, in Unicode code points (not UTF-16 units). */
  char_offset: z.number().int().nonnegative(),
  /** Money only: the value in 元 (may be fractional: 412.36). */
  value_yuan: z.number().finite().nullish(),
  /** Chinese-numeral counts and other figures a careful extractor may omit: excluded from recall. */
  optional: z.boolean().optional(),
  label: z.string().nullish(),
  unit: z.string().nullish(),
})

/** One heading of the section tree. */
export const GoldSectionSchema = z.looseObject({
  /** Intended depth: 0 = title / 附件 marker, 1 = 一、, 2 = （一）, 3 = 1./1、, 4 = （1）. */
  level: z.number().int().nonnegative(),
  /** The enumerator as written, null when the heading has none. */
  number: z.string().nullish(),
  title: z.string(),
  line,
  /** The level the enumerator style implies, when it disagrees with the position (“4、” for 四、). */
  style_level: z.number().int().nonnegative().optional(),
  anomaly: z.string().optional(),
})

/** Another statement of a record field with a different value (the report contradicts itself). */
export const GoldAlternativeSchema = z.looseObject({
  /** The number as written, e.g. "318.26万", "87.5%", "0". */
  text: z.string().optional(),
  line,
  /** Money: the value in 元. */
  value_yuan: z.number().finite().nullish(),
  value: z.number().finite().nullish(),
})

/** One canonical field of the gold `record` (DESIGN.md §3) as the report states it. */
export const GoldRecordFieldSchema = z.looseObject({
  /** In the field's unit: 元 for money (so equal to `value_yuan`), percent points, people, items. */
  value: z.number().finite(),
  /** 元, %, 人 or 个. */
  unit: z.string(),
  /** Money: the value in 元. */
  value_yuan: z.number().finite().nullish(),
  /** The statement the value is taken from, e.g. "收入总计1234.56万元". */
  text: z.string(),
  /** 1-based line of that statement. */
  line,
  /** Money: the number as printed, e.g. "1234.56万元", "2,345,678" — its digits give the rounding. */
  as_written: z.string().nullish(),
  /** Money: the unit it is printed in (万元, 元), when `as_written` has none. */
  unit_as_written: z.string().nullish(),
  /** Other lines stating the same value: tracing the field to any of them is right too. */
  also_stated_at: z.array(line).optional(),
  /** Other statements of the field with different values. */
  alternatives: z.array(GoldAlternativeSchema).optional(),
  /** A single alternative, as some gold files write it. */
  alternative: GoldAlternativeSchema.optional(),
})

/**
 * One arithmetic relation the text implies (the gold's `consistency`): a sum, ratio,
 * restatement, … and whether it holds under exact arithmetic rounded to the printed precision.
 */
export const GoldRelationSchema = z.looseObject({
  /** Unique within the file, e.g. income_sum. */
  id: z.string(),
  /** An open string: sum, ratio, restated, table_vs_text, unit, malformed, score_sum, other, … */
  kind: z.string(),
  holds: z.boolean(),
  /** Implied or interpretive: a careful checker may leave it out (not a recall target). */
  optional: z.boolean().nullish(),
  /** "minor" marks a 0.01 rounding or truncation gap that must not give an error or warning. */
  severity: z.string().nullish(),
  /** The relation with its numbers, e.g. "财政拨款收入 1210.50 + 其他收入 24.06 = 收入总计 1234.56 (万元)". */
  statement: z.string(),
  /** The arithmetic as the annotator computed it. */
  detail: z.string().nullish(),
  /** 1-based lines of every number involved. */
  lines: z.array(line).min(1),
})

export const GoldDocumentSchema = z.looseObject({
  /** Seed file name, e.g. 000_5799300e2c9f984a.txt; matched against corpus file names. */
  file: z.string().min(1),
  figures: z.array(GoldFigureSchema),
  sections: z.array(GoldSectionSchema),
  /** Canonical fields by id (budget.initial, …); null when the report does not state one. Absent: not evaluated. */
  record: z.record(z.string(), GoldRecordFieldSchema.nullable()).optional(),
  /** Every arithmetic relation the text implies, with whether it holds. Absent: findings are not evaluated. */
  consistency: z.array(GoldRelationSchema).optional(),
})

export type GoldFigure = z.infer<typeof GoldFigureSchema>
export type GoldSection = z.infer<typeof GoldSectionSchema>
export type GoldDocument = z.infer<typeof GoldDocumentSchema>
export type GoldRecordField = z.infer<typeof GoldRecordFieldSchema>
export type GoldAlternative = z.infer<typeof GoldAlternativeSchema>
export type GoldRelation = z.infer<typeof GoldRelationSchema>

/** A parsed gold file and where it came from. */
export interface GoldFile {
  /** Path of the JSON file. */
  path: string
  gold: GoldDocument
}

/**
 * Parses one gold file's text.
 * @throws InputError naming `path` and the first problems when the JSON or its shape is wrong.
 */
export function parseGold(path: string, json: string): GoldFile {
  let data: unknown
  try {
    data = JSON.parse(json)
  } catch (error) {
    throw new InputError(path, `malformed gold file: not JSON (${(error as Error).message})`, 'eval-gold-malformed')
  }
  const parsed = GoldDocumentSchema.safeParse(data)
  if (!parsed.success) {
    const issues = parsed.error.issues
    const shown = issues.slice(0, 3).map((i) => `${formatPath(i.path)}: ${i.message}`)
    const more = issues.length > 3 ? `; and ${issues.length - 3} more` : ''
    throw new InputError(path, `malformed gold file: ${shown.join('; ')}${more}`, 'eval-gold-malformed')
  }
  return { path, gold: parsed.data }
}

function formatPath(path: PropertyKey[]): string {
  if (path.length === 0) return '(root)'
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('')
}

/**
 * Reads every `*.json` directly inside `dir` (README.md, SUMMARY.md and build scripts are
 * ignored), sorted by name.
 * @throws InputError when the directory is missing or any gold file is malformed: a gold
 *   set with a broken file would give scores for the wrong denominator.
 */
export async function loadGoldDir(dir: string): Promise<GoldFile[]> {
  const info = await stat(dir).catch(() => null)
  if (!info) throw new InputError(dir, 'gold directory not found (--gold)', 'eval-gold-missing')
  if (!info.isDirectory()) throw new InputError(dir, 'gold path is not a directory (--gold)', 'eval-gold-missing')
  const names = (await readdir(dir, { withFileTypes: true }))
    .filter((e) => e.isFile() && e.name.toLowerCase().endsWith('.json'))
    .map((e) => e.name)
    .sort()
  const files: GoldFile[] = []
  for (const name of names) {
    const path = join(dir, name)
    files.push(parseGold(path, await readFile(path, 'utf8')))
  }
  return files
}

