/**
 * Preloaded into every child the ingest section runs (`node --import bench/rss-hook.mjs …`):
 * at exit it writes the process's peak resident set size — getrusage's ru_maxrss, which
 * covers every thread, so worker threads count — and its CPU time to the file named by
 * $BENCH_RSS_OUT.
 * Exact where polling /proc would miss a peak between two samples or just before exit, and
 * it needs no change to the program measured (the CLI sets exitCode and returns; 'exit'
 * still fires).
 */
import { writeFileSync } from 'node:fs'

const out = process.env.BENCH_RSS_OUT
if (out) {
  process.on('exit', () => {
    try {
      // maxRSS is in KiB, CPU times in µs (user + system of all threads).
      const u = process.resourceUsage()
      writeFileSync(out, JSON.stringify({ maxRssBytes: u.maxRSS * 1024, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000 }))
    } catch {
      // The parent then falls back on what it sampled from /proc.
    }
  })
}
