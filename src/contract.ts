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
  /** e.g. 江西省 */
  province: z.string().nullable(),
  /** e.g. 九江市 */
  city: z.string().nullable(),
  /** county-level division, e.g. 瑞昌市 */
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
  /** The number as written: 1234.56 for "1234.56万元"; for counts and measures a written 万/亿 is folded in (1.8万份 → 18000). */
  value: z.number().finite(),
  /**
   * Printed precision in XBRL's sense: 2 for "1234.56", 0 for "98%", −3 for "1.8万份".
   * The figure stands for the interval value ± ½·10^−decimals.
   */
  decimals: z.number().int(),
  /** Unit as written, normalised: 万元 元 亿元 % 个百分点 人 个 家 处 分 米 … */
  unit: z.string(),
  /** Money only: the value in 元, exact (1234.56万元 → 12345600). */
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
  /** The number is malformed as written (2,041,18.00); `value` is the best reading. */
  malformed: z.boolean().optional(),
})

/** A target or actual value of an indicator: its cell as written. */
export const IndicatorValueSchema = SpanSchema.extend({
  /** The cell text, trimmed: 100处以上, ≦500元/人/天, 长期有效. */
  text: z.string(),
  /** The first figure in the cell (100处以上 → the count 100), when figure extraction found one. */
  figureId: z.string().optional(),
})

/** One row of a 绩效指标 table, or one line of a narrative indicator list; `start`/`end` cover it. */
export const IndicatorSchema = SpanSchema.extend({
  /** `i1`, `i2`, … in document order. */
  id: z.string(),
  /** The table piece holding the row; absent for an indicator of a narrative list (数量指标：…). */
  tableId: z.string().optional(),
  /** Row of the indicator in that table. */
  row: z.number().int().nonnegative().optional(),
  /** 一级指标, e.g. 产出指标; an empty cell takes the name above it. */
  level1: z.string().nullable(),
  /** 二级指标, e.g. 数量指标; an empty cell takes the name above it. */
  level2: z.string().nullable(),
  /** 三级指标: the indicator itself, e.g. 隐患排查整治 (指标名称 in a table without levels). */
  level3: z.string().nullable(),
  /** 年度指标值 (target) as written, e.g. 100处以上. */
  target: IndicatorValueSchema.nullable(),
  /** 实际完成值 (actual) as written, e.g. 370处以上. */
  actual: IndicatorValueSchema.nullable(),
  /** 分值 in points (（10分） → 10); present when the table has the column. */
  weight: z.number().nullable().optional(),
  /** 得分 in points; present when the table has the column. */
  score: z.number().nullable().optional(),
  /** 偏差原因分析及改进措施 as written; present when the table has the column. */
  reason: z.string().nullable().optional(),
  /** 1-based line of the indicator's name (of the row's first cell when it has none). */
  line: z.number().int().positive(),
  /** The innermost section holding the row — for a narrative list, the project it reports on. */
  sectionId: z.string().nullable().optional(),
})

/** One scored row of a score table (计分表, or a 自评表 with 得分); `start`/`end` cover the row. */
export const ScoreRowSchema = SpanSchema.extend({
  /** `sc1`, `sc2`, … in document order. */
  id: z.string(),
  tableId: z.string(),
  /** Row in that table. */
  row: z.number().int().nonnegative(),
  /** The scored item as its row names it, e.g. 在职人员控制率. */
  indicator: z.string(),
  /** Level of the item: 1 = 一级指标, 2 = 二级, 3 = 三级 (a table without levels counts its 指标 as 3). */
  level: z.number().int().min(1).max(3),
  /** Names from the outermost level down to the item, unknown levels left out: [投入, 预算配置, 在职人员控制率]. */
  path: z.array(z.string()).min(1),
  /** 分值: the most the item can score, in points — 7 for （7分）; null when not stated. */
  weight: z.number().nullable(),
  /** 得分: points awarded; null when the row states none (a score merged over rows counts once, on its first row). */
  score: z.number().nullable(),
  weightFigureId: z.string().optional(),
  scoreFigureId: z.string().optional(),
  /** 1-based line of the item's name. */
  line: z.number().int().positive(),
})

/** The stated total of a score table beside what its rows add up to (checked by a later rule). */
export const ScoreTotalSchema = z.object({
  /** The table holding the score table's header. */
  tableId: z.string(),
  /** The score of the 合计 / 总分 row, e.g. 95; null when the table states none. */
  stated: SpanSchema.extend({
    value: z.number(),
    line: z.number().int().positive(),
    figureId: z.string().optional(),
  }).nullable(),
  /** The 分值 of the 合计 row, in points, when it states one beside the score (合计 | 100 | 95). */
  statedWeight: z.number().optional(),
  /** Sum of the rows' scores, in points: 95. */
  sumOfScores: z.number(),
  /** Sum of the rows' 分值, in points (100 for a complete table); null when no row states one. */
  sumOfWeights: z.number().nullable(),
  /** Score rows summed. */
  rows: z.number().int().nonnegative(),
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
  /** sha256 of the document the span belongs to, for cross-document findings; absent = the finding's own document. */
  documentId: z.string().regex(/^[0-9a-f]{64}$/).optional(),
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
    /** Rows of 绩效指标 tables in document order; analyze always sets it, [] when there are none. */
    indicators: z.array(IndicatorSchema).optional(),
    /** Rows of score tables in document order; analyze always sets it, [] when there are none. */
    scores: z.array(ScoreRowSchema).optional(),
    /** One per score table with rows: stated 合计 against the sums; analyze always sets it. */
    scoreTotals: z.array(ScoreTotalSchema).optional(),
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
    for (const key of ['indicators', 'scores'] as const)
      for (const [i, row] of (r[key] ?? []).entries())
        if (row.end > r.text.length || row.start > row.end)
          ctx.addIssue({ code: 'custom', path: [key, i], message: `${key} row ${row.id} span is outside the text` })
  })

export type ExtractResult = z.infer<typeof ExtractResultSchema>
export type DocumentInfo = z.infer<typeof DocumentInfoSchema>
export type Region = z.infer<typeof RegionSchema>
export type Section = z.infer<typeof SectionSchema>
export type Figure = z.infer<typeof FigureSchema>
export type FigureKind = Figure['kind']
export type RecordField = z.infer<typeof RecordFieldSchema>
export type EvaluationRecordFields = z.infer<typeof RecordSchema>
export type Indicator = z.infer<typeof IndicatorSchema>
export type IndicatorValue = z.infer<typeof IndicatorValueSchema>
export type ScoreRow = z.infer<typeof ScoreRowSchema>
export type ScoreTotal = z.infer<typeof ScoreTotalSchema>
export type Finding = z.infer<typeof FindingSchema>
export type Evidence = z.infer<typeof EvidenceSchema>
