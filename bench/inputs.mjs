/**
 * The files the bench reads, loaded into memory once: every timed path starts from bytes,
 * so disk I/O and the page cache are not part of any number (and are the same for cnreport
 * and the raw libraries anyway).
 *
 * Sources: corpus/*.{docx,pdf,txt} of the repo, plus ../shared/real-pdf/*.pdf when that
 * folder exists (real published PDFs; read in place, never copied into the repo).
 *
 * The ingest section (issue 6) works on files, not bytes in memory: its corpus × N copies
 * are written to a temp folder by copies.mjs.
 */
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import { basename, extname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository root (bench/..). */
export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url))
export const CORPUS_DIR = join(REPO_ROOT, 'corpus')
export const REAL_PDF_DIR = join(REPO_ROOT, '..', 'shared', 'real-pdf')

/** Environment variable naming the built library the bench measures (set by `--dist DIR`). */
export const DIST_ENV = 'CNREPORT_BENCH_DIST'

/**
 * The built library measured: $CNREPORT_BENCH_DIST, else the repo's dist/. Another build can
 * be measured while dist/ is being rebuilt under the bench (it needs ../data and a
 * node_modules beside it, as dist/ has). Read on each call: `--dist` sets the variable after
 * this module is loaded, and child processes inherit it.
 */
export function distDir() {
  const chosen = process.env[DIST_ENV]
  return chosen ? resolve(chosen) : join(REPO_ROOT, 'dist')
}

/**
 * @typedef {object} Input
 * @property {string} name     file name, e.g. 000_5799300e2c9f984a.pdf
 * @property {string} path     path as shown and as handed to cnreport (relative to the repo root)
 * @property {'docx'|'pdf'|'txt'} format  from the extension: the bench groups by it (cnreport sniffs the bytes itself)
 * @property {'corpus'|'real'} source
 * @property {Uint8Array} bytes
 * @property {string} id       sha256 of the bytes, as cnreport computes it
 */

const FORMATS = new Set(['docx', 'pdf', 'txt'])

/**
 * @param {{ formats: string[], real: boolean }} options
 * @returns {Promise<Input[]>} sorted by format, source, name
 */
export async function loadInputs({ formats, real }) {
  const wanted = new Set(formats)
  const dirs = [{ dir: CORPUS_DIR, source: 'corpus' }]
  if (real && wanted.has('pdf') && existsSync(REAL_PDF_DIR)) dirs.push({ dir: REAL_PDF_DIR, source: 'real' })
  const inputs = []
  for (const { dir, source } of dirs) {
    for (const name of (await readdir(dir)).sort()) {
      const format = extname(name).slice(1).toLowerCase()
      if (!FORMATS.has(format) || !wanted.has(format)) continue
      if (source === 'real' && format !== 'pdf') continue
      const full = join(dir, name)
      const bytes = new Uint8Array(await readFile(full))
      inputs.push({ name: basename(name), path: relative(REPO_ROOT, full), format, source, bytes, id: sha256(bytes) })
    }
  }
  return inputs
}

export function sha256(bytes) {
  return createHash('sha256').update(bytes).digest('hex')
}

/** Inputs of one format, in a stable order. */
export function inputsOf(inputs, format) {
  return inputs.filter((i) => i.format === format)
}
