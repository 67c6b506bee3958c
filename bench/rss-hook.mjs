/**
 * Preloaded into every child the ingest section runs (`node --import bench/rss-hook.mjs …`):
 * at exit it appends the process's peak resident set size, covering every thread (worker
 * threads count), and its CPU time, one JSON line, to the file named by $BENCH_RSS_OUT. One
 * line per process: `cnreport ingest` runs in a child node of its own (src/relaunch.ts),
 * which inherits this preload, and child.mjs adds them up.
 * Exact where polling /proc would miss a peak between two samples or just before exit, and
 * it needs no change to the program measured (the CLI sets exitCode and returns; 'exit'
 * still fires).
 *
 * The peak is VmHWM of /proc/self/status where there is one: getrusage's ru_maxrss is not
 * this program's own on Linux — a process forked from a large one (the bench, 500+ MB after
 * its paths section) starts with the parent's RSS as its maxrss, and keeps it across exec.
 * VmHWM belongs to the address space, which exec replaces. Elsewhere ru_maxrss is all there is.
 */
import { appendFileSync } from 'node:fs'
import { isMainThread } from 'node:worker_threads'
import { readStatus } from './proc-status.mjs'

const out = process.env.BENCH_RSS_OUT
// Worker threads inherit the preload; resourceUsage() there is the whole process's again.
if (out && isMainThread) {
  process.on('exit', () => {
    try {
      // maxRSS is in KiB, CPU times in µs (user + system of all threads).
      const u = process.resourceUsage()
      const peak = readStatus('/proc/self/status')?.hwmBytes
      const maxRssBytes = Number.isFinite(peak) ? peak : u.maxRSS * 1024
      appendFileSync(out, JSON.stringify({ pid: process.pid, maxRssBytes, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000 }) + '\n')
    } catch {
      // The parent then falls back on what it sampled from /proc.
    }
  })
}
