/**
 * `npm run bench`: documents/s and pages/s of cnreport's extraction against the raw
 * libraries it uses, on the same files — first in one process on one thread (paths ×
 * formats), then bulk ingest end to end with 1 and 2 workers in child processes (ingest.mjs).
 * See docs/bench.md.
 *
 *   node --expose-gc bench/run.mjs [--rounds N | --budget S | --quick] [--only pdf] [--verbose] [--json]
 *                                  [--no-ingest | --ingest-only] [--scale N] [--dist DIR] …  (--help)
 *
 * Imports the built library from dist/ (npm run bench builds it first), or from --dist DIR.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from './args.mjs'
import { benchIngest } from './ingest.mjs'
import { ingestBars } from './ingest-report.mjs'
import { distDir, inputsOf, loadInputs } from './inputs.mjs'
import { describeMachine, peakRssBytes } from './machine.mjs'
import { gcExposed, summarize, timeRounds, warmUp } from './measure.mjs'
import { benchPaths } from './paths.mjs'
import { printJson, printTable } from './report.mjs'

async function main() {
  let options
  try {
    options = parseArgs(process.argv.slice(2))
  } catch (error) {
    process.stderr.write(`${error.message}\n`)
    process.exit(error.help ? 0 : 2)
  }
  if (!existsSync(join(distDir(), 'index.js'))) {
    process.stderr.write(`bench: ${join(distDir(), 'index.js')} is missing; run \`npm run build\` first (npm run bench does)\n`)
    process.exit(2)
  }
  const started = performance.now()
  const machine = describeMachine()
  const inputs = options.pathsSection ? await loadInputs(options) : []
  const paths = benchPaths().filter((p) => options.paths === null || options.paths.includes(p.id))
  const unknown = (options.paths ?? []).filter((id) => !paths.some((p) => p.id === id))
  if (unknown.length > 0) {
    process.stderr.write(`bench: no path ${unknown.join(', ')}; paths are ${benchPaths().map((p) => p.id).join(', ')}\n`)
    process.exit(2)
  }
  const formats = []
  for (const format of options.pathsSection ? options.formats : []) {
    const own = inputsOf(inputs, format)
    if (own.length === 0) continue
    formats.push(await benchFormat(format, own, paths.filter((p) => p.format === format), options))
  }
  // After the single-thread section, so its numbers are not taken beside child processes.
  let ingest
  if (options.ingest || options.scale !== null) {
    ingest = await benchIngest(options)
    ingest.bars = ingestBars(ingest, machine.parallelism)
  }
  const run = { machine, options, gcExposed, formats, ...(ingest ? { ingest } : {}), peakRssBytes: peakRssBytes(), wallMs: performance.now() - started }
  if (options.json) printJson(run)
  else printTable(run, options)
}

async function benchFormat(format, inputs, paths, options) {
  const log = (msg) => process.stderr.write(`bench ${format}: ${msg}\n`)
  log(`warming up ${paths.length} paths on ${inputs.length} files`)
  const warm = new Map()
  for (const path of paths) warm.set(path.id, await warmUp(path, inputs))

  // An input any path failed on is left out of all of them: the paths must compare the same files.
  const excluded = []
  for (const path of paths)
    for (const [name, f] of warm.get(path.id).files) if (f.error) excluded.push({ name, pathId: path.id, error: f.error })
  const left = new Set(excluded.map((e) => e.name))
  const timed = inputs.filter((i) => !left.has(i.name))

  // Pages from cnreport's result (`pages`), the count pages/s is reported in for every path.
  const full = warm.get(`${format}.full`)
  const pages = new Map(timed.map((i) => [i.name, full?.files.get(i.name)?.pages]))
  const notes = []
  for (const path of paths)
    for (const i of timed) {
      const p = warm.get(path.id).files.get(i.name)?.pages
      if (p !== undefined && pages.get(i.name) !== undefined && p !== pages.get(i.name))
        notes.push(`${i.name}: ${path.id} counts ${p} pages, cnreport ${pages.get(i.name)}`)
    }

  log(`timing ${timed.length} files`)
  const states = await timeRounds(paths, timed, options)
  const rows = paths.map((path) => {
    const state = states.get(path.id)
    const w = warm.get(path.id)
    return {
      id: path.id,
      role: path.role,
      label: path.label,
      warmup: { firstMs: w.firstMs, totalMs: w.totalMs, files: [...w.files].map(([name, f]) => ({ name, ...f })) },
      ...(state.error ? { error: state.error } : { summary: summarize(state, pages) }),
    }
  })
  const byRole = (role) => rows.find((r) => r.role === role)?.summary
  for (const r of rows) {
    if (!r.summary) continue
    r.vsRaw = byRole('raw') && byRole('raw').totalMs / r.summary.totalMs
    r.vsRawCpu = byRole('raw') && byRole('raw').totalCpuMs / r.summary.totalCpuMs
    if (byRole('calls')) r.vsCalls = byRole('calls').totalMs / r.summary.totalMs
  }
  const sources = [...new Set(timed.map((i) => i.source))]
  const groups = [{ label: format, names: new Set(timed.map((i) => i.name)) }]
  if (sources.length > 1) for (const s of sources) groups.push({ label: `${format}:${s}`, names: new Set(timed.filter((i) => i.source === s).map((i) => i.name)) })
  const bySource = groups.map((g) => ({
    label: g.label,
    files: g.names.size,
    vsRaw: ratios(rows, 'raw', g.names, 'medianMs'),
    vsRawCpu: ratios(rows, 'raw', g.names, 'medianCpuMs'),
    ...(byRole('calls') ? { vsCalls: ratios(rows, 'calls', g.names, 'medianMs'), vsCallsCpu: ratios(rows, 'calls', g.names, 'medianCpuMs') } : {}),
  }))

  return {
    format,
    inputs: timed.map((i) => ({ name: i.name, path: i.path, source: i.source, bytes: i.bytes.length, ...(pages.get(i.name) !== undefined ? { pages: pages.get(i.name) } : {}) })),
    paths: rows,
    bySource,
    excluded,
    notes,
  }
}

/** Throughput ratios of cnreport's reader and full path against a baseline, on a subset of files, by one clock. */
function ratios(rows, baseline, names, clock) {
  const total = (role) => {
    const s = rows.find((r) => r.role === role)?.summary
    return s && s.perFile.filter((f) => names.has(f.name)).reduce((sum, f) => sum + f[clock], 0)
  }
  const base = total(baseline)
  const of = (role) => (base && total(role) ? base / total(role) : undefined)
  return { reader: of('reader'), full: of('full') }
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${error?.stack ?? error}\n`)
  process.exit(1)
})
