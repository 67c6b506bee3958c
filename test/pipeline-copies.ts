/**
 * Copies of the seed reports with distinct bytes — so each is a document of its own to the
 * store (documents are keyed by sha256) — and the same figures as the seed. The mark is
 * letters only, so it adds no figure: a TXT gets a last line, a PDF a comment after %%EOF
 * (readers ignore what follows it), a DOCX a ZIP archive comment.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs'
import { basename, extname, join } from 'node:path'

/** 0 → "a", 25 → "z", 26 → "ba": a mark without digits. */
export function letters(n: number): string {
  let out = ''
  do {
    out = String.fromCharCode(97 + (n % 26)) + out
    n = Math.floor(n / 26)
  } while (n > 0)
  return out
}

/** The bytes of `seed` with copy `n`'s mark added. */
export function markedCopy(bytes: Buffer, extension: string, n: number): Buffer {
  const mark = `copy ${letters(n)}`
  switch (extension.toLowerCase()) {
    case '.txt':
      return Buffer.concat([bytes, Buffer.from(`\n${mark}\n`)])
    case '.pdf':
      return Buffer.concat([bytes, Buffer.from(`%${mark}\n`)])
    case '.docx': {
      // The end-of-central-directory record is the last 22 bytes of a ZIP without a comment;
      // its last field is the comment length.
      const eocd = bytes.length - 22
      if (bytes.readUInt32LE(eocd) !== 0x06054b50 || bytes.readUInt16LE(eocd + 20) !== 0) throw new Error('DOCX with an archive comment already')
      const out = Buffer.concat([bytes, Buffer.from(mark)])
      out.writeUInt16LE(mark.length, eocd + 20)
      return out
    }
    default:
      throw new Error(`no way to mark a ${extension} copy`)
  }
}

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
