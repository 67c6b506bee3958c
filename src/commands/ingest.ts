/** `cnreport ingest <paths…> [--db <file>] [--force] [--json]`: files and folders into SQLite. */
import { parseArgs } from 'node:util'
import { ingest, type IngestSummary, type ProgressEvent } from '../pipeline.js'
import { openDatabase, StoreError, type Db } from '../store/db.js'
import { type Command, type CommandIO, UsageError } from './command.js'
import { RULE_CONFIG_OPTIONS, ruleConfigHelp, ruleConfigFrom } from './rule-config.js'

/** Database file used when --db is not given, relative to the current directory. */
export const DEFAULT_DB = 'cnreport.db'

export const ingestCommand: Command = {
  name: 'ingest',
  summary: 'Extract reports (files or folders) and store everything in SQLite',
  help: `Usage: cnreport ingest <path>... [--db <file>] [--force] [--json]
                       [--config <file>] [--profile default|strict]

Runs every stage of 'cnreport extract' on each report and stores the result —
document facts, full text, sections, tables and cells, figures with their exact
positions, the canonical record, findings and diagnostics — in one SQLite
database, one transaction per document.

Paths:
  A directory is searched recursively for .txt, .docx and .pdf files (any case);
  files and folders whose names start with '.' are skipped, and so are symbolic
  links to folders. A file named explicitly is always attempted, whatever its
  extension: the format is decided from the bytes, never from the name.

Re-ingesting:
  Documents are keyed by the sha256 of their bytes. A file whose content is
  already stored is not extracted again ("unchanged"; "linked" when the same
  content was stored from another path). A file that changed replaces the rows
  of its previous version, which is deleted once no other path refers to it.

Failures:
  A file that cannot be read (empty, binary, corrupt, unsupported, unreadable)
  does not stop the batch: it is listed with its reason at the end and kept in
  the database's failures table (path, code, reason, attempts, first and last
  seen) until a later run stores it.

Options:
  --db <file>   SQLite database to write; created and migrated if needed.
                Default: ${DEFAULT_DB} in the current directory.
  --force       Extract and store every file again, even when its content is
                already stored (e.g. after upgrading cnreport, or to check
                stored files again under another --config or --profile).
  --json        Print the summary as one JSON object on stdout:
                {database, files, stored, unchanged, linked, failed: [{path,
                code, reason}], elapsedMs}.
${ruleConfigHelp(16)}
  -h, --help    Show this help.

Output:
  Progress goes to stderr: one line per file, or a single updating line when
  stderr is a terminal. The summary (counts, then each failure with its reason)
  goes to stdout.

Exit codes: 0 every file stored or unchanged, 1 some files failed (the others
were stored) or the database could not be opened, 2 usage error.

Examples:
  cnreport ingest corpus/
  cnreport ingest reports/2023 extra/报告.docx --db reports.db --json`,

  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      options: {
        db: { type: 'string', default: DEFAULT_DB },
        force: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        ...RULE_CONFIG_OPTIONS,
      },
      allowPositionals: true,
    })
    if (positionals.length === 0) throw new UsageError('ingest needs at least one file or directory')
    if (values.db.trim() === '') throw new UsageError('--db needs a file name')
    const validation = ruleConfigFrom(values)

    let db: Db
    try {
      db = openDatabase(values.db)
    } catch (error) {
      if (!(error instanceof StoreError)) throw error
      io.err(`cnreport ingest: ${error.message}\n`)
      return 1
    }
    const progress = progressPrinter(io)
    let summary: IngestSummary
    try {
      summary = await ingest(positionals, { db, force: values.force, validation, onProgress: progress.update })
    } finally {
      progress.finish()
      db.close()
    }
    io.out(values.json ? JSON.stringify({ database: values.db, ...summary }) + '\n' : formatSummary(summary, values.db))
    // Findings are computed at extraction: content already stored keeps the findings of its
    // earlier configuration, which is easy to miss when asking for another one.
    const skipped = summary.unchanged + summary.linked
    if ((values.config !== undefined || values.profile !== undefined) && skipped > 0 && !values.force)
      io.err(`cnreport ingest: note: ${skipped} already-stored file${skipped === 1 ? ' was' : 's were'} not checked again under this rule configuration; add --force to re-check them\n`)
    return summary.failed.length > 0 ? 1 : 0
  },
}

/** One plain line per file, or — on a terminal — one line redrawn in place, failures kept. */
function progressPrinter(io: CommandIO): { update: (e: ProgressEvent) => void; finish: () => void } {
  let redrawn = false
  return {
    update(e) {
      const o = e.outcome
      const head = `[${e.index}/${e.total}] ${o.status.padEnd(9)} ${o.path}`
      const tail =
        o.status === 'failed' ? `: ${o.reason} (${o.code})` : o.status === 'stored' ? `  (${o.figures} figures, ${Math.round(o.ms)} ms)` : ''
      if (!io.isTTY) return io.err(head + tail + '\n')
      // \r + erase-line: redraw the same line; a failure stays on screen so it is not missed.
      io.err(`\r\x1b[2K${head}${o.status === 'failed' ? tail + '\n' : ''}`)
      redrawn = o.status !== 'failed'
    },
    finish() {
      if (redrawn) io.err('\r\x1b[2K')
    },
  }
}

export function formatSummary(s: IngestSummary, database: string): string {
  const counts = `${s.stored} stored, ${s.unchanged} unchanged, ${s.linked} linked, ${s.failed.length} failed`
  const lines = [`${s.files} file${s.files === 1 ? '' : 's'} into ${database} in ${(s.elapsedMs / 1000).toFixed(2)} s: ${counts}`]
  if (s.files === 0) lines.push('no .txt, .docx or .pdf files found in the given paths')
  if (s.failed.length > 0) {
    lines.push('Failed:')
    for (const f of s.failed) lines.push(`  ${f.path}: ${f.reason} (${f.code})`)
  }
  return lines.join('\n') + '\n'
}
