/**
 * Where ../shared (the gold annotations, the DOCX/PDF renderings, the real PDFs) lives, if it is
 * checked out beside the project. Tests that need it skip cleanly when it is absent, so a user
 * who clones the project alone still gets a green run.
 */
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'

export const SHARED_DIR = resolve(import.meta.dirname, '..', '..', '..', 'shared')

/** The path of `sub` inside ../shared, or undefined when it is not there. */
export function sharedPath(sub: string): string | undefined {
  const p = join(SHARED_DIR, sub)
  return existsSync(p) ? p : undefined
}
