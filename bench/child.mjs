/**
 * One measured run of the ingest section: a child process (so its RSS is its own, worker
 * threads included, and nothing the bench loaded counts), timed from spawn to exit.
 *
 * Memory, two ways:
 * - peak RSS from the child itself at exit (rss-hook.mjs, getrusage: exact, any platform);
 * - on Linux, /proc/<pid>/status polled every `sampleMs` — VmRSS (now) and VmHWM (peak so
 *   far) — and read again the moment the child reports 10 %, 50 % and 100 % of its documents
 *   done, so "does memory grow with the number of documents" is a reading, not a guess.
 * A child that runs its work in a child node of its own (`cnreport ingest`, src/relaunch.ts)
 * is measured with it: CPU times add up, and so do the peaks (the sum bounds the peak of the
 * two together from above; the waiting parent holds ≈ 40 MB of it); /proc is read for the
 * child and its own children.
 *
 * Progress: the CLI writes one line "[done/total] …" per file to a non-terminal stderr;
 * the time of the first and the last are kept, so the time after the last document (the
 * cross-document checks, closing the database) shows apart from the documents.
 */
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { readFile, rm } from 'node:fs/promises'
import { loadavg } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { readStatus } from './proc-status.mjs'

const RSS_HOOK = fileURLToPath(new URL('./rss-hook.mjs', import.meta.url))
const PROGRESS = /^\[(\d+)\/(\d+)\]/
/** Fractions of the documents at which memory is read. */
export const MILESTONES = [0.1, 0.5, 1]

/**
 * @typedef {object} ChildRun
 * @property {number|null} code
 * @property {string|null} signal
 * @property {boolean} timedOut
 * @property {number} loadAtStart    1-minute load average when it was spawned
 * @property {number} wallMs         spawn → exit
 * @property {string} stdout
 * @property {string[]} stderrTail   the last lines of stderr that are not progress lines
 * @property {number|undefined} maxRssBytes  peak RSS, from the child (else the highest VmHWM seen)
 * @property {number|undefined} cpuMs  user + system CPU time of the child, all threads
 * @property {{ firstMs?: number, lastMs?: number, done: number, total?: number }} progress
 * @property {Array<{ at: number, done: number, hwmBytes: number, rssBytes: number, ms: number }>} milestones
 * @property {Array<{ ms: number, rssBytes: number, done: number }>} samples  VmRSS over time (Linux)
 */

/**
 * @param {string[]} args  node arguments after the preload (script and its arguments)
 * @param {{ tmp: string, timeoutMs: number, sampleMs?: number, env?: Record<string, string> }} o
 * @returns {Promise<ChildRun>}
 */
export async function runChild(args, { tmp, timeoutMs, sampleMs = 250, env = {} }) {
  // Other work on the machine skews wall times: the 1-minute load when the run starts is kept.
  const loadAtStart = Math.round(loadavg()[0] * 100) / 100
  const rssOut = join(tmp, `rss-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.json`)
  const started = performance.now()
  const child = spawn(process.execPath, ['--import', RSS_HOOK, ...args], {
    env: { ...process.env, ...env, BENCH_RSS_OUT: rssOut },
    stdio: ['ignore', 'pipe', 'pipe'],
  })

  const progress = { done: 0 }
  const milestones = []
  const samples = []
  let highest = 0
  const read = () => {
    const m = readTree(child.pid)
    if (m) highest = Math.max(highest, m.hwmBytes)
    return m
  }
  const timer = setInterval(() => {
    const m = read()
    if (m) samples.push({ ms: performance.now() - started, rssBytes: m.rssBytes, done: progress.done })
  }, sampleMs)

  let stdout = ''
  child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d))
  const tail = []
  let pending = ''
  child.stderr.setEncoding('utf8').on('data', (d) => {
    pending += d
    let nl
    while ((nl = pending.indexOf('\n')) !== -1) {
      const line = pending.slice(0, nl)
      pending = pending.slice(nl + 1)
      const p = PROGRESS.exec(line)
      if (!p) {
        tail.push(line)
        if (tail.length > 20) tail.shift()
        continue
      }
      const ms = performance.now() - started
      progress.done = Number(p[1])
      progress.total = Number(p[2])
      progress.firstMs ??= ms
      progress.lastMs = ms
      while (milestones.length < MILESTONES.length && progress.done >= Math.ceil(MILESTONES[milestones.length] * progress.total)) {
        const m = read()
        milestones.push({ at: MILESTONES[milestones.length], done: progress.done, ms, hwmBytes: m?.hwmBytes ?? NaN, rssBytes: m?.rssBytes ?? NaN })
      }
    }
  })

  let timedOut = false
  const killer = setTimeout(() => {
    timedOut = true
    child.kill('SIGKILL')
  }, timeoutMs)
  const [code, signal] = await new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (c, s) => resolve([c, s]))
  })
  const wallMs = performance.now() - started
  clearInterval(timer)
  clearTimeout(killer)
  if (pending && !PROGRESS.test(pending)) tail.push(pending)

  let maxRssBytes = highest || undefined
  let cpuMs
  try {
    const processes = (await readFile(rssOut, 'utf8')).split('\n').filter(Boolean).map((line) => JSON.parse(line))
    if (processes.length > 0) {
      maxRssBytes = processes.reduce((sum, p) => sum + p.maxRssBytes, 0)
      cpuMs = processes.reduce((sum, p) => sum + p.cpuMs, 0)
    }
  } catch {
    // killed, or crashed before 'exit': keep what /proc showed
  }
  await rm(rssOut, { force: true })
  return { code, signal, timedOut, loadAtStart, wallMs, cpuMs, stdout, stderrTail: tail, maxRssBytes, progress, milestones, samples }
}

/** VmRSS and VmHWM of a live process and its children, added up (Linux); undefined elsewhere or once it has exited. */
function readTree(pid) {
  const own = readStatus(`/proc/${pid}/status`)
  if (!own) return undefined
  let children = []
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(/\s+/).filter(Boolean)
  } catch {
    // a kernel without /proc/…/children: the process alone
  }
  for (const child of children) {
    const m = readStatus(`/proc/${child}/status`)
    if (m) {
      own.rssBytes += m.rssBytes
      own.hwmBytes += m.hwmBytes
    }
  }
  return own
}
