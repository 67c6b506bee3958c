/**
 * How far two renderings of one report agree (issue 3: TXT against DOCX, TXT against PDF):
 * figures as multisets of (value, unit), section trees as sequences of (level, number, title).
 */
import type { Figure, Section } from '../../src/contract.js'

/** Shared (value, unit) pairs over the larger count. */
export function figureAgreement(a: Figure[], b: Figure[]): number {
  const count = new Map<string, number>()
  for (const f of a) count.set(`${f.value}|${f.unit}`, (count.get(`${f.value}|${f.unit}`) ?? 0) + 1)
  let shared = 0
  for (const f of b) {
    const key = `${f.value}|${f.unit}`
    const n = count.get(key) ?? 0
    if (n > 0) {
      shared++
      count.set(key, n - 1)
    }
  }
  return shared / Math.max(1, a.length, b.length)
}

/** Longest common subsequence of (level, number, title) over the longer tree. */
export function sectionAgreement(a: Section[], b: Section[]): number {
  const x = a.map((s) => `${s.level}|${s.number}|${s.title}`)
  const y = b.map((s) => `${s.level}|${s.number}|${s.title}`)
  let previous = new Array<number>(y.length + 1).fill(0)
  for (let i = 1; i <= x.length; i++) {
    const row = [0]
    for (let j = 1; j <= y.length; j++) row.push(x[i - 1] === y[j - 1] ? previous[j - 1]! + 1 : Math.max(previous[j]!, row[j - 1]!))
    previous = row
  }
  return previous[y.length]! / Math.max(1, x.length, y.length)
}
