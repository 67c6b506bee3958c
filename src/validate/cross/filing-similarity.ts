/**
 * Are two documents of one department, year and kind of report renderings of the same filing
 * (its DOCX and its PDF, two downloads, a corrected re-issue) or two different reports (two
 * projects' 项目支出绩效自评报告)? Judged by the amounts they state: the share of the smaller
 * document's money and percent figures that the other states too (a multiset overlap
 * coefficient). Renderings of one report share nearly all; a PDF whose text layer lost pages
 * still shares what it kept; two projects share few.
 */

/** Share of the smaller multiset found in the larger, 0–1; 0 when either is empty. */
export function overlap(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0
  const [small, large] = a.length <= b.length ? [a, b] : [b, a]
  const counts = new Map<string, number>()
  for (const s of large) counts.set(s, (counts.get(s) ?? 0) + 1)
  let shared = 0
  for (const s of small) {
    const n = counts.get(s) ?? 0
    if (n > 0) {
      shared++
      counts.set(s, n - 1)
    }
  }
  return shared / small.length
}
