/**
 * restated-mismatch: the same quantity stated in several places — narrative and table, a
 * heading and its body, two tables — with values that differ beyond rounding. 318.46万元 and
 * 3,184,552.10元 agree (the intervals of their printed precision meet); 96.30% and 96.03% do
 * not. A difference no larger than one unit of the coarser figure's last digit (127.05万 for
 * 1,270,538元) is a truncation and reported as info only. Every statement involved is
 * evidence: the deviating ones first, then those it disagrees with.
 */
import { Decimal } from 'decimal.js'
import { z } from 'zod'
import type { Figure } from '../../contract.js'
import { unitScale } from '../interval.js'
import { compareRestated } from '../relations/restated-clusters.js'
import { defineRule, type EvidenceInput } from '../rule.js'

export default defineRule({
  id: 'restated-mismatch',
  description: '同一数值多处表述应一致（正文与表格、标题与正文、不同表格之间）',
  defaultSeverity: 'warning',
  options: z.object({
    /** Also report truncations (127.05万 beside 1,270,538元) as info. @default true */
    truncations: z.boolean().default(true),
  }),
  check({ relations }, report, options) {
    for (const r of relations.restatements) {
      const comparison = compareRestated(r.figures)
      if (!comparison) continue
      const reference = comparison.reference.figures
      // Three or more values with none stated twice: no statement to hold the others to — more
      // likely the items of a list than one quantity misstated.
      if (comparison.deviations.length > 1 && reference.length < 2) continue
      for (const deviation of comparison.deviations) {
        const stated = deviation.figures[0]!
        const other = reference[0]!
        const approx = deviation.figures.every((f) => f.approx) || reference.every((f) => f.approx)
        report({
          message: `${r.note}前后表述不一致：${places(deviation.figures)}为${values(deviation.figures)}，${places(reference)}为${values(reference)}（相差${difference(stated, other)}）`,
          evidence: [...deviation.figures.map((f) => role(f, 'stated')), ...reference.map((f) => role(f, 'restated'))],
          stated: stated.value,
          computed: inUnitOf(other, stated),
          ...(approx ? { severity: 'info' as const } : {}),
        })
      }
      if (!options.truncations) continue
      for (const [coarse, fine] of comparison.truncations) {
        report({
          message: `${r.note}前后表述有尾差：${places([coarse])}为${written(coarse)}，${places([fine])}为${written(fine)}，相差不超过末位一个单位`,
          evidence: [role(coarse, 'stated'), role(fine, 'restated')],
          stated: coarse.value,
          computed: inUnitOf(fine, coarse),
          severity: 'info',
        })
      }
    }
  },
})

function role(figure: Figure, name: string): EvidenceInput {
  return { figure, role: name }
}

function places(figures: Figure[]): string {
  return `第${[...new Set(figures.map((f) => f.line))].join('、')}行`
}

/** The values as written, a unit taken from a table header added: 318.46万元, 1,270,538元. */
function values(figures: Figure[]): string {
  return [...new Set(figures.map(written))].join('、')
}

function written(f: Figure): string {
  const raw = f.raw.trim()
  return f.unitInferred && !raw.endsWith(f.unit) ? `${raw}${f.unit}` : raw
}

/** `other` expressed in the unit `stated` is written in (1,270,538元 → 127.0538 for a 万元 figure). */
function inUnitOf(other: Figure, stated: Figure): number {
  return canonical(other).div(unitScale(stated)).toNumber()
}

function canonical(f: Figure): Decimal {
  return new Decimal(f.value).times(unitScale(f))
}

function difference(a: Figure, b: Figure): string {
  const d = canonical(a).minus(canonical(b)).abs()
  if (a.kind === 'money') return d.gte(10000) ? `${d.div(10000).toDecimalPlaces(4).toString()}万元` : `${d.toDecimalPlaces(2).toString()}元`
  return `${d.toDecimalPlaces(4).toString()}${a.unit === '%' ? '个百分点' : a.unit}`
}
