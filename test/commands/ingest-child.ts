/**
 * `cnreport` from the sources in a child process (node --import tsx src/cli.ts): for what
 * an in-process call cannot show — standard input, exit by signal, a run killed mid-way.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { resolve } from 'node:path'

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
