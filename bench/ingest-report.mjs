/**
 * The ingest section's table and issue 6's bars (ok / BELOW). The bars are computed once,
 * here, for the table and the JSON alike.
 */

/** Issue 6's acceptance, on this 2-core machine. */
export const BARS = {
  txtDocsPerSec: 300,
  ratio: 0.85,
  pdfSpeedup: 1.7,
  rssBytes: 800 * 2 ** 20,
}

const MB = 2 ** 20

/**
 * @param {object} ingest  what benchIngest returns
 * @param {number} cores  the cores the runs shared (the machine's usable parallelism)
 * @returns {Array<{ bar: string, value: string, number?: number, ok: boolean | undefined, context?: string[] }>}  value as
 *   printed, number as measured (bytes, docs/s, ratio); ok undefined = not measured; context = measured facts that bound
 *   what the bar can reach on this machine, printed under it
 */
export function ingestBars(ingest, cores) {
  const bars = []
  const run = (format, workers) => ingest.formats.find((f) => f.format === format)?.runs.find((r) => r.workers === workers)
  const txt2 = run('txt', 2)
  if (txt2) {
    const txt = bar(`TXT ≥ ${BARS.txtDocsPerSec} docs/s end to end, 2 workers`, txt2.ingest.error ? undefined : txt2.ingest.docsPerSec, (v) => v >= BARS.txtDocsPerSec, (v) => `${v.toFixed(1)} docs/s`)
    const ceiling = cpuCeiling(ingest.formats.find((f) => f.format === 'txt'), cores, BARS.txtDocsPerSec)
    bars.push(ceiling ? { ...txt, context: [ceiling] } : txt)
  }
  for (const f of ingest.formats.filter((f) => f.format !== 'txt'))
    for (const r of f.runs)
      bars.push(bar(`${f.format.toUpperCase()} ≥ ${BARS.ratio} × raw, ${r.workers} worker${r.workers === 1 ? '' : 's'}`, r.ingest.error || r.raw.error ? undefined : r.ratio, (v) => v >= BARS.ratio, (v) => v.toFixed(2)))
  const pdf = ingest.speedups.find((s) => s.format === 'pdf' && s.from === 1 && s.to === 2)
  if (pdf) {
    const speedup = bar(`PDF 2 workers ≥ ${BARS.pdfSpeedup} × 1 worker`, pdf.ingest, (v) => v >= BARS.pdfSpeedup, (v) => `${v.toFixed(2)}×`)
    // The same two worker counts running the raw library alone: how far 2 workers carry pdf.js itself here.
    bars.push(Number.isFinite(pdf.raw) ? { ...speedup, context: [`the raw pdf-parse pool on the same files: ${pdf.raw.toFixed(2)}×`] } : speedup)
  }
  const peaks = ingest.formats.flatMap((f) => f.runs.filter((r) => r.ingest.maxRssBytes !== undefined).map((r) => r.ingest.maxRssBytes))
  if (peaks.length > 0) bars.push(bar(`peak RSS ≤ ${BARS.rssBytes / MB} MB, every ingest run above`, Math.max(...peaks), (v) => v <= BARS.rssBytes, (v) => `${mb(v)} MB`))
  const runs = ingest.formats.flatMap((f) => f.runs)
  const failed = runs.reduce((sum, r) => sum + (r.ingest.failed ?? 0), 0)
  const broken = runs.filter((r) => r.ingest.error).length
  if (runs.length > 0)
    bars.push(bar('every ingest run finished, no failed document', failed + broken, (v) => v === 0, () => `${failed} documents failed${broken ? `, ${broken} runs did not finish` : ''}`))
  const s = ingest.scale
  if (s) {
    bars.push(bar(`${s.docs} documents: peak RSS ≤ ${BARS.rssBytes / MB} MB`, s.error ? undefined : s.maxRssBytes, (v) => v <= BARS.rssBytes, (v) => `${mb(v)} MB`))
    bars.push(bar(`${s.docs} documents: peak RSS does not grow from 50 % to 100 % of them`, s.growth?.bytes, () => !s.growth.grows, (v) => `${v >= 0 ? '+' : ''}${mb(v)} MB (${(s.growth.share * 100).toFixed(1)} %)`))
  }
  return bars
}

/**
 * What the CPU time of the runs allows: a run that spent `cpu` CPU ms per document, counting
 * every thread (workers, the writer, V8's helpers), cannot store more than cores × 1000 / cpu
 * documents a second, however its work is spread. Taken at the cheapest run of the format.
 * @returns {string | undefined}  one line, or undefined when no run measured its CPU time
 */
export function cpuCeiling(format, cores, target) {
  const costs = (format?.runs ?? [])
    .filter((r) => !r.ingest.error && Number.isFinite(r.ingest.cpuMs) && r.ingest.cpuMs > 0 && format.docs > 0)
    .map((r) => ({ workers: r.workers, msPerDoc: r.ingest.cpuMs / format.docs }))
  if (costs.length === 0 || !(cores > 0)) return undefined
  const cheapest = Math.min(...costs.map((c) => c.msPerDoc))
  const each = costs.map((c) => `${c.msPerDoc.toFixed(1)} (${c.workers} worker${c.workers === 1 ? '' : 's'})`).join(', ')
  return `CPU ms per document, all threads, start to exit: ${each} → at most ${Math.floor((cores * 1000) / cheapest)} docs/s on ${cores} cores; ${target} docs/s needs ≤ ${((cores * 1000) / target).toFixed(1)} CPU ms per document`
}

function bar(label, value, test, show) {
  const measuredValue = value !== undefined && Number.isFinite(value)
  return { bar: label, value: measuredValue ? show(value) : 'not measured', ...(measuredValue ? { number: value } : {}), ok: measuredValue ? test(value) : undefined }
}

/** @returns {string[]} lines of the section */
export function ingestLines(ingest, bars) {
  const out = []
  const widths = [6, 2, 5, 7, 7, 7, 6, 6, 6, 6, 6, 7, 7, 7, 6, 6, 6, 6]
  const head = ['format', 'W', 'docs', 'wall s', 'docs/s', 'pages/s', 'RSS MB', 'cpu s', 'start', 'after', 'steady', 'raw d/s', 'raw p/s', 'raw st', 'raw MB', 'ratio', 'cpu ÷', 'failed']
  if (ingest.formats.length > 0) {
    out.push('', 'ingest (issue 6): corpus × N copies with distinct bytes, each run a child process timed spawn → exit;')
    out.push('  cnreport = `cnreport ingest <folder> --concurrency W --json` into a fresh SQLite file; raw = W threads of the raw path above, same files read from disk, on the V8 options the cnreport ingest relaunches with')
    out.push(row(head, widths))
    for (const f of ingest.formats) {
      for (const r of f.runs) {
        const i = r.ingest
        const w = r.raw
        if (i.error) {
          out.push(`${row([f.format, String(r.workers), String(f.docs)], widths)}  cnreport failed: ${i.error}`)
          continue
        }
        out.push(
          row(
            [f.format, String(r.workers), String(f.docs), secs(i.wallMs), num(i.docsPerSec), i.pagesError ? '?' : i.pages == null ? 'n/a' : num(i.pagesPerSec), mb(i.maxRssBytes), secs(i.cpuMs),
              secs(i.firstDocMs), secs(i.afterLastMs), num(i.steadyDocsPerSec), w.error ? 'failed' : num(w.docsPerSec), w.error || w.pages == null ? 'n/a' : num(w.pagesPerSec),
              num(w.steadyDocsPerSec), mb(w.maxRssBytes),
              fixed2(r.ratio), fixed2(r.ratioCpu), `${i.failed}${w.failed ? `/${w.failed} raw` : ''}`],
            widths,
          ),
        )
        if (w.error) out.push(`       raw failed: ${w.error}`)
      }
    }
    out.push('  W = worker threads · wall = whole child process · start = spawn → first document done (node, modules, workers, dictionaries)')
    out.push('  after = last document → exit (ingest: cross-document checks, closing the database) · RSS = peak of the child, all threads (with the node it relaunched: the two peaks added)')
    out.push('  steady / raw st = docs/s between the first and the last document done (start and after left out) · pages: PDF only')
    out.push('  ratio = cnreport docs/s ÷ raw docs/s (wall clock, same W) · cpu ÷ = raw CPU time ÷ cnreport CPU time (steadier on a busy machine)')
    const loads = ingest.formats.flatMap((f) => f.runs.flatMap((r) => [r.ingest.loadAtStart, r.raw.loadAtStart])).filter(Number.isFinite)
    if (loads.length > 0) out.push(`  1-minute load average when runs started: ${Math.min(...loads)}–${Math.max(...loads)}${Math.max(...loads) >= 0.5 ? ' (above 0.5: other work shared the 2 cores; wall times and speed-ups are pessimistic, cpu ÷ holds better)' : ''}`)
    const dominated = ingest.formats.flatMap((f) => f.runs.filter((r) => r.ingest.afterLastMs > 0.25 * r.ingest.wallMs).map((r) => `${f.format} W=${r.workers}`))
    if (dominated.length > 0) out.push(`  note: the time after the last document is over a quarter of the run for ${dominated.join(', ')} (cross-document checks)`)
    for (const s of ingest.speedups) out.push(`  ${s.format} speed-up ${s.to} vs ${s.from} worker${s.from === 1 ? '' : 's'}: cnreport ${fixed2(s.ingest)}×, raw ${fixed2(s.raw)}×`)
    const failures = ingest.formats.flatMap((f) => f.runs.flatMap((r) => (r.ingest.failures ?? []).map((x) => `${f.format} W=${r.workers}: ${x.path}: ${x.reason} (${x.code})`)))
    if (failures.length > 0) out.push('  failed documents (first of each run):', ...failures.map((x) => `    ${x}`))
  }
  const s = ingest.scale
  if (s) {
    out.push('', `scale: ${s.docs} TXT documents, ${s.workers} workers, one child process, VmRSS sampled every 250 ms`)
    if (s.error) out.push(`  failed: ${s.error}`)
    else {
      out.push(`  ${secs(s.wallMs)} s wall, ${num(s.docsPerSec)} docs/s, ${s.failed} failed, start ${secs(s.firstDocMs)} s, after last document ${secs(s.afterLastMs)} s, peak RSS ${mb(s.maxRssBytes)} MB`)
      out.push(`  peak RSS so far (VmHWM) at ${s.milestones.map((m) => `${Math.round(m.at * 100)} % (${m.done} docs, ${secs(m.ms)} s): ${mb(m.hwmBytes)} MB`).join(' · ')}`)
      out.push(`  highest VmRSS sampled while done was in ${s.windows.map((w) => `${w.label}: ${w.maxRssBytes === undefined ? '—' : `${mb(w.maxRssBytes)} MB`}`).join(' · ')}`)
    }
  }
  out.push('', 'issue 6 acceptance:')
  for (const b of bars) {
    out.push(`  ${(b.ok === undefined ? '—' : b.ok ? 'ok' : 'BELOW').padEnd(5)} ${b.bar}: ${b.value}`)
    for (const line of b.context ?? []) out.push(`        ${line}`)
  }
  return out
}

function row(cells, widths) {
  // The format left, numbers right.
  return cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(' ').trimEnd()
}

const mb = (bytes) => (bytes === undefined || !Number.isFinite(bytes) ? '—' : String(Math.round(bytes / MB)))
const secs = (ms) => (ms === undefined || !Number.isFinite(ms) ? '—' : (ms / 1000).toFixed(ms < 10_000 ? 2 : 1))
const num = (v) => (v === undefined || !Number.isFinite(v) ? '—' : v.toFixed(v >= 100 ? 0 : 1))
const fixed2 = (v) => (v === undefined || !Number.isFinite(v) ? '—' : v.toFixed(2))
