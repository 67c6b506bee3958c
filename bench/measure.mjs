/**
 * Timing: warm-up, then interleaved rounds, then medians.
 *
 * - Warm-up: every path runs every input once, untimed for the table; its total (and its
 *   first call, which pays the module loads) is reported on its own line. An input that
 *   fails on any path of its format is left out of every path of that format, so the
 *   paths always compare the same files.
 * - Rounds: a round is one pass of a path over all inputs of its format, one file after
 *   the other, each file timed. Paths of a format take turns round by round, so drift
 *   (thermal, other load on the machine, heap growth) falls on all of them alike.
 * - A path stops at `--rounds N`, or once it has `budgetMs` of samples and at least
 *   `minRounds` rounds (capped at `maxRounds`).
 * - With --expose-gc, a full GC runs between rounds once 50 ms of work has piled up since
 *   the last one, so one path's garbage is not collected on another path's clock.
 * - Statistics: per file the median over rounds; a path's time per round is the sum of its
 *   files' medians, so docs/s = files / that sum and pages/s = pages / that sum.
 * - Two clocks per file: wall time (what a user waits) and the process's CPU time
 *   (process.cpuUsage: user + system of all its threads, V8's GC helpers included). On a
 *   machine shared with other work the wall clock also counts time the core was taken
 *   away; CPU time does not, so its ratios are the steadier ones there.
 */

/** Work (ms) between forced GCs: every round of the slow paths, not every 0.1 ms TXT round. */
const GC_EVERY_MS = 50

const gc = typeof globalThis.gc === 'function' ? globalThis.gc : null
export const gcExposed = gc !== null

/**
 * @param {import('./paths.mjs').BenchPath} path
 * @param {import('./inputs.mjs').Input[]} inputs
 * @returns {Promise<{ firstMs: number, totalMs: number, files: Map<string, { ms: number, pages?: number, error?: string }> }>}
 */
export async function warmUp(path, inputs) {
  const files = new Map()
  let firstMs = 0
  let totalMs = 0
  for (const input of inputs) {
    const t0 = performance.now()
    try {
      const out = await path.run(input)
      const ms = performance.now() - t0
      files.set(input.name, { ms, ...(out.pages !== undefined ? { pages: out.pages } : {}) })
    } catch (error) {
      files.set(input.name, { ms: performance.now() - t0, error: oneLine(error) })
    }
    const ms = files.get(input.name).ms
    if (totalMs === 0) firstMs = ms
    totalMs += ms
  }
  return { firstMs, totalMs, files }
}

/**
 * Times the paths of one format on the inputs every path read without error.
 * @param {import('./paths.mjs').BenchPath[]} paths
 * @param {import('./inputs.mjs').Input[]} inputs
 * @param {{ rounds: number | null, budgetMs: number, minRounds: number, maxRounds: number }} options
 * @returns {Promise<Map<string, { rounds: number, samples: Map<string, number[]>, roundTotals: number[], error?: string }>>}
 */
export async function timeRounds(paths, inputs, options) {
  const states = new Map(
    paths.map((p) => [p.id, { rounds: 0, elapsed: 0, samples: new Map(inputs.map((i) => [i.name, []])), cpuSamples: new Map(inputs.map((i) => [i.name, []])), roundTotals: [] }]),
  )
  const needsMore = (s) => {
    if (s.error) return false
    if (options.rounds !== null) return s.rounds < options.rounds
    return s.rounds < options.minRounds || (s.elapsed < options.budgetMs && s.rounds < options.maxRounds)
  }
  let sinceGc = Infinity
  for (;;) {
    const active = paths.filter((p) => needsMore(states.get(p.id)))
    if (active.length === 0) break
    for (const path of active) {
      const state = states.get(path.id)
      if (gc && sinceGc >= GC_EVERY_MS) {
        gc()
        sinceGc = 0
      }
      let roundMs = 0
      try {
        for (const input of inputs) {
          const c0 = process.cpuUsage()
          const t0 = performance.now()
          await path.run(input)
          const ms = performance.now() - t0
          const cpu = process.cpuUsage(c0)
          state.samples.get(input.name).push(ms)
          state.cpuSamples.get(input.name).push((cpu.user + cpu.system) / 1000)
          roundMs += ms
        }
      } catch (error) {
        // Read fine in the warm-up, failed now: a flaky path is reported, not averaged.
        state.error = oneLine(error)
        continue
      }
      state.rounds++
      state.elapsed += roundMs
      state.roundTotals.push(roundMs)
      sinceGc += roundMs
    }
  }
  return states
}

/**
 * @param {{ rounds: number, samples: Map<string, number[]>, roundTotals: number[] }} state
 * @param {Map<string, number | undefined>} pages  pages per file (PDF), from the warm-up
 */
export function summarize(state, pages) {
  const perFile = [...state.samples].map(([name, samples]) => ({
    name,
    medianMs: median(samples),
    medianCpuMs: median(state.cpuSamples.get(name) ?? []),
    pages: pages.get(name),
  }))
  const totalMs = perFile.reduce((sum, f) => sum + f.medianMs, 0)
  const totalCpuMs = perFile.reduce((sum, f) => sum + f.medianCpuMs, 0)
  const pageCount = perFile.every((f) => f.pages !== undefined) ? perFile.reduce((sum, f) => sum + f.pages, 0) : undefined
  const sorted = [...state.roundTotals].sort((a, b) => a - b)
  const q = (p) => sorted[Math.min(sorted.length - 1, Math.floor(p * (sorted.length - 1) + 0.5))] ?? NaN
  return {
    rounds: state.rounds,
    files: perFile.length,
    totalMs,
    msPerDoc: totalMs / perFile.length,
    totalCpuMs,
    cpuMsPerDoc: totalCpuMs / perFile.length,
    docsPerSec: (perFile.length * 1000) / totalMs,
    pages: pageCount,
    pagesPerSec: pageCount === undefined ? undefined : (pageCount * 1000) / totalMs,
    // Interquartile range of whole rounds relative to their median: how much to trust the row.
    spread: sorted.length > 1 ? (q(0.75) - q(0.25)) / q(0.5) : undefined,
    perFile,
  }
}

export function median(values) {
  if (values.length === 0) return NaN
  const s = [...values].sort((a, b) => a - b)
  const mid = s.length >> 1
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2
}

function oneLine(error) {
  const message = error instanceof Error ? error.message : String(error)
  return (message.split('\n')[0] ?? '').trim() || 'unknown error'
}
