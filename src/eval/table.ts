/**
 * Plain-text tables for `cnreport eval`: column groups (one per metric) so each metric module
 * declares its own columns and the report only lines them up. Widths follow the content;
 * numbers are right-aligned so that digits line up down a column.
 */

/** A ratio that is undefined (null) when nothing was there to count: 0/0 is not 0%. */
export function rate(hits: number, total: number): number | null {
  return total === 0 ? null : hits / total
}

/** 0.8523 → "85.2%"; null → "—". */
export function formatRate(value: number | null): string {
  return value === null ? '—' : `${(value * 100).toFixed(1)}%`
}

export interface Column<T> {
  header: string
  cell(row: T): string
}

/** Columns under one title (figures, sections, …), reading their part of the row through `pick`. */
export interface ColumnGroup<Row> {
  title: string
  columns: Array<Column<Row>>
}

/** Lifts a metric's columns over its own score type to columns over a whole report row. */
export function group<Row, Score>(title: string, columns: Array<Column<Score>>, pick: (row: Row) => Score): ColumnGroup<Row> {
  return { title, columns: columns.map((c) => ({ header: c.header, cell: (row: Row) => c.cell(pick(row)) })) }
}

/** Space between the columns of a group, and the wider gap between groups. */
const GAP = '  '
const GROUP_GAP = '    '

/**
 * Renders rows under a first text column and the groups, a title line over each group, and
 * a rule before the `footer` rows (the overall row). Widths count UTF-16 units, which is
 * right for the ASCII cells and close enough for document names.
 */
export function renderTable<Row>(first: Column<Row>, groups: Array<ColumnGroup<Row>>, rows: Row[], footer: Row[] = []): string {
  const all = [...rows, ...footer]
  const parts = [[first], ...groups.map((g) => g.columns)]
  const cells = (row: Row) => parts.map((cols) => cols.map((c) => c.cell(row)))
  const body = all.map(cells)
  const widths = parts.map((cols, p) => cols.map((c, i) => Math.max(c.header.length, ...body.map((r) => r[p]![i]!.length))))
  const render = (values: string[][], alignLeft: (p: number, i: number) => boolean) =>
    values
      .map((cols, p) => cols.map((v, i) => (alignLeft(p, i) ? v.padEnd(widths[p]![i]!) : v.padStart(widths[p]![i]!))).join(GAP))
      .join(GROUP_GAP)
      .trimEnd()
  const span = (p: number) => widths[p]!.reduce((a, b) => a + b, 0) + GAP.length * (widths[p]!.length - 1)
  const titleOf = ['', ...groups.map((g) => g.title)]
  // A title wider than its columns (labels over one acc column) widens the group's last column, so later titles stay over their groups.
  titleOf.forEach((t, p) => {
    const ws = widths[p]!
    if (t.length > span(p) && ws.length > 0) ws[ws.length - 1]! += t.length - span(p)
  })
  const titles = titleOf.map((t, p) => t.padEnd(span(p)))
  const isText = (p: number, i: number) => p === 0 && i === 0
  const out = [titles.join(GROUP_GAP).trimEnd(), render(parts.map((cols) => cols.map((c) => c.header)), isText)]
  out.push(...body.slice(0, rows.length).map((r) => render(r, isText)))
  if (footer.length) {
    out.push(widths.map((ws) => ws.map((w) => '-'.repeat(w)).join(GAP)).join(GROUP_GAP))
    out.push(...body.slice(rows.length).map((r) => render(r, isText)))
  }
  return out.join('\n') + '\n'
}
