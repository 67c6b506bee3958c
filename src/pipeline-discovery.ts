/**
 * Which files an ingest reads: named files, folders searched recursively, and glob patterns
 * (`reports/**\/*.pdf`), expanded once, de-duplicated and in a reproducible order.
 *
 * Globs are matched with picomatch (the matcher behind micromatch, fast-glob and tinyglobby;
 * no dependencies) over our own directory walk, so a pattern and a folder follow the same
 * rules: hidden entries and symbolic links to folders are skipped (the latter: no cycles), and
 * entries are visited in sorted order. The result is a list of small path records — 10,000
 * files cost about a megabyte — that the pipeline then reads a few at a time.
 */
import { readdir, stat } from 'node:fs/promises'
import { extname, join, relative, resolve, sep } from 'node:path'
import { firstLine } from './error-text.js'
import picomatch from 'picomatch'

/** Extensions taken from directories (case-insensitive); a file named explicitly is always tried. */
export const INPUT_EXTENSIONS: readonly string[] = ['.txt', '.docx', '.pdf']

export interface InputFile {
  /** Display path, as the user named it (folder or pattern base joined with the relative path). */
  path: string
  /** Absolute path: the key of document_paths and failures. */
  absolute: string
}

/** A named path that gives no file at all (missing, unlistable, a pattern matching nothing). */
export interface FailedFile {
  path: string
  code: string
  reason: string
}

export interface Discovered {
  files: InputFile[]
  unreadable: FailedFile[]
}

/**
 * Expands the named paths: directories recursively (INPUT_EXTENSIONS only), files as named,
 * and — for an argument that does not exist and contains `*`, `?`, `[` or `{` — a glob pattern.
 * Sorted within each directory and de-duplicated by absolute path, so runs are reproducible.
 */
export async function discoverInputs(paths: readonly string[]): Promise<Discovered> {
  const files: InputFile[] = []
  const unreadable: FailedFile[] = []
  const seen = new Set<string>()
  const add = (path: string) => {
    const absolute = resolve(path)
    if (seen.has(absolute)) return
    seen.add(absolute)
    files.push({ path, absolute })
  }
  const cannotList = (dir: string, error: unknown) => unreadable.push({ path: dir, code: 'read-error', reason: `cannot list directory: ${firstLine(error)}` })

  for (const p of paths) {
    let info
    try {
      info = await stat(p)
    } catch (error) {
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT'
      // A file literally named with '*' is taken as named (stat found it); otherwise a pattern.
      if (missing && isGlob(p)) {
        if ((await expandGlob(p, add, cannotList)) === 0)
          unreadable.push({ path: p, code: 'not-found', reason: 'no file matches the pattern' })
        continue
      }
      unreadable.push({ path: p, code: missing ? 'not-found' : 'read-error', reason: missing ? 'no such file or directory' : firstLine(error) })
      continue
    }
    if (info.isDirectory()) await walk(p, { hidden: false, maxDepth: Infinity }, (path) => hasInputExtension(path) && add(path), cannotList)
    else add(p)
  }
  return { files, unreadable }
}

/** True when `path` holds glob syntax picomatch would expand. */
export function isGlob(path: string): boolean {
  return picomatch.scan(path).isGlob
}

/**
 * Files matching `pattern`. The walk starts at the pattern's static base (`reports` for
 * `reports/**\/*.pdf`) and goes no deeper than the pattern can match. A pattern whose last
 * part names an extension (`*.pdf`, `*.{txt,docx}`) keeps every match, as a named file would;
 * one that does not (`reports/**`) keeps only .txt, .docx and .pdf files, as a folder does.
 * Returns how many files matched (already-listed ones included).
 */
async function expandGlob(pattern: string, add: (path: string) => void, cannotList: (dir: string, error: unknown) => void): Promise<number> {
  const scanned = picomatch.scan(pattern, { parts: true })
  const base = scanned.base === '' ? '.' : scanned.base
  const glob = scanned.glob
  // Dot entries only when the pattern itself names one (`.archive/*.pdf`), as shells do.
  const hidden = /(^|\/)\./.test(glob)
  const matches = picomatch(glob, { dot: hidden })
  const lastPart = glob.split('/').at(-1) ?? ''
  const keepAny = lastPart.includes('.')
  const maxDepth = scanned.isGlobstar || glob.includes('**') ? Infinity : glob.split('/').length
  let matched = 0
  // A missing base is the pattern matching nothing, not an unlistable folder.
  if (!(await stat(base).then((s) => s.isDirectory(), () => false))) return 0
  await walk(
    base,
    { hidden, maxDepth },
    (path) => {
      const rel = relative(base, path).split(sep).join('/')
      if (!matches(rel) || !(keepAny || hasInputExtension(path))) return
      matched++
      add(path)
    },
    cannotList,
  )
  return matched
}

interface WalkOptions {
  /** Enter and report entries whose names start with '.'. */
  hidden: boolean
  /** 1 = the folder's own entries only. */
  maxDepth: number
}

/** Visits the files under `dir` in sorted order; symbolic links to files count as files. */
async function walk(dir: string, options: WalkOptions, visit: (path: string) => void, cannotList: (dir: string, error: unknown) => void, depth = 1): Promise<void> {
  let entries
  try {
    entries = await readdir(dir, { withFileTypes: true })
  } catch (error) {
    cannotList(dir, error)
    return
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  for (const e of entries) {
    if (!options.hidden && e.name.startsWith('.')) continue
    const path = join(dir, e.name)
    if (e.isDirectory()) {
      if (depth < options.maxDepth) await walk(path, options, visit, cannotList, depth + 1)
      continue
    }
    const isFile = e.isFile() || (e.isSymbolicLink() && (await stat(path).then((s) => s.isFile(), () => false)))
    if (isFile) visit(path)
  }
}

function hasInputExtension(path: string): boolean {
  return INPUT_EXTENSIONS.includes(extname(path).toLowerCase())
}
