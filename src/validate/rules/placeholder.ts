/**
 * placeholder: a unit written where a number belongs — “占%”, “减少万元”, “为 万元”,
 * “（ ）%”, “XX万元” — a template blank left unfilled. Figures never carry these (there is
 * no number to read), so the rule scans the text. The words after which a number is
 * expected, and the units, are data (data/relation-words.json `placeholder`).
 */
import { z } from 'zod'
import { relationWords } from '../relations/wording-words.js'
import { defineRule } from '../rule.js'

/** What bounds a table cell in plain text: a tab, a pipe, a line break. */
const CELL_EDGE = /[\t|\n\r]/

export default defineRule({
  id: 'placeholder',
  description: '应填数字处只有单位（占%、减少万元）：模板空白未填写',
  defaultSeverity: 'warning',
  options: z.object({}),
  check({ doc }, report) {
    const { pattern, notWordAfter } = relationWords().placeholder
    const { text } = doc
    const tables = (doc.tables ?? []).filter((t) => t.start !== undefined && t.end !== undefined)
    for (const m of text.matchAll(new RegExp(pattern.source, 'g'))) {
      const start = m.index
      const end = start + m[0].length
      // A character after that makes a word (元旦), or a closing bracket (a header: 增长%）).
      const next = text[end] ?? ''
      if ((next !== '' && notWordAfter.includes(next)) || /[）)]/.test(next)) continue
      // 单位为万元 names the unit of the numbers that follow; it is no blank.
      if (text.slice(Math.max(0, start - 3), start).includes('单位')) continue
      // A table header (占比%, 增长%) names a column; blanks are looked for in running text.
      if (tables.some((t) => t.start! <= start && start < t.end!)) continue
      // So does a cell holding nothing else, in a table the reader did not recognise.
      if (CELL_EDGE.test(text[start - 1] ?? '\n') && CELL_EDGE.test(text[end] ?? '\n')) continue
      report({
        message: `“${m[0]}”处缺少数字：应填写的数值为空`,
        evidence: [{ start, end, role: 'placeholder' }],
      })
    }
  },
})
