/**
 * Domain knowledge that is data, not code (units, synonyms, stop words) lives in data/
 * at the package root. Resolved from this module so it works from src/ (tests) and dist/.
 */
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const DATA_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'data')

export function dataPath(name: string): string {
  return join(DATA_DIR, name)
}

/** Reads and parses data/<name>; the caller validates the shape (usually with zod). */
export function loadDataJson(name: string): unknown {
  return JSON.parse(readFileSync(dataPath(name), 'utf8'))
}
