/** Databases in fresh temp directories, removed after each test file. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll } from 'vitest'

const dirs: string[] = []
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
})

/** A new empty directory under os.tmpdir(). */
export function tempDir(prefix = 'cnreport-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  dirs.push(dir)
  return dir
}

/** A path for a database file that does not exist yet. */
export function tempDbPath(): string {
  return join(tempDir(), 'test.db')
}
