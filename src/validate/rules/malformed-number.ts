/**
 * malformed-number: a number written so that no reader can be sure of it — thousands
 * grouping that is not in threes (2,041,18.00), a stray decimal point (7.50.万元), a unit
 * written twice (612.30万元万元). cnreport keeps the figure with its best reading; the finding
 * asks the author what was meant.
 */
import { z } from 'zod'
import { defineRule } from '../rule.js'

export default defineRule({
  id: 'malformed-number',
  description: '数字书写格式有误（千分位、小数点、单位重复）',
  defaultSeverity: 'warning',
  options: z.object({}),
  check({ doc }, report) {
    for (const f of doc.figures) {
      if (!f.malformed) continue
      const reading = f.kind === 'money' ? `${f.value}${f.unit}` : `${f.value}${f.unit}`
      report({ message: `数字“${f.raw}”书写格式有误，按 ${reading} 读取`, evidence: [f], stated: f.value })
    }
    for (const d of doc.diagnostics) {
      if (d.code !== 'unit-repeated' || !d.span) continue
      const f = doc.figures.find((x) => x.start === d.span!.start)
      report({ message: `“${doc.text.slice(d.span.start, d.span.end)}”单位重复书写`, evidence: [f ?? { ...d.span, role: 'figure' }] })
    }
  },
})
