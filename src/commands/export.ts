/** `cnreport export`: stream one of the dashboard views (migration 004) as CSV or JSON Lines. */
import { existsSync, realpathSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { DEFAULT_EXPORT_VIEW, EXPORT_VIEWS, findExportView, readView, type ViewCursor } from '../store/views.js'
import { type Command, type CommandIO, processIO, UsageError } from './command.js'
import { EXPORT_FORMATS, type ExportFormat, rowEncoder } from './export-format.js'
import { chunked, fileSink, isClosedPipe, type Sink, streamSink } from './export-sink.js'
import { openExistingDatabase } from './existing-db.js'
import { DEFAULT_DB } from './ingest.js'
import { messageOf } from '../error-text.js'
import { counted } from '../counted.js'

const viewList = EXPORT_VIEWS.map((v) => `  ${v.name.padEnd(15)} (SQL view ${v.view})\n${' '.repeat(18)}${v.rows}`).join('\n')

export const exportCommand: Command = {
  name: 'export',
  help: `Usage: cnreport export [--format csv|jsonl] [--view <name>] [--out <file>]
                      [--db <file>] [--bom]

Writes every row of one of the database's dashboard views, in a fixed order,
one row at a time (an export of millions of figures does not need the memory
to hold them). The columns, their units and the exact CSV header of each view
are documented in docs/schema.md; they only change with a new schema version.

Views (--view takes the short name or the SQL view name):
${viewList}

Options:
  --format <f>   csv (default): RFC 4180, UTF-8, CRLF line ends, a header row
                 of column names; NULL is an empty field.
                 jsonl: one JSON object per line, keys in column order, NULL
                 as null.
  --view <name>  The view to write. Default: ${DEFAULT_EXPORT_VIEW}.
  --out <file>   Write to this file (replaced only once the export is
                 complete) instead of stdout; the row count goes to stderr.
  --db <file>    Database to read. Default: ${DEFAULT_DB}. It must exist.
  --bom          Start the CSV with a UTF-8 byte order mark, so Excel reads
                 the Chinese text correctly. csv only.
  -h, --help     Show this help.

Units: money in 元 (yuan), rates in percent points (98.5 means 98.5%),
people and items as counts; figures keep the value and unit as written
beside the amount in 元.

Exit codes: 0 exported (even zero rows), 1 the database is missing or cannot
be read, or the output cannot be written, 2 usage error.

Examples:
  cnreport export > summary.csv
  cnreport export --view findings --format jsonl --out findings.jsonl
  cnreport export --view figures --bom --out figures.csv --db reports.db`,

  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      options: {
        format: { type: 'string', default: 'csv' },
        view: { type: 'string', default: DEFAULT_EXPORT_VIEW },
        out: { type: 'string' },
        db: { type: 'string', default: DEFAULT_DB },
        bom: { type: 'boolean', default: false },
      },
      allowPositionals: true,
    })
    if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}' (use --view to pick what to export)`)
    if (!(EXPORT_FORMATS as readonly string[]).includes(values.format))
      throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}, not '${values.format}'`)
    const format = values.format as ExportFormat
    const view = findExportView(values.view)
    if (!view) throw new UsageError(`unknown view '${values.view}'; the views are ${EXPORT_VIEWS.map((v) => v.name).join(', ')}`)
    if (values.bom && format !== 'csv') throw new UsageError('--bom applies to --format csv only')
    if (values.out !== undefined && values.out.trim() === '') throw new UsageError('--out needs a file name')
    // The file is renamed over --out when complete: that must never be the database itself.
    if (values.out !== undefined && sameFile(values.out, values.db)) throw new UsageError(`--out ${values.out} is the database; name another file`)

    const db = openExistingDatabase(values.db, 'export', io)
    if (!db) return 1
    try {
      // The sink first: once the cursor exists the connection is busy until it is drained.
      const sink = openSink(values.out, io)
      if (!sink) return 1
      let cursor: ViewCursor | undefined
      let rows = 0
      try {
        cursor = readView(db, view)
        const encoder = rowEncoder(format, cursor.columns, { bom: values.bom })
        await sink.write(encoder.head())
        for (const row of cursor.rows) {
          // Await only when the sink asks to wait (a full pipe): a microtask per row adds up.
          const wait = sink.write(encoder.row(row))
          if (wait) await wait
          rows++
        }
        await sink.close()
      } catch (error) {
        cursor?.rows.return?.()
        sink.abort()
        // `cnreport export | head`: the reader has what it wanted.
        if (isClosedPipe(error)) return 0
        io.err(`cnreport export: ${values.out ?? 'stdout'}: export of ${view.name} failed after ${rows} rows: ${messageOf(error)}\n`)
        return 1
      }
      if (values.out !== undefined) io.err(`cnreport export: wrote ${counted(rows, 'row')} of ${view.name} to ${values.out}\n`)
      return 0
    } finally {
      db.close()
    }
  },
}

/**
 * The --out file; else the process's stdout as a stream, with backpressure (CommandIO.out
 * cannot say "wait"); else — a CommandIO of a test or an embedding program — `io.out`.
 * Undefined after saying why the file cannot be written.
 */
function openSink(out: string | undefined, io: CommandIO): Sink | undefined {
  if (out === undefined) return io === processIO ? streamSink(process.stdout) : chunked((chunk) => void io.out(chunk))
  try {
    return fileSink(out)
  } catch (error) {
    io.err(`cnreport export: ${out}: cannot write: ${messageOf(error)}\n`)
    return undefined
  }
}

function sameFile(a: string, b: string): boolean {
  const real = (p: string) => (existsSync(p) ? realpathSync(p) : resolve(p))
  return real(a) === real(b)
}
