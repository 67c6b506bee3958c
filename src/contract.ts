/**
 * The JSON contract of `cnreport extract --json` (DESIGN.md §3), as a zod schema.
 * The store holds the same shape, tests validate every output against it, and tools
 * outside the project read these names: add fields, never rename them.
 */
import { z } from 'zod'
import { FIELD_IDS } from './normalize/field-ids.js'

const offset = z.number().int().nonnegative()

/** `[start, end)` UTF-16 offsets into `text`. */
export const SpanSchema = z.object({ start: offset, end: offset })

export const RegionSchema = z.object({
  /** e.g. 湖南省 */
  province: z.string().nullable(),
  /** e.g. 衡阳市 */
  city: z.string().nullable(),
  /** county-level division, e.g. 常宁市 */
  county: z.string().nullable(),
  /** 6-digit administrative division code of the most specific level resolved. */
  code: z.string().nullable(),
})

export const DocumentInfoSchema = z.object({
  /** sha256 of the file bytes, hex. */
  id: z.string().regex(/^[0-9a-f]{64}$/),
  path: z.string(),
  format: z.enum(['txt', 'docx', 'pdf']),
  title: z.string().nullable(),
  /** e.g. 某市应急管理局 */
  department: z.string().nullable(),
  region: RegionSchema.nullable(),
  /** The year evaluated (not the year of publication), e.g. 2023. */
  fiscalYear: z.number().int().nullable(),
  /** e.g. 部门整体支出绩效自评报告 */
  kind: z.string().nullable(),
  /** 自评分 / 合计得分, in points. */
  selfScore: z.number().nullable(),
})

export const PageSchema = SpanSchema.extend({ number: z.number().int().positive() })

export const SectionSchema = SpanSchema.extend({
  /** `s1`, `s2`, … in document order. */
  id: z.string(),
  /** 0 = title / 附件 marker, 1 = 一、, 2 = （一）, 3 = 1、 1., 4 = （1）. */
  level: z.number().int().min(0),
  /** The enumerator as written (一、 （一） 1. …); empty when the heading has none. */
  number: z.string(),
  title: z.string(),
  /** 1-based line of the heading. */
  line: z.number().int().positive(),
  parentId: z.string().nullable(),
  /** The heading itself; `start`/`end` cover the whole section up to the next heading at its level or above. */
  heading: SpanSchema.optional(),
})

export const TableCellSchema = SpanSchema.extend({
  text: z.string(),
  rowSpan: z.number().int().positive().optional(),
  colSpan: z.number().int().positive().optional(),
})

export const TableSchema = z.object({
  id: z.string(),
  rows: z.array(z.array(TableCellSchema)),
  /** Unit bare numbers in the table take, from its header (单位：万元, 金额（万元）). */
  unit: z.string().optional(),
  start: offset.optional(),
  end: offset.optional(),
})

export const FIGURE_KINDS = ['money', 'percent', 'count', 'measure', 'score'] as const

export const FigureSchema = SpanSchema.extend({
  /** `f1`, `f2`, … in document order. */
  id: z.string(),
  kind: z.enum(FIGURE_KINDS),
  /** Exactly `text.slice(start, end)`. */
  raw: z.string(),
  /** The number as written: 3395.06 for "3395.06万元"; for counts and measures a written 万/亿 is folded in (1.8万份 → 18000). */
  value: z.number().finite(),
  /**
   * Printed precision in XBRL's sense: 2 for "3395.06", 0 for "98%", −3 for "1.8万份".
   * The figure stands for the interval value ± ½·10^−decimals.
   */
  decimals: z.number().int(),
  /** Unit as written, normalised: 万元 元 亿元 % 个百分点 人 个 家 处 分 米 … */
  unit: z.string(),
  /** Money only: the value in 元, exact (3395.06万元 → 33950600). */
  yuan: z.number().finite().optional(),
  /** 多 余 约 近 以上 左右 …: the figure is not exact. */
  approx: z.boolean(),
  /** ≥ ≤ > < when the text bounds the quantity (以上, 不少于, ≦ …). */
  comparator: z.enum(['>=', '<=', '>', '<']).optional(),
  /** What it measures, as named in the text: 财政拨款收入, 三公经费实际支出数. */
  label: z.string().nullable(),
  /** 1-based line in `text`. */
  line: z.number().int().positive(),
  sectionId: z.string().nullable(),
  /** 1-based page, for paginated sources. */
  page: z.number().int().positive().optional(),
  cell: z.object({ tableId: z.string(), row: z.number().int().nonnegative(), col: z.number().int().nonnegative() }).optional(),
  /** The unit was not written beside the number but taken from a table header or column. */
  unitInferred: z.boolean().optional(),
  /** The number is malformed as written (1,031,48.00); `value` is the best reading. */
  malformed: z.boolean().optional(),
})

export const RecordFieldSchema = z.object({
  value: z.number().finite(),
  unit: z.enum(['元', '%', '人', '个']),
  figureId: z.string(),
  line: z.number().int().positive(),
  alternatives: z
    .array(z.object({ value: z.number().finite(), figureId: z.string(), line: z.number().int().positive() }))
    .optional(),
})

export const RecordSchema = z.partialRecord(z.enum(FIELD_IDS), RecordFieldSchema)

export const EvidenceSchema = SpanSchema.extend({
  text: z.string(),
  line: z.number().int().positive(),
  figureId: z.string().optional(),
  role: z.string().optional(),
})

export const FindingSchema = z.object({
  ruleId: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  /** Says what was stated and what was computed. */
  message: z.string(),
  /** evidence[0] is the primary place. */
  evidence: z.array(EvidenceSchema).min(1),
  stated: z.number().optional(),
  computed: z.union([z.number(), z.tuple([z.number(), z.number()])]).optional(),
  /** Stable across re-ingest and reformatting: rule + figure identities, not offsets. */
  fingerprint: z.string(),
})

export const DiagnosticSchema = z.object({
  level: z.enum(['warning', 'info']),
  code: z.string().optional(),
  message: z.string(),
  span: SpanSchema.optional(),
})

export const ExtractResultSchema = z
  .object({
    document: DocumentInfoSchema,
    /** TXT: the decoded file, BOM removed, nothing else changed. */
    text: z.string(),
    pages: z.array(PageSchema).optional(),
    sections: z.array(SectionSchema),
    tables: z.array(TableSchema).optional(),
    figures: z.array(FigureSchema),
    record: RecordSchema,
    findings: z.array(FindingSchema),
    diagnostics: z.array(DiagnosticSchema),
  })
  .superRefine((r, ctx) => {
    // The contract's one invariant that types cannot say: every span is a true slice of text.
    for (const [i, f] of r.figures.entries()) {
      if (f.end > r.text.length || f.start > f.end || r.text.slice(f.start, f.end) !== f.raw)
        ctx.addIssue({ code: 'custom', path: ['figures', i, 'raw'], message: `figure ${f.id} raw is not text.slice(start, end)` })
    }
    for (const [i, s] of r.sections.entries()) {
      if (s.end > r.text.length || s.start > s.end)
        ctx.addIssue({ code: 'custom', path: ['sections', i], message: `section ${s.id} span is outside the text` })
    }
  })

export type ExtractResult = z.infer<typeof ExtractResultSchema>
export type DocumentInfo = z.infer<typeof DocumentInfoSchema>
export type Region = z.infer<typeof RegionSchema>
export type Section = z.infer<typeof SectionSchema>
export type Figure = z.infer<typeof FigureSchema>
export type FigureKind = Figure['kind']
export type RecordField = z.infer<typeof RecordFieldSchema>
export type EvaluationRecordFields = z.infer<typeof RecordSchema>
export type Finding = z.infer<typeof FindingSchema>
export type Evidence = z.infer<typeof EvidenceSchema>
