/** What the numbers were measured on: printed first, kept in the JSON. */
import os from 'node:os'

export function describeMachine() {
  const cpus = os.cpus()
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown CPU',
    cores: cpus.length,
    // What a worker pool (issue 6) may use: cgroup/affinity-aware where Node knows it.
    parallelism: typeof os.availableParallelism === 'function' ? os.availableParallelism() : cpus.length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    v8: process.versions.v8,
    platform: `${process.platform} ${process.arch}`,
    // Other processes on the machine skew every number; the interleaved rounds keep the ratios fairer.
    loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
  }
}

/** Peak resident set size of this process so far, in bytes (issue 6 reports it per run). */
export function peakRssBytes() {
  // resourceUsage().maxRSS is in kibibytes.
  return process.resourceUsage().maxRSS * 1024
}
