/** "1 file", "3 files", "2 indexes": a count with its noun, for the summaries the commands print. */
export function counted(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`
}
