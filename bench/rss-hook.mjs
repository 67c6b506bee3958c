/**
 * Preloaded into every child the ingest section runs (`node --import bench/rss-hook.mjs …`):
 * at exit it appends the process's peak resident set size — getrusage's ru_maxrss, which
 * covers every thread, so worker threads count — and its CPU time, one JSON line, to the
 * file named by $BENCH_RSS_OUT. One line per process: `cnreport ingest` runs in a child node
 * of its own (src/relaunch.ts), which inherits this preload, and child.mjs adds them up.
 * Exact where polling /proc would miss a peak between two samples or just before exit, and
 * it needs no change to the program measured (the CLI sets exitCode and returns; 'exit'
 * still fires).
 */
import { appendFileSync } from 'node:fs'
import { isMainThread } from 'node:worker_threads'

const out = process.env.BENCH_RSS_OUT
// Worker threads inherit the preload; resourceUsage() there is the whole process's again.
if (out && isMainThread) {
  process.on('exit', () => {
    try {
      // maxRSS is in KiB, CPU times in µs (user + system of all threads).
      const u = process.resourceUsage()
      appendFileSync(out, JSON.stringify({ pid: process.pid, maxRssBytes: u.maxRSS * 1024, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000 }) + '\n')
    } catch {
      // The parent then falls back on what it sampled from /proc.
    }
  })
}
