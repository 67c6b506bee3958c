/**
 * Score tables for the score-total and score-rule tests, written the two ways TXT reports
 * carry them: a flattened Word table (one TAB-led cell per line, a blank line after each
 * row, seed 002's export) and a pipe table.
 */

/** Rows as a flattened Word table: `\tcell` lines, a blank line after each row and the table. */
export function tabTable(rows: string[][]): string {
  return rows.map((row) => row.map((cell) => `\t${cell}`).join('\n') + '\n').join('\n') + '\n\n'
}

/** Rows as a pipe table with a rule line under the header. */
export function pipeTable(rows: string[][]): string {
  const line = (row: string[]) => `| ${row.join(' | ')} |`
  return [line(rows[0]!), line(rows[0]!.map(() => '---')), ...rows.slice(1).map(line)].join('\n') + '\n'
}

/** The header of a three-level 计分表 with a 分值 column per level and a 评分标准 column. */
export const LEVELS_HEADER = ['一级指标', '分值', '二级指标', '分值', '三级指标', '分值', '评分标准', '得分']
