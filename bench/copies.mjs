/**
 * Corpus × N copies with distinct bytes, for the ingest section: the store keys documents by
 * sha256, so plain copies would be stored once and "linked" after that — the bench would time
 * hashing, not ingesting. Each copy carries a mark of letters only, so it adds no figure and
 * every copy extracts like its seed:
 *
 *   TXT   one last line "copy <mark>"
 *   PDF   a comment line "%copy <mark>" after %%EOF (readers ignore what follows it)
 *   DOCX  a ZIP archive comment (the end-of-central-directory record's last field)
 *
 * The kill-and-resume test (test/pipeline-resume.test.ts) ingests copies made here too (typed by copies.d.mts).
 */
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { basename, extname, join } from 'node:path'
import { CORPUS_DIR } from './inputs.mjs'

/** 0 → "a", 25 → "z", 26 → "ba": a mark without digits. */
export function letters(n) {
  let out = ''
  do {
    out = String.fromCharCode(97 + (n % 26)) + out
    n = Math.floor(n / 26)
  } while (n > 0)
  return out
}

/** @param {Buffer} bytes @param {string} extension e.g. '.pdf' @returns {Buffer} the bytes with copy `n`'s mark */
export function markedCopy(bytes, extension, n) {
  const mark = `copy ${letters(n)}`
  switch (extension.toLowerCase()) {
    case '.txt':
      return Buffer.concat([bytes, Buffer.from(`\n${mark}\n`)])
    case '.pdf':
      return Buffer.concat([bytes, Buffer.from(`%${mark}\n`)])
    case '.docx': {
      // Without a comment the end-of-central-directory record is the last 22 bytes; its
      // last field is the comment length.
      const eocd = bytes.length - 22
      if (eocd < 0 || bytes.readUInt32LE(eocd) !== 0x06054b50 || bytes.readUInt16LE(eocd + 20) !== 0)
        throw new Error('cannot mark a DOCX that already has an archive comment')
      const out = Buffer.concat([bytes, Buffer.from(mark)])
      out.writeUInt16LE(mark.length, eocd + 20)
      return out
    }
    default:
      throw new Error(`no way to mark a ${extension} copy`)
  }
}

/** The corpus files of one format (absolute paths, sorted). */
export async function corpusSeeds(format) {
  const names = (await readdir(CORPUS_DIR)).filter((n) => extname(n).slice(1).toLowerCase() === format).sort()
  return names.map((n) => join(CORPUS_DIR, n))
}

/** Copies per seed so that seeds × copies ≥ docs. */
export function copiesFor(docs, seeds) {
  return Math.max(1, Math.ceil(docs / Math.max(1, seeds)))
}

/**
 * Writes `copies` marked copies of each seed into `dir` (copy 0 is the seed itself) and
 * returns their absolute paths, sorted.
 * @param {string[]} seeds @returns {Promise<string[]>}
 */
export async function writeCopies(dir, seeds, copies) {
  await mkdir(dir, { recursive: true })
  const written = []
  for (const seed of seeds) {
    const bytes = await readFile(seed)
    const ext = extname(seed)
    const stem = basename(seed, ext)
    for (let n = 0; n < copies; n++) {
      const path = join(dir, `${stem}.${letters(n)}${ext}`)
      if (n === 0) await copyFile(seed, path)
      else await writeFile(path, markedCopy(bytes, ext, n))
      written.push(path)
    }
  }
  return written.sort()
}
