/**
 * `cnreport ingest <paths…> [--from-list <file>] [--db <file>] [--concurrency N]
 * [--timeout S] [--force] [--json]`: files, folders and globs into SQLite.
 */
import { constants } from 'node:os'
import { parseArgs } from 'node:util'
import { ingest, type IngestSummary, type ProgressEvent } from '../pipeline.js'
import { readPathList } from '../pipeline-list.js'
import { DEFAULT_TIMEOUT_MS, defaultConcurrency } from '../pipeline-pool.js'
import { FORMATS } from '../pipeline-summary.js'
import { formatStatus } from '../pipeline-progress.js'
import { openDatabase, StoreError, type Db } from '../store/db.js'
import { type Command, type CommandIO, UsageError } from './command.js'
import { RULE_CONFIG_OPTIONS, ruleConfigHelp, ruleConfigFrom } from './rule-config.js'
import { truncateStart } from './text-width.js'
import { counted } from '../counted.js'

/** Database file used when --db is not given, relative to the current directory. */
export const DEFAULT_DB = 'cnreport.db'

export const ingestCommand: Command = {
  name: 'ingest',
  help: `Usage: cnreport ingest <path>... [--from-list <file>] [--db <file>]
                       [--concurrency <n>] [--timeout <seconds>] [--force] [--json]
                       [--config <file>] [--profile default|strict]

Runs every stage of 'cnreport extract' on each report and stores the result —
document facts, full text, sections, tables and cells, figures with their exact
positions, the canonical record, findings and diagnostics — in one SQLite
database, one transaction per document. Reports are extracted in worker
threads, several at once; the results are written by one writer as they come.

Paths:
  A directory is searched recursively for .txt, .docx and .pdf files (any case);
  files and folders whose names start with '.' are skipped, and so are symbolic
  links to folders. A file named explicitly is always attempted, whatever its
  extension: the format is decided from the bytes, never from the name.
  A path that does not exist and contains * ? [ or { is a glob pattern, matched
  like a folder search ('reports/**/*.pdf', '2023/*.{docx,pdf}'); quote it so
  the shell leaves it alone. A pattern whose last part names no extension
  ('reports/**') keeps only .txt, .docx and .pdf files.

Re-ingesting and resuming:
  Documents are keyed by the sha256 of their bytes. A file whose content is
  already stored is not extracted again ("unchanged"; "linked" when the same
  content was stored from another path). A file that changed replaces the rows
  of its previous version, which is deleted once no other path refers to it.
  A run that was interrupted (even killed) is resumed by running it again:
  every document is written whole or not at all, and stored files are skipped.
  Ctrl-C (or SIGTERM) stops a run gracefully: no new file is started, the
  files under way are finished and stored, dropped indexes are rebuilt and the
  summary says how many files are left; a second Ctrl-C stops at once.

Failures:
  A file that cannot be read (empty, binary, corrupt, unsupported, unreadable)
  or whose extraction takes longer than --timeout does not stop the batch: it
  is listed with its reason at the end and kept in the database's failures
  table (path, code, reason, attempts, first and last seen) until a later run
  stores it.

Options:
  --from-list <file>
                Also ingest the paths listed in <file>, one per line (blank
                lines skipped), relative to the current directory; '-' reads
                the list from standard input.
  --db <file>   SQLite database to write; created and migrated if needed.
                Default: ${DEFAULT_DB} in the current directory.
  --concurrency <n>
                Reports extracted at once, each in its own worker thread.
                Default: the number of cores (${defaultConcurrency()} here). Each worker holds
                about 200 MB (mostly the word-segmentation dictionary and,
                once it has read a PDF, pdf.js).
  --timeout <seconds>
                Time one report's extraction may take; past it the worker is
                stopped and the file recorded as failed (code timeout).
                Default: ${DEFAULT_TIMEOUT_MS / 1000}; 0 means no limit.
  --force       Extract and store every file again, even when its content is
                already stored (e.g. after upgrading cnreport, or to check
                stored files again under another --config or --profile).
  --json        Print the summary as one JSON object on stdout:
                {database, files, stored, unchanged, linked, failed: [{path,
                code, reason}], elapsedMs, formats: {txt|docx|pdf|other:
                {stored, unchanged, linked, failed}}, workers, cross:
                {findings, byRule: {<rule-id>: n}, elapsedMs, diagnostics},
                indexes: null | {rebuilt: [<index>], elapsedMs, error?},
                interrupted, pending} — pending: files not started
                because the run was interrupted.
${ruleConfigHelp(16)}
  -h, --help    Show this help.

Output:
  Progress goes to stderr: one line per file as it finishes, or — when stderr
  is a terminal — a single updating line (done/total, docs/s, time left,
  failures) with each failure printed above it. The summary (counts, counts by
  format, the cross-document checks, then each failure with its reason) goes
  to stdout.

Cross-document checks:
  Once the files are stored, the rules that compare reports with each other
  (prior-year-mismatch, duplicate-filing-mismatch, peer-outlier) run again on
  the departments, years and peer groups the batch touched; 'cnreport check'
  reruns them on the whole database.

Runtime:
  An ingest runs in a child node process of its own, started with V8's
  background thread pool cut to the cores the workers and the writer leave
  free (--v8-pool-size, at least 1): V8's 4 helper threads by default only
  compete with them (measured on 2 cores: 10-20 % faster). Signals sent to the
  command reach it. Not done when node already has --v8-pool-size (command
  line or NODE_OPTIONS), under a debugger, or with CNREPORT_NO_RELAUNCH=1.

Large batches:
  Once a run has stored 64 documents, and at least an eighth as many as the
  database held before it, it drops the indexes whose rows land all over the
  file (figures by label, findings by fingerprint, …) and rebuilds them when
  the files are done: storing a report then costs about half as much. A killed
  run leaves them dropped (queries still work, more slowly) until the next
  ingest or 'cnreport check' rebuilds them.

Exit codes: 0 every file stored or unchanged, 1 some files failed (the others
were stored) or the database could not be opened, 2 usage error, 130 (143 for
SIGTERM) interrupted: what was handled is stored, run again to finish.

Examples:
  cnreport ingest corpus/
  cnreport ingest reports/2023 extra/报告.docx --db reports.db --json
  cnreport ingest 'downloads/**/*.pdf' --concurrency 2 --timeout 60
  find downloads -name '*.docx' | cnreport ingest --from-list -`,

  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      options: {
        db: { type: 'string', default: DEFAULT_DB },
        force: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        'from-list': { type: 'string' },
        concurrency: { type: 'string' },
        timeout: { type: 'string' },
        ...RULE_CONFIG_OPTIONS,
      },
      allowPositionals: true,
    })
    const list = values['from-list']
    if (positionals.length === 0 && list === undefined) throw new UsageError('ingest needs at least one file, directory or pattern, or --from-list')
    if (values.db.trim() === '') throw new UsageError('--db needs a file name')
    if (list !== undefined && list.trim() === '') throw new UsageError("--from-list needs a file name, or '-' for standard input")
    const concurrency = values.concurrency === undefined ? defaultConcurrency() : positiveInteger('--concurrency', values.concurrency)
    const timeoutMs = values.timeout === undefined ? DEFAULT_TIMEOUT_MS : seconds('--timeout', values.timeout)
    const validation = await ruleConfigFrom(values)
    // The list is read before the database is touched: a missing list changes nothing.
    const paths = list === undefined ? positionals : [...positionals, ...(await readPathList(list))]

    let db: Db
    try {
      db = openDatabase(values.db)
    } catch (error) {
      if (!(error instanceof StoreError)) throw error
      io.err(`cnreport ingest: ${error.message}\n`)
      return 1
    }
    const progress = progressPrinter(io)
    const interrupt = interruptOnSignals(io, progress.finish)
    let summary: IngestSummary
    try {
      summary = await ingest(paths, { db, force: values.force, validation, concurrency, timeoutMs, onProgress: progress.update, signal: interrupt.signal })
    } finally {
      interrupt.dispose()
      progress.finish()
      db.close()
    }
    io.out(values.json ? JSON.stringify({ database: values.db, ...summary }) + '\n' : formatSummary(summary, values.db))
    if (summary.interrupted) return signalExitCode(interrupt.received ?? 'SIGINT')
    // Findings are computed at extraction: content already stored keeps the findings of its
    // earlier configuration, which is easy to miss when asking for another one.
    const skipped = summary.unchanged + summary.linked
    if ((values.config !== undefined || values.profile !== undefined) && skipped > 0 && !values.force)
      io.err(`cnreport ingest: note: ${skipped} already-stored file${skipped === 1 ? ' was' : 's were'} not checked again under this rule configuration; add --force to re-check them\n`)
    return summary.failed.length > 0 ? 1 : 0
  },
}

/** Signals this close together are one (see interruptOnSignals), ms. */
const SAME_SIGNAL_MS = 300

/** What a shell reports for a process ended by `signal`: 128 + its number (130 for SIGINT). */
function signalExitCode(signal: NodeJS.Signals): number {
  return 128 + constants.signals[signal]
}

/**
 * Ctrl-C (SIGINT) or SIGTERM during an ingest: the first stops it gracefully — no new file
 * starts, the files under way are stored, the dropped indexes rebuilt, the summary printed —
 * and the second exits at once. Either way the database holds whole documents only, and
 * running the same command again resumes.
 */
function interruptOnSignals(io: CommandIO, clearProgress: () => void): Interrupt {
  const controller = new AbortController()
  let received: NodeJS.Signals | undefined
  let receivedAt = -Infinity
  const onSignal = (name: NodeJS.Signals) => {
    // A relaunched ingest (relaunch.ts) gets a terminal's Ctrl-C twice: from the terminal and
    // passed on by its parent. A repeat within a moment is that same one.
    if (received && performance.now() - receivedAt < SAME_SIGNAL_MS) return
    if (received) {
      io.err(`\ncnreport ingest: stopped at once by a second ${name}; the next run resumes where this one stopped\n`)
      process.exit(signalExitCode(name))
    }
    received = name
    receivedAt = performance.now()
    clearProgress()
    io.err(`\ncnreport ingest: ${name}: starting no more files; finishing those under way (${name === 'SIGINT' ? 'Ctrl-C' : name} again stops at once)\n`)
    controller.abort()
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  return {
    signal: controller.signal,
    get received() {
      return received
    },
    dispose() {
      process.off('SIGINT', onSignal)
      process.off('SIGTERM', onSignal)
    },
  }
}

interface Interrupt {
  /** Aborts on the first signal. */
  signal: AbortSignal
  /** The first signal received, if any. */
  readonly received: NodeJS.Signals | undefined
  /** Gives the signals back to their default handling. */
  dispose(): void
}

function positiveInteger(option: string, text: string): number {
  const n = Number(text)
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(n) || n < 1) throw new UsageError(`${option} needs a whole number of 1 or more, not '${text}'`)
  return n
}

/** Seconds → ms; 0 allowed (no limit). */
function seconds(option: string, text: string): number {
  const n = Number(text)
  if (text.trim() === '' || !Number.isFinite(n) || n < 0) throw new UsageError(`${option} needs a number of seconds (0 for no limit), not '${text}'`)
  return Math.round(n * 1000)
}

/** Least time between two redraws of the terminal line, ms: 10,000 files need not mean 10,000 redraws. */
const REDRAW_MS = 100

/**
 * Plain output: one line per file, as it finishes. On a terminal: one status line redrawn in
 * place (done/total, docs/s, ETA, failures, the last file), each failure printed above it.
 */
function progressPrinter(io: CommandIO, columns = process.stderr.columns || 80): { update: (e: ProgressEvent) => void; finish: () => void } {
  let drawn = false
  let lastDraw = -Infinity
  return {
    update(e) {
      const o = e.outcome
      const head = `[${e.done}/${e.total}] ${o.status.padEnd(9)} ${o.path}`
      const ms = o.extractMs ?? o.ms
      const tail = o.status === 'failed' ? `: ${o.reason} (${o.code})` : o.status === 'stored' ? `  (${o.figures} figures, ${Math.round(ms)} ms)` : ''
      if (!io.isTTY) return io.err(head + tail + '\n')
      // \r + erase-line: a failure replaces the status line and stays; the status is redrawn below.
      if (o.status === 'failed') {
        io.err(`\r\x1b[2K${head}${tail}\n`)
        drawn = false
      }
      const now = performance.now()
      if (o.status !== 'failed' && e.done < e.total && now - lastDraw < REDRAW_MS) return
      lastDraw = now
      const status = formatStatus(e)
      io.err(`\r\x1b[2K${status}  ${truncateStart(o.path, Math.max(10, columns - status.length - 3))}`)
      drawn = true
    },
    finish() {
      if (drawn) io.err('\r\x1b[2K')
    },
  }
}

export function formatSummary(s: IngestSummary, database: string): string {
  const counts = `${s.stored} stored, ${s.unchanged} unchanged, ${s.linked} linked, ${s.failed.length} failed`
  const lines = [`${counted(s.files, 'file')} into ${database} in ${(s.elapsedMs / 1000).toFixed(2)} s: ${counts}${s.interrupted ? `, ${s.pending} not started` : ''}`]
  if (s.interrupted) lines.push(`interrupted: ${counted(s.pending, 'file')} left; run the same command again to store ${s.pending === 1 ? 'it' : 'them'} (stored files are skipped)`)
  if (s.files === 0) lines.push('no .txt, .docx or .pdf files found in the given paths')
  else {
    const byFormat = FORMATS.map((f) => [f, Object.values(s.formats[f]).reduce((a, b) => a + b, 0)] as const).filter(([, n]) => n > 0)
    const rate = s.elapsedMs > 0 ? ((s.files - s.pending) * 1000) / s.elapsedMs : 0
    const how = s.workers > 0 ? counted(s.workers, 'worker') : 'in-process'
    lines.push(`by format: ${byFormat.map(([f, n]) => `${f} ${n}`).join(', ')}; ${rate.toFixed(1)} files/s, ${how}`)
  }
  if (s.cross) {
    const perRule = Object.entries(s.cross.byRule).filter(([, n]) => n > 0).map(([rule, n]) => `${rule} ${n}`)
    lines.push(`cross-document checks: ${counted(s.cross.findings, 'finding')}${perRule.length > 0 ? ` (${perRule.join(', ')})` : ''} in ${(s.cross.elapsedMs / 1000).toFixed(2)} s`)
    for (const d of s.cross.diagnostics) lines.push(`  warning: ${d.message}`)
  }
  if (s.indexes) {
    const n = s.indexes.rebuilt.length
    if (n > 0) lines.push(`rebuilt ${counted(n, 'index', 'indexes')} dropped for the bulk load in ${(s.indexes.elapsedMs / 1000).toFixed(2)} s`)
    if (s.indexes.error) lines.push(`  warning: ${s.indexes.error}`)
  }
  if (s.failed.length > 0) {
    lines.push('Failed:')
    for (const f of s.failed) lines.push(`  ${f.path}: ${f.reason} (${f.code})`)
  }
  return lines.join('\n') + '\n'
}
