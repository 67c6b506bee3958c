/**
 * Output of the bench: a table for people (stdout), or one JSON object with --json.
 * Progress goes to stderr in both cases, so stdout stays clean for `> bench.json`.
 */
import { ingestLines } from './ingest-report.mjs'

/** Issue 3's acceptance: cnreport's throughput at least this share of the raw libraries'. */
export const ACCEPTANCE_RATIO = 0.85

const FAIRNESS = {
  docx: 'raw = what a mammoth user calls (JSZip + read + HTML); calls = the same read with the HTML skipped, as cnreport does (cnreport unzips itself).',
  pdf: 'raw = pdf-parse getText()+getTable() (runs getTextContent twice a page); calls = the pdf.js calls cnreport makes (getInfo, text once, operator list), no processing.',
  txt: 'raw = decode + one figure regex; cnreport decodes, rebuilds tables, finds sections, figures, labels (jieba), record and findings.',
}

/**
 * @param {object} run  see run.mjs `collect`
 */
export function printJson(run) {
  process.stdout.write(JSON.stringify(run, null, 2) + '\n')
}

export function printTable(run, { verbose }) {
  const out = []
  const m = run.machine
  out.push(`cnreport bench · ${m.cpu} · ${m.cores} cores (${m.parallelism} usable) · ${m.memoryGiB} GiB · node ${m.node} (V8 ${m.v8}) · ${m.platform}`)
  const busy = m.loadAverage[0] >= 0.5
  out.push(`load average at start: ${m.loadAverage.join(' ')}${busy ? ' — the machine is busy: absolute numbers are pessimistic, ratios (interleaved rounds) hold better' : ''}`)
  if (run.formats.length > 0) pathsSection(out, run, verbose)
  if (run.ingest) out.push(...ingestLines(run.ingest, run.ingest.bars))
  out.push('', `peak RSS of the bench process: ${Math.round(run.peakRssBytes / 2 ** 20)} MiB · total wall time ${(run.wallMs / 1000).toFixed(1)} s`)
  process.stdout.write(out.join('\n') + '\n')
}

/** The single-thread section: warm-up, steady state, issue 3's ratios. */
function pathsSection(out, run, verbose) {
  out.push(`inputs in memory, I/O not timed: ${run.formats.map((f) => describeInputs(f)).join(' · ')}`)
  const o = run.options
  out.push(
    `rounds: ${o.rounds !== null ? `exactly ${o.rounds}` : `until ${o.budgetMs / 1000} s of samples per path (≥ ${o.minRounds}, ≤ ${o.maxRounds})`}` +
      ` · single thread, one file at a time · GC between rounds: ${run.gcExposed ? 'yes' : 'no (run node with --expose-gc)'}`,
  )

  out.push('', 'warm-up: one pass over the inputs; the first call pays module loads (shared modules load on the first path that needs them)')
  out.push(row(['path', 'first call', 'whole pass'], [12, 11, 11]))
  for (const f of run.formats) for (const p of f.paths) out.push(row([p.id, ms(p.warmup.firstMs), ms(p.warmup.totalMs)], [12, 11, 11]))

  const widths = [12, 52, 6, 8, 8, 8, 7, 6, 7, 9, 8]
  out.push('', 'steady state: per file the median over rounds; a path = the sum of its files\' medians; ÷ = throughput ratio (wall clock)')
  out.push(row(['path', 'what is timed', 'rounds', 'ms/doc', 'docs/s', 'pages/s', 'spread', '÷raw', '÷calls', 'cpu ms/doc', 'cpu ÷raw'], widths))
  for (const f of run.formats) {
    for (const p of f.paths) {
      const s = p.summary
      if (!s) {
        out.push(row([p.id, p.label, '—', `failed: ${p.error}`], [12, 52, 7, 60]))
        continue
      }
      out.push(
        row(
          [p.id, p.label, String(s.rounds), fixed(s.msPerDoc, 1), fixed(s.docsPerSec, 1), s.pagesPerSec === undefined ? '—' : fixed(s.pagesPerSec, 1),
            s.spread === undefined ? '—' : `${Math.round(s.spread * 100)}%`, ratio(p.vsRaw), ratio(p.vsCalls), fixed(s.cpuMsPerDoc, 1), ratio(p.vsRawCpu)],
          widths,
        ),
      )
    }
    out.push('')
  }

  out.push(`issue 3 acceptance: cnreport throughput ÷ raw library throughput ≥ ${ACCEPTANCE_RATIO} (wall clock; by CPU time in brackets)`)
  for (const f of run.formats) {
    for (const g of f.bySource) {
      const cells = ['reader', 'full'].map((role) => `${role} ${verdict(g.vsRaw[role])} [${ratio(g.vsRawCpu[role])}]`).join('   ')
      const calls = g.vsCalls
        ? `   ÷calls: reader ${ratio(g.vsCalls.reader)} [${ratio(g.vsCallsCpu.reader)}], full ${ratio(g.vsCalls.full)} [${ratio(g.vsCallsCpu.full)}]`
        : ''
      out.push(`  ${g.label.padEnd(11)} ${cells}${calls}`)
    }
  }
  out.push('', 'baselines:')
  for (const f of run.formats) out.push(`  ${f.format.padEnd(5)} ${FAIRNESS[f.format]}`)

  const excluded = run.formats.flatMap((f) => f.excluded)
  if (excluded.length > 0) {
    out.push('', 'left out (failed in the warm-up on some path, so left out of every path of its format):')
    for (const e of excluded) out.push(`  ${e.name}: ${e.pathId}: ${e.error}`)
  }
  const notes = run.formats.flatMap((f) => f.notes)
  if (notes.length > 0) out.push('', ...notes.map((n) => `note: ${n}`))

  if (verbose) {
    for (const f of run.formats) {
      out.push('', `per file, ${f.format} (median ms)`)
      const ids = f.paths.map((p) => p.id.split('.')[1])
      const w = [Math.max(...f.inputs.map((i) => i.name.length)), 6, ...ids.map(() => 9), 8, 8]
      out.push(row(['file', 'pages', ...ids, 'rdr÷raw', 'full÷raw'], w))
      for (const input of f.inputs) {
        const msOf = (p) => p.summary?.perFile.find((x) => x.name === input.name)?.medianMs
        const raw = msOf(f.paths.find((p) => p.role === 'raw'))
        const times = f.paths.map(msOf)
        const speed = (role) => {
          const t = msOf(f.paths.find((p) => p.role === role))
          return raw && t ? ratio(raw / t) : '—'
        }
        out.push(row([input.name, input.pages === undefined ? '—' : String(input.pages), ...times.map((t) => (t === undefined ? '—' : fixed(t, 1))), speed('reader'), speed('full')], w))
      }
    }
  }
}

function describeInputs(f) {
  const kb = Math.round(f.inputs.reduce((sum, i) => sum + i.bytes, 0) / 1024)
  const sources = [...new Set(f.inputs.map((i) => i.source))]
  const bySource = sources.length > 1 ? `; ${sources.map((s) => `${f.inputs.filter((i) => i.source === s).length} ${s}`).join(', ')}` : ''
  const pages = f.inputs.every((i) => i.pages !== undefined) ? `, ${f.inputs.reduce((sum, i) => sum + i.pages, 0)} pages` : ''
  return `${f.format} ${f.inputs.length} files (${kb} KiB${pages}${bySource})`
}

function row(cells, widths) {
  return cells
    .map((c, i) => {
      const w = widths[i] ?? 0
      // Text columns left, numbers right.
      return i < 2 ? c.padEnd(w) : c.padStart(w)
    })
    .join(' ')
    .trimEnd()
}

const ms = (v) => `${v < 10 ? v.toFixed(1) : Math.round(v)} ms`
const fixed = (v, d) => (Number.isFinite(v) ? v.toFixed(v >= 1000 ? 0 : d) : '—')
const ratio = (v) => (v === undefined || !Number.isFinite(v) ? '—' : v < 0.1 ? v.toPrecision(2) : v.toFixed(2))
const verdict = (v) => (v === undefined ? '—' : `${ratio(v)} ${v >= ACCEPTANCE_RATIO ? 'ok' : 'BELOW'}`)
