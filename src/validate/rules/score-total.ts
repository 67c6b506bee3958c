/**
 * score-total: the arithmetic of a score table (计分表 / 自评表 with 得分). The items' scores
 * add up to the stated 合计 / 总分; every score stays within its 分值; each group's 分值 is
 * the sum of its members' (投入（15分） = 7 + 8); the items' 分值 add up to the full mark the
 * 合计 row states, or to 100.
 *
 * Points are exact (a score is awarded, not measured), so sums compare exactly in decimal;
 * only a stated total printed with fewer decimals than its parts (95 for 94.5) is read as
 * rounded, and then reported as info. A score written once for several rows (履职效益 12
 * over 经济/社会/生态效益) is held against their 分值 together. A 分值 or score written with
 * another unit than its siblings' 分 (（5人）) is a slip of the pen, reported as a warning.
 */
import { Decimal } from 'decimal.js'
import { z } from 'zod'
import type { Figure } from '../../contract.js'
import { powerOfTen } from '../interval.js'
import { defineRule, type EvidenceInput, type ReportInput } from '../rule.js'
import type { Group, TableNumber, ScoreSheet, SheetItem } from '../scoring-table.js'
import { readScoreSheets } from '../scoring-table.js'
import { scoringWords } from '../scoring-words.js'

export default defineRule({
  id: 'score-total',
  description: '计分表得分之和应等于合计，得分不超过分值，分值逐级相加等于上级分值与满分',
  defaultSeverity: 'error',
  options: z.object({}),
  check({ doc, figureById }, report) {
    for (const sheet of readScoreSheets(doc)) {
      checkScoreSum(sheet, figureById, report)
      checkScoresWithinWeights(sheet, report)
      checkGroups(sheet.groups, report)
      checkFullMark(sheet, report)
      checkUnits(sheet, report)
    }
  },
})

type Report = (finding: ReportInput) => void

const sum = (values: Decimal.Value[]) => values.reduce<Decimal>((a, v) => a.plus(v), new Decimal(0))
const plus = (values: number[]) => values.join(' + ')

function checkScoreSum(sheet: ScoreSheet, figureById: ReadonlyMap<string, Figure>, report: Report): void {
  const stated = sheet.total?.stated
  if (!stated) return
  const scored = [...sheet.outside.filter((o) => o.score), ...sheet.items.filter((i) => i.score)].map((x) => x.score!)
  if (scored.length === 0) return
  const total = sum(scored.map((s) => s.value))
  const gap = total.minus(stated.value).abs()
  if (gap.isZero()) return
  const figure = stated.figureId ? figureById.get(stated.figureId) : undefined
  const decimals = figure?.decimals ?? (String(stated.value).split('.')[1]?.length ?? 0)
  const rounded = gap.lte(powerOfTen(-decimals).div(2))
  report({
    message: `各项得分之和 ${plus(scored.map((s) => s.value))} = ${total}，与合计 ${stated.value} 不一致${rounded ? '（在合计的舍入范围内）' : ''}`,
    evidence: [figure ?? { start: stated.start, end: stated.end, role: 'total' }, ...scored.map((s) => s.evidence)],
    stated: stated.value,
    computed: total.toNumber(),
    ...(rounded ? { severity: 'info' as const } : {}),
  })
}

/**
 * Each score against its 分值. A score followed, within its group, by rows with a 分值 but no
 * score of their own was written once for all of them (a merged cell): it is held against
 * their 分值 together.
 */
function checkScoresWithinWeights(sheet: ScoreSheet, report: Report): void {
  const items = sheet.items
  items.forEach((item, i) => {
    if (!item.score || !item.weight || isExtra(item)) return
    const covered: SheetItem[] = [item]
    for (const next of items.slice(i + 1)) {
      if (next.score || !next.weight || next.group !== item.group) break
      covered.push(next)
    }
    const weights = covered.map((c) => c.weight!)
    const limit = sum(weights.map((w) => w.value))
    const score = new Decimal(item.score.value)
    if (score.gte(0) && score.lte(limit)) return
    const names = covered.map((c) => c.row.indicator).join('、')
    const against = covered.length > 1 ? `${names} 的分值之和 ${plus(weights.map((w) => w.value))} = ${limit}` : `分值 ${limit}`
    report({
      message: score.lt(0) ? `${item.row.indicator} 得分 ${score} 为负数` : `${item.row.indicator} 得分 ${score} 超过${against}`,
      evidence: [item.score.evidence, ...weights.map((w) => w.evidence)],
      stated: score.toNumber(),
      computed: limit.toNumber(),
    })
  })
}

/** A unit's 分值: its own, or for a group that states none the sum of its members' when all are known. */
function weightOf(unit: Group | SheetItem): Decimal | null {
  if (unit.weight) return new Decimal(unit.weight.value)
  if ('row' in unit) return null
  const parts = members(unit).map(weightOf)
  return parts.length > 0 && parts.every((p) => p !== null) ? sum(parts as Decimal[]) : null
}

function members(group: Group): Array<Group | SheetItem> {
  return [...group.groups, ...group.items].sort((a, b) => firstStart(a) - firstStart(b))
}

function firstStart(unit: Group | SheetItem): number {
  if ('row' in unit) return unit.row.start
  return Math.min(...members(unit).map(firstStart))
}

function nameOf(unit: Group | SheetItem): string {
  return 'row' in unit ? unit.row.indicator : (unit.name ?? '（未命名）')
}

function checkGroups(groups: readonly Group[], report: Report): void {
  for (const group of groups) {
    checkGroups(group.groups, report)
    const parts = members(group)
    if (!group.weight || parts.length === 0) continue
    const weights = parts.map(weightOf)
    if (weights.some((w) => w === null)) continue
    const total = sum(weights as Decimal[])
    if (total.eq(group.weight.value)) continue
    report({
      message: `${group.name ?? '该组'} 分值 ${group.weight.value}，而下级指标 ${parts.map(nameOf).join('、')} 的分值之和 ${plus((weights as Decimal[]).map((w) => w.toNumber()))} = ${total}`,
      evidence: [group.weight.evidence, ...parts.flatMap(evidenceOfWeight)],
      stated: group.weight.value,
      computed: total.toNumber(),
    })
  }
}

/** Where a unit's 分值 is written: its own cell, or its members' when it states none. */
function evidenceOfWeight(unit: Group | SheetItem): EvidenceInput[] {
  if (unit.weight) return [unit.weight.evidence]
  return 'row' in unit ? [] : members(unit).flatMap(evidenceOfWeight)
}

/**
 * The items' 分值 against the full mark: the 分值 of the 合计 row, else 100. Without a stated
 * full mark a shortfall is only info — a scored item may sit outside the table.
 */
function checkFullMark(sheet: ScoreSheet, report: Report): void {
  const counted = sheet.items.filter((i) => !isExtra(i))
  const weights: TableNumber[] = [...sheet.outside.map((o) => o.weight), ...counted.map((i) => i.weight).filter((w): w is TableNumber => w !== null)]
  if (weights.length === 0 || weights.length !== sheet.outside.length + counted.length) return
  const full = sheet.statedWeight?.value ?? 100
  const leafSum = sum(weights.map((w) => w.value))
  const lead = sheet.statedWeight ? [sheet.statedWeight.evidence] : []
  const fullText = sheet.statedWeight ? `合计分值 ${full}` : `满分 ${full}`
  const quiet = !sheet.statedWeight && leafSum.lt(full) ? { severity: 'info' as const } : {}
  if (!leafSum.eq(full)) {
    report({
      message: `各项分值之和 ${plus(weights.map((w) => w.value))} = ${leafSum}，与${fullText} 不一致`,
      evidence: [...lead, ...weights.map((w) => w.evidence)],
      stated: full,
      computed: leafSum.toNumber(),
      ...quiet,
    })
  }
  // The outermost groups (投入 15 + 过程 50 + 产出 35), when they say something the items do not.
  const top = [...sheet.groups, ...sheet.items.filter((i) => i.group === null)]
  if (sheet.groups.length === 0 || counted.length < sheet.items.length || top.some((u) => !u.weight)) return
  const topSum = sum(top.map((u) => u.weight!.value)).plus(sum(sheet.outside.map((o) => o.weight.value)))
  if (topSum.eq(full) || topSum.eq(leafSum)) return
  report({
    message: `一级指标分值之和 ${plus(top.map((u) => u.weight!.value))} = ${topSum}，与${fullText} 不一致`,
    evidence: [...lead, ...top.map((u) => u.weight!.evidence)],
    stated: full,
    computed: topSum.toNumber(),
    ...(!sheet.statedWeight && topSum.lt(full) ? { severity: 'info' as const } : {}),
  })
}

/** A bonus or penalty item (加分项, 扣分项, 一票否决): outside the full mark, its score may be negative. */
function isExtra(item: SheetItem): boolean {
  const words = scoringWords().extraItems
  return item.row.path.some((name) => words.some((w) => name.includes(w)))
}

/** The numbers of a sheet: every 分值 and score, groups' included. */
function numbersOf(sheet: ScoreSheet): TableNumber[] {
  const ofGroup = (g: Group): TableNumber[] => [...(g.weight ? [g.weight] : []), ...g.groups.flatMap(ofGroup)]
  const ofItems = [...sheet.outside, ...sheet.items].flatMap((i) => [i.weight, i.score].filter((n): n is TableNumber => n !== null))
  return [...sheet.groups.flatMap(ofGroup), ...ofItems]
}

/** A 分值 written （5人） among siblings written （5分）: the unit is a slip for 分. */
function checkUnits(sheet: ScoreSheet, report: Report): void {
  const written = numbersOf(sheet)
    .map((n) => n.evidence)
    .filter((e): e is Figure => 'raw' in e && !e.unitInferred && e.unit !== '')
  const inPoints = written.filter((f) => f.unit === '分').length
  for (const f of written) {
    if (f.unit === '分' || inPoints < 2 * (written.length - inPoints)) continue
    report({
      message: `分值/得分“${f.raw}”的单位写作“${f.unit}”，本表其余 ${inPoints} 处均以“分”计`,
      evidence: [f],
      stated: f.value,
      severity: 'warning',
    })
  }
}
