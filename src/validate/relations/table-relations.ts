/**
 * The relation source of tables (registered in relations/index.ts): for every table of the
 * document, the sums of its 合计 rows and columns, its difference lines (差额, 年末结转), its
 * rate lines (执行率, 控制率, 变动率) and its share columns (比率, 占比).
 *
 * Origins: a relation among the cells of one row (合计 column, 执行率 column) is
 * 'table-row'; among the cells of one column (合计 row, share of the column total) it is
 * 'table-column'.
 *
 * Blank cells read as 0 stand in relations as figures with an empty `raw`, a zero-width span
 * at the cell and an id `tN:rRcC:blank` that is not in `doc.figures`.
 */
import type { LineIndex } from '../../document.js'
import type { ValidationInput } from '../rule.js'
import { columnTotalSums } from './table-column-totals.js'
import { differenceSums } from './table-differences.js'
import { TableGrid } from './table-grid.js'
import { lineGroups } from './table-lines.js'
import { rateRatios } from './table-rates.js'
import { shareRatios } from './table-shares.js'
import { rowTotalSums } from './table-sums.js'
import type { Relations } from './types.js'

export function tableRelations(doc: ValidationInput, lines: LineIndex): Partial<Relations> {
  const sums: Relations['sums'] = []
  const ratios: Relations['ratios'] = []
  const figures = doc.figures.filter((f) => f.cell)
  for (const table of doc.tables ?? []) {
    // A table the grid cannot make sense of yields no relation rather than stopping the
    // document's validation (relations are extracted outside the rules' own guard).
    try {
      const grid = new TableGrid(table, doc, figures)
      for (const group of lineGroups(grid)) {
        sums.push(...rowTotalSums(group, lines), ...columnTotalSums(group, lines), ...differenceSums(group, lines))
        ratios.push(...rateRatios(group, lines), ...shareRatios(group, lines))
      }
    } catch {
      continue
    }
  }
  return { sums, ratios }
}
