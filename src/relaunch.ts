/**
 * `cnreport ingest` runs itself again in a child node process with V8's background thread
 * pool cut to the cores its own threads leave free (`--v8-pool-size`), when that is fewer
 * than node's default of 4.
 *
 * Why: V8 runs garbage collection and compilation helpers on a pool of background threads,
 * 4 by default whatever the machine. An ingest already keeps a thread busy per worker plus
 * the writer; on 2 cores, 4 more threads of helpers only fight them for the cores. Measured
 * on the 2-core machine of docs/bench.md, 2 workers, pool 4 → 1: 200 DOCX 7.7–8.8 → 6.1–6.6 s
 * wall (CPU 14.6–16.6 → 11.6–12.5 s), 60 PDF 10.5 → 9.5 s, 1,000 TXT 14.2–14.5 → 12.7–13.0 s;
 * with 1 worker 4–9 % faster. V8's finer switches (no parallel scavenge, one marking
 * helper, no concurrent recompilation) did not reproduce it, and the pool size can only be
 * set when node starts: hence the child process.
 *
 * The parent only waits: it passes SIGINT, SIGTERM and SIGHUP on (the child takes a second
 * copy of the same signal within a moment as the same one: a terminal's Ctrl-C reaches both),
 * and ends as the child ended. The child exits at once if the parent is killed. Nothing is
 * relaunched when node was started with its own --v8-pool-size (command line or
 * NODE_OPTIONS), under an inspector, for --help, or with CNREPORT_NO_RELAUNCH set.
 */
import { spawn } from 'node:child_process'
import { availableParallelism } from 'node:os'

/** node's --v8-pool-size when none is given. */
export const NODE_DEFAULT_V8_POOL_SIZE = 4

/** Set in the child's environment; also the way to turn relaunching off. */
export const RELAUNCHED_ENV = 'CNREPORT_RELAUNCHED'
export const NO_RELAUNCH_ENV = 'CNREPORT_NO_RELAUNCH'

/** Signals the parent passes on to the child. */
export const FORWARDED_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP']

/**
 * Background threads that do not compete with `busyThreads` JavaScript threads on `cores`
 * cores: the cores left free, at least 1, at most node's default.
 */
export function helperThreads(cores: number, busyThreads: number): number {
  return Math.min(NODE_DEFAULT_V8_POOL_SIZE, Math.max(1, Math.trunc(cores) - busyThreads))
}

/** The value of `--concurrency N` or `--concurrency=N` in `args`, if it is a whole number ≥ 1. */
export function concurrencyIn(args: readonly string[]): number | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!
    const text = arg === '--concurrency' ? args[i + 1] : arg.startsWith('--concurrency=') ? arg.slice('--concurrency='.length) : undefined
    if (text === undefined) continue
    return /^\s*\d+\s*$/.test(text) && Number(text) >= 1 ? Number(text) : undefined
  }
  return undefined
}

export interface RelaunchContext {
  /** The command line after the script: the command and its arguments. */
  argv: readonly string[]
  /** node's own options this process was started with (process.execArgv). */
  execArgv: readonly string[]
  env: NodeJS.ProcessEnv
  cores: number
}

/** node options for the child, or undefined when this process should run the command itself. */
export function relaunchOptions({ argv, execArgv, env, cores }: RelaunchContext): string[] | undefined {
  const [command, ...rest] = argv
  if (command !== 'ingest' || rest.includes('--help') || rest.includes('-h')) return undefined
  if (env[RELAUNCHED_ENV] || env[NO_RELAUNCH_ENV]) return undefined
  const nodeOptions = [...execArgv, ...(env.NODE_OPTIONS ?? '').split(/\s+/)]
  if (nodeOptions.some((o) => o.startsWith('--v8-pool-size'))) return undefined
  // A debugger attached to this process would find the child on the same port.
  if (nodeOptions.some((o) => /^--(inspect|debug)/.test(o))) return undefined
  // The workers and the writer (this thread).
  const busy = (concurrencyIn(rest) ?? cores) + 1
  const pool = helperThreads(cores, busy)
  if (pool >= NODE_DEFAULT_V8_POOL_SIZE) return undefined
  return [...execArgv, `--v8-pool-size=${pool}`]
}

/**
 * Runs `script argv` in a child node with the options relaunchOptions chose, when it chose
 * any; returns false (nothing started) otherwise, or when the child cannot be started.
 */
export function relaunchIfUseful(script: string, argv: readonly string[]): Promise<boolean> {
  const options = relaunchOptions({ argv, execArgv: process.execArgv, env: process.env, cores: availableParallelism() })
  if (!options) return Promise.resolve(false)
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...options, script, ...argv], {
      stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
      env: { ...process.env, [RELAUNCHED_ENV]: '1' },
    })
    const forward = (signal: NodeJS.Signals) => child.kill(signal)
    for (const s of FORWARDED_SIGNALS) process.on(s, forward)
    const release = () => {
      for (const s of FORWARDED_SIGNALS) process.off(s, forward)
    }
    child.on('error', () => {
      // Not started (no process, no memory): the command runs here instead. (An error
      // after the start — a signal that could not be passed on — changes nothing.)
      if (child.pid !== undefined) return
      release()
      resolve(false)
    })
    child.on('exit', (code, signal) => {
      release()
      // Ended by a signal: end the same way, so a shell or a supervisor sees what happened.
      if (signal) process.kill(process.pid, signal)
      else process.exitCode = code ?? 1
      resolve(true)
    })
  })
}

/**
 * In the child: when the parent is gone without passing a signal on (it was killed with
 * SIGKILL), end the same way at once — a killed ingest is what the store is built to survive
 * (every document is one transaction), and tearing down workers would take seconds.
 */
export function exitWithParent(): void {
  if (!process.env[RELAUNCHED_ENV] || !process.channel) return
  // The IPC channel only tells of the parent; it must not keep the child alive.
  process.channel.unref()
  process.on('disconnect', () => process.kill(process.pid, 'SIGKILL'))
}
