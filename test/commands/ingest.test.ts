import { copyFileSync, existsSync, readdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { main } from '../../src/cli-main.js'
import type { CommandIO } from '../../src/commands/command.js'
import { openDatabase } from '../../src/store/db.js'
import { Repository } from '../../src/store/repo.js'
import { tempDbPath, tempDir } from '../store/temp-db.js'
import { runCli } from './ingest-child.js'

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

  it('stores a folder, exits 0, and prints a summary and one progress line per file', async () => {
    const db = tempDbPath()
    const io = capture()
    expect(await main(['ingest', CORPUS, '--db', db, '--concurrency', '2'], io)).toBe(0)
    const counts = (f: string) => SEEDS.filter((n) => n.toLowerCase().endsWith(`.${f}`)).length
    expect(io.stdout).toMatch(
      new RegExp(
        `^${SEEDS.length} files into .*test\\.db in \\d+\\.\\d\\d s: ${SEEDS.length} stored, 0 unchanged, 0 linked, 0 failed\\n` +
          `by format: txt ${counts('txt')}, docx ${counts('docx')}, pdf ${counts('pdf')}; \\d+\\.\\d files/s, 2 workers\\ncross-document checks: 0 findings in \\d+\\.\\d\\d s\\n$`,
      ),
    )
    // One line per file as it finishes (workers finish in any order), numbered 1..N.
    const lines = io.stderr.trimEnd().split('\n')
    expect(lines).toHaveLength(SEEDS.length)
    lines.forEach((line, i) => expect(line).toMatch(new RegExp(`^\\[${i + 1}/${SEEDS.length}\\] stored +${CORPUS}/\\S+  \\(\\d+ figures, \\d+ ms\\)$`)))
    expect(lines.map((l) => /stored +(\S+)/.exec(l)![1]!.slice(CORPUS.length + 1)).sort()).toEqual(SEEDS)
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
    // By format, as read from the bytes: the empty file is none of them.
    expect(summary.formats.other).toEqual({ stored: 0, unchanged: 0, linked: 0, failed: 1 })
    expect(summary.formats.txt.stored + summary.formats.docx.stored + summary.formats.pdf.stored).toBe(SEEDS.length)
    expect(summary.workers).toBeGreaterThanOrEqual(1)
    expect(summary.cross).toMatchObject({ findings: 0, byRule: { 'prior-year-mismatch': 0, 'duplicate-filing-mismatch': 0, 'peer-outlier': 0 }, diagnostics: [] })
    expect(io.stderr).toContain(`failed    ${join(dir, 'empty.txt')}: `)
  })

  it('lists failures with reasons in the human summary', async () => {
    const dir = batchWithFailure()
    const io = capture()
    expect(await main(['ingest', dir, '--db', tempDbPath()], io)).toBe(1)
    expect(io.stdout).toMatch(new RegExp(`${SEEDS.length} stored, 0 unchanged, 0 linked, 1 failed\\nby format: .*, other 1; .*\\ncross-document checks: .*\\nFailed:\\n  .*empty\\.txt: .*empty.* \\(empty\\)\\n$`))
  })

  it('reports a missing path as a failure (exit 1) and stores the rest', async () => {
    const io = capture()
    expect(await main(['ingest', 'no/such/dir', join(CORPUS, SEEDS[0]!), '--db', tempDbPath(), '--json'], io)).toBe(1)
    expect(JSON.parse(io.stdout)).toMatchObject({ stored: 1, failed: [{ path: 'no/such/dir', code: 'not-found' }] })
  })

  it('redraws one status line on a terminal, printing each failure above it', async () => {
    const dir = batchWithFailure('0-empty.txt')
    const io = capture(true)
    await main(['ingest', dir, '--db', tempDbPath()], io)
    const total = SEEDS.length + 1
    // Everything is drawn with \r + erase-line; only failures end with a newline.
    const draws = io.stderr.split('\r\x1b[2K').slice(1)
    const failures = draws.filter((d) => d.endsWith('\n'))
    expect(failures).toEqual([expect.stringMatching(new RegExp(`^\\[\\d+/${total}\\] failed    ${join(dir, '0-empty.txt')}: .*\\(empty\\)\\n$`))])
    const statuses = draws.filter((d) => d !== '' && !d.endsWith('\n'))
    for (const s of statuses) expect(s).toMatch(new RegExp(`^\\[\\d+/${total}\\] \\d+\\.\\d docs/s( ETA \\d+:\\d\\d)?( 1 failed)?  \\S+$`))
    expect(statuses.at(-1)).toMatch(new RegExp(`^\\[${total}/${total}\\] .* 1 failed  `)) // the last file is always drawn
    expect(io.stderr.endsWith('\r\x1b[2K')).toBe(true) // and then cleared
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
    for (const argv of [
      ['ingest'],
      ['ingest', CORPUS, '--bogus'],
      ['ingest', CORPUS, '--db'],
      ['ingest', CORPUS, '--db', ''],
      ['ingest', CORPUS, '--concurrency', '0'],
      ['ingest', CORPUS, '--concurrency', 'two'],
      ['ingest', CORPUS, '--concurrency', '1.5'],
      ['ingest', CORPUS, '--timeout=-1'],
      ['ingest', CORPUS, '--timeout', 'soon'],
      ['ingest', '--from-list', ''],
    ]) {
      const io = capture()
      expect(await main(argv, io)).toBe(2)
      expect(io.stderr).toMatch(/^cnreport ingest: .*\nRun 'cnreport ingest --help' for usage\.\n$/)
    }
  })

  it('--help documents paths, the default database, --force, --json and the exit codes', async () => {
    const io = capture()
    expect(await main(['ingest', '--help'], io)).toBe(0)
    for (const words of ['Usage: cnreport ingest <path>...', 'cnreport.db in the current directory', '--force', '--json', "start with '.'", 'Exit codes: 0', '--concurrency <n>', '--timeout <seconds>', '--from-list <file>', 'glob pattern'])
      expect(io.stdout).toContain(words)
  })
})

describe('cnreport ingest inputs', () => {
  it('expands a quoted glob pattern, and reports one that matches nothing', async () => {
    const io = capture()
    expect(await main(['ingest', join(CORPUS, '00[34]_*.txt'), 'no/such/*.pdf', '--db', tempDbPath(), '--json'], io)).toBe(1)
    const summary = JSON.parse(io.stdout)
    expect(summary).toMatchObject({ files: 3, stored: 2, failed: [{ path: 'no/such/*.pdf', code: 'not-found', reason: 'no file matches the pattern' }] })
    expect(summary.formats.txt.stored).toBe(2)
  })

  it('--from-list reads paths from a file, one per line, beside the named ones', async () => {
    const list = join(tempDir(), 'list.txt')
    writeFileSync(list, `${join(CORPUS, SEEDS[0]!)}\r\n\n${join(CORPUS, SEEDS[1]!)}\n`)
    const io = capture()
    expect(await main(['ingest', '--from-list', list, join(CORPUS, SEEDS[2]!), '--db', tempDbPath(), '--json'], io)).toBe(0)
    expect(JSON.parse(io.stdout)).toMatchObject({ files: 3, stored: 3 })
  })

  it('--from-list names a list that cannot be read, and stores nothing', async () => {
    const db = tempDbPath()
    const io = capture()
    expect(await main(['ingest', '--from-list', 'no/such/list.txt', '--db', db], io)).toBe(1)
    expect(io.stderr).toMatch(/^cnreport ingest: no\/such\/list\.txt: cannot read the list of paths: ENOENT/)
    expect(existsSync(db)).toBe(false)
  })

  it('--from-list - reads the list from standard input', async () => {
    const db = tempDbPath()
    const input = SEEDS.filter((n) => n.endsWith('.txt')).map((n) => join(CORPUS, n)).join('\n') + '\n'
    const result = await runCli(['ingest', '--from-list', '-', '--db', db, '--json', '--concurrency', '1'], { input })
    expect(result.code, result.stderr).toBe(0)
    const txt = SEEDS.filter((n) => n.endsWith('.txt')).length
    expect(JSON.parse(result.stdout)).toMatchObject({ database: db, files: txt, stored: txt, workers: 1 })
  })
})
