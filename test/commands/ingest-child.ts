/**
 * `cnreport` from the sources in a child process (node --import tsx src/cli.ts): for what
 * an in-process call cannot show — standard input, exit by signal, a run killed mid-way.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import Database from 'better-sqlite3'

const ROOT = resolve('.')

/** Starts `cnreport <args>`; stdout and stderr are collected. */
export function startCli(args: string[], options: { input?: string } = {}): ChildProcess & { output: Promise<CliResult> } {
  const child = spawn(process.execPath, ['--import', 'tsx', resolve(ROOT, 'src/cli.ts'), ...args], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, NODE_OPTIONS: '' },
  })
  let stdout = ''
  let stderr = ''
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d))
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d))
  child.stdin!.end(options.input ?? '')
  const output = new Promise<CliResult>((done, fail) => {
    child.on('error', fail)
    child.on('close', (code, signal) => done({ code, signal, stdout, stderr }))
  })
  return Object.assign(child, { output })
}

export interface CliResult {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
}

/** Runs `cnreport <args>` to the end. */
export function runCli(args: string[], options: { input?: string } = {}): Promise<CliResult> {
  return startCli(args, options).output
}

/** Documents in the database at `path` now, or -1 while it is not there yet (the child creates it). */
export function storedCount(path: string): number {
  if (!existsSync(path)) return -1
  let db: Database.Database | undefined
  try {
    db = new Database(path, { readonly: true, fileMustExist: true })
    return db.prepare('SELECT count(*) FROM documents').pluck().get() as number
  } catch {
    return -1 // not migrated yet
  } finally {
    db?.close()
  }
}

/**
 * Waits until the running `child` has stored `documents` documents in `dbPath`; false when it
 * exited first. Polls every 20 ms: the caller acts (kills, interrupts) as soon as it returns.
 */
export async function whenStored(child: ChildProcess, dbPath: string, documents: number): Promise<boolean> {
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) return false
    if (storedCount(dbPath) >= documents) return true
    await new Promise((r) => setTimeout(r, 20))
  }
}

/** The processes `pid` started (Linux /proc). */
export function childPids(pid: number): number[] {
  return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(/\s+/).filter(Boolean).map(Number)
}
