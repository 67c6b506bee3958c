/**
 * Copies of the seed reports with distinct bytes — so each is a document of its own to the
 * store (documents are keyed by sha256) — and the same figures as the seed. The mark is
 * letters only, so it adds no figure: a TXT gets a last line, a PDF a comment after %%EOF
 * (readers ignore what follows it), a DOCX a ZIP archive comment. The marking itself is the
 * benchmark's (bench/copies.mjs), so tests and bench ingest the same kind of copies.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs'
import { basename, extname, join } from 'node:path'
import { letters, markedCopy } from '../bench/copies.mjs'

/**
 * Writes `copies` marked copies of each seed into `dir` (copy 0 is the seed itself) and
 * returns the file names written, sorted.
 */
export function writeCopies(dir: string, seeds: readonly string[], copies: number): string[] {
  const names: string[] = []
  for (const seed of seeds) {
    const bytes = readFileSync(seed)
    const ext = extname(seed)
    const stem = basename(seed, ext)
    for (let n = 0; n < copies; n++) {
      const name = `${stem}.${letters(n)}${ext}`
      if (n === 0) copyFileSync(seed, join(dir, name))
      else writeFileSync(join(dir, name), markedCopy(bytes, ext, n))
      names.push(name)
    }
  }
  return names.sort()
}
