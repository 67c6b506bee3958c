import { copyFileSync, existsSync, readdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { main } from '../../src/cli.js'
import type { CommandIO } from '../../src/commands/command.js'
import { openDatabase } from '../../src/store/db.js'
import { Repository } from '../../src/store/repo.js'
import { tempDbPath, tempDir } from '../store/temp-db.js'

const CORPUS = resolve('corpus')
// Every report the corpus bundles, in any format: ingest takes them all.
const SEEDS = readdirSync(CORPUS).filter((n) => /\.(txt|docx|pdf)$/i.test(n)).sort()

function capture(isTTY = false): CommandIO & { stdout: string; stderr: string } {
  const io = { stdout: '', stderr: '', isTTY, out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) }
  return io
}

/** The seeds plus one empty file, in a fresh directory. */
function batchWithFailure(emptyName = 'empty.txt'): string {
  const dir = tempDir()
  for (const n of SEEDS) copyFileSync(join(CORPUS, n), join(dir, n))
  writeFileSync(join(dir, emptyName), '')
  return dir
}

describe('cnreport ingest', () => {
  const cwd = process.cwd()
  afterEach(() => process.chdir(cwd))

  it('stores a folder, exits 0, and prints a one-line summary and one progress line per file', async () => {
    const db = tempDbPath()
    const io = capture()
    expect(await main(['ingest', CORPUS, '--db', db], io)).toBe(0)
    expect(io.stdout).toMatch(new RegExp(`^${SEEDS.length} files into .*test\\.db in \\d+\\.\\d\\d s: ${SEEDS.length} stored, 0 unchanged, 0 linked, 0 failed\\n$`))
    const lines = io.stderr.trimEnd().split('\n')
    expect(lines).toHaveLength(SEEDS.length)
    expect(lines[0]).toMatch(new RegExp(`^\\[1/${SEEDS.length}\\] stored +${join(CORPUS, SEEDS[0]!)}  \\(\\d+ figures, \\d+ ms\\)$`))
    const store = openDatabase(db)
    expect(new Repository(store).rowCounts().documents).toBe(SEEDS.length)
    store.close()
  })

  it('--json prints the summary as JSON on stdout; exit 1 lists the failure with its reason', async () => {
    const dir = batchWithFailure()
    const db = tempDbPath()
    const io = capture()
    expect(await main(['ingest', dir, '--db', db, '--json'], io)).toBe(1)
    const summary = JSON.parse(io.stdout)
    expect(summary).toMatchObject({ database: db, files: SEEDS.length + 1, stored: SEEDS.length, unchanged: 0, linked: 0 })
    expect(summary.failed).toEqual([{ path: join(dir, 'empty.txt'), code: 'empty', reason: expect.stringMatching(/empty/) }])
    expect(typeof summary.elapsedMs).toBe('number')
    expect(io.stderr).toContain(`failed    ${join(dir, 'empty.txt')}: `)
  })

  it('lists failures with reasons in the human summary', async () => {
    const dir = batchWithFailure()
    const io = capture()
    expect(await main(['ingest', dir, '--db', tempDbPath()], io)).toBe(1)
    expect(io.stdout).toMatch(new RegExp(`${SEEDS.length} stored, 0 unchanged, 0 linked, 1 failed\\nFailed:\\n  .*empty\\.txt: .*empty.* \\(empty\\)\\n$`))
  })

  it('reports a missing path as a failure (exit 1) and stores the rest', async () => {
    const io = capture()
    expect(await main(['ingest', 'no/such/dir', join(CORPUS, SEEDS[0]!), '--db', tempDbPath(), '--json'], io)).toBe(1)
    expect(JSON.parse(io.stdout)).toMatchObject({ stored: 1, failed: [{ path: 'no/such/dir', code: 'not-found' }] })
  })

  it('redraws one progress line on a terminal, keeping failures on screen', async () => {
    const dir = batchWithFailure('0-empty.txt') // sorts first: the files after it redraw
    const io = capture(true)
    await main(['ingest', dir, '--db', tempDbPath()], io)
    expect(io.stderr.startsWith(`\r\x1b[2K[1/${SEEDS.length + 1}] failed    ${join(dir, '0-empty.txt')}: `)).toBe(true)
    expect(io.stderr.split('\n')).toHaveLength(2) // only the failure line ends with a newline
    expect(io.stderr).toMatch(/empty\.txt: .*\(empty\)\n\r\x1b\[2K\[2\//)
    expect(io.stderr.endsWith('\r\x1b[2K')).toBe(true) // the last redrawn line is cleared
  })

  it('writes cnreport.db in the current directory by default; a second run is all unchanged', async () => {
    const dir = tempDir()
    process.chdir(dir)
    const first = capture()
    expect(await main(['ingest', CORPUS], first)).toBe(0)
    expect(existsSync(join(dir, 'cnreport.db'))).toBe(true)
    const second = capture()
    expect(await main(['ingest', CORPUS, '--json'], second)).toBe(0)
    expect(JSON.parse(second.stdout)).toMatchObject({ database: 'cnreport.db', stored: 0, unchanged: SEEDS.length })
  })

  it('exits 1 naming the file when the database cannot be opened', async () => {
    const notDb = join(tempDir(), 'notes.db')
    writeFileSync(notDb, 'plain text, not SQLite. '.repeat(50))
    const io = capture()
    expect(await main(['ingest', CORPUS, '--db', notDb], io)).toBe(1)
    expect(io.stderr).toContain(`cnreport ingest: ${notDb}: `)
    expect(io.stdout).toBe('')
  })

  it('exits 2 on usage errors', async () => {
    for (const argv of [['ingest'], ['ingest', CORPUS, '--bogus'], ['ingest', CORPUS, '--db'], ['ingest', CORPUS, '--db', '']]) {
      const io = capture()
      expect(await main(argv, io)).toBe(2)
      expect(io.stderr).toMatch(/^cnreport ingest: .*\nRun 'cnreport ingest --help' for usage\.\n$/)
    }
  })

  it('--help documents paths, the default database, --force, --json and the exit codes', async () => {
    const io = capture()
    expect(await main(['ingest', '--help'], io)).toBe(0)
    for (const words of ['Usage: cnreport ingest <path>...', 'cnreport.db in the current directory', '--force', '--json', "start with '.'", 'Exit codes: 0'])
      expect(io.stdout).toContain(words)
  })
})
