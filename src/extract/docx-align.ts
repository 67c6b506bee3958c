/**
 * Matches mammoth's paragraphs with the paragraphs of document.xml (docx-paragraphs.ts)
 * by their letters and digits. The two walks mirror each other, so keys are normally equal
 * position by position; where one side has a paragraph the other lacks (a construct the
 * mirror does not follow), a short look-ahead resynchronises instead of shifting every
 * later number onto the wrong paragraph.
 */

/**
 * How far ahead in document.xml a non-empty paragraph is searched for.
 * @default 50
 */
export const ALIGN_WINDOW = 50

/**
 * For each of `ours` (mammoth's keys), the index in `theirs` (document.xml's keys) of
 * the same paragraph, or undefined when it has none. Matches never cross.
 */
export function alignKeys(ours: string[], theirs: string[]): Array<number | undefined> {
  const out: Array<number | undefined> = []
  let j = 0
  for (const key of ours) {
    if (j < theirs.length && theirs[j] === key) {
      out.push(j++)
      continue
    }
    // Empty paragraphs are everywhere: searching ahead for one would match any of them.
    let found: number | undefined
    if (key !== '')
      for (let k = j + 1; k < Math.min(theirs.length, j + ALIGN_WINDOW); k++)
        if (theirs[k] === key) {
          found = k
          break
        }
    out.push(found)
    if (found !== undefined) j = found + 1
  }
  return out
}
