/**
 * The cnreport version stamped on every stored document, so rows written by an older
 * extractor can be found and re-ingested. Read from package.json at run time because the
 * build's rootDir is src/ and cannot import it; src/store/ and dist/store/ both sit two
 * levels below the package root.
 */
import { readFileSync } from 'node:fs'

let cached: string | undefined

export function toolVersion(): string {
  if (cached !== undefined) return cached
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown }
    cached = typeof pkg.version === 'string' ? `cnreport ${pkg.version}` : 'cnreport (unknown version)'
  } catch {
    cached = 'cnreport (unknown version)'
  }
  return cached
}
