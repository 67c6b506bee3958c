/** `cnreport findings`: list stored findings, filtered, as a table, CSV or JSON. */
import { parseArgs } from 'node:util'
import { FINDING_STATUSES, type FindingFilter, type FindingStatus, listFindings, matchDocuments } from '../store/finding-query.js'
import { CROSS_RULE_IDS } from '../validate/cross/index.js'
import { RULE_IDS } from '../validate/rules/index.js'
import { type Command, UsageError } from './command.js'
import { openExistingDatabase } from './existing-db.js'
import { type Format, FORMATS, formatCsv, formatJson, formatTable, hiddenNote, SHORT_FINGERPRINT } from './findings-format.js'
import { DEFAULT_DB } from './ingest.js'

/** Rules of one document and across documents: both kinds are stored as findings. */
const KNOWN_RULES = [...RULE_IDS, ...CROSS_RULE_IDS]

const SEVERITIES = ['error', 'warning', 'info'] as const

export const findingsCommand: Command = {
  name: 'findings',
  help: `Usage: cnreport findings [--db <file>] [--severity <s>]... [--rule <id>]...
                         [--document <path-or-sha256>]... [--status <s>]...
                         [--format table|csv|json]

Lists the consistency findings stored by 'cnreport ingest', in reading order
(document path, then place in the text). Findings dismissed with 'cnreport
review' are hidden unless asked for; how many were hidden is said at the end
(on stderr for csv and json, so their output stays clean).

Options:
  --db <file>          Database to read. Default: ${DEFAULT_DB}. It must exist.
  --severity <s>       error, warning or info. Repeat (or separate with commas)
                       to keep several.
  --rule <id>          Keep findings of this rule (e.g. malformed-number).
                       Repeatable.
  --document <d>       Keep findings of one document: a path it was ingested
                       from (relative paths are resolved; a folder takes every
                       document under it; a bare file name matches the end of a
                       stored path) or a prefix of its sha256 (≥ 4 hex digits).
                       Repeatable.
  --status <s>         open, confirmed, dismissed or all. Repeatable.
                       Default: open and confirmed (dismissed ones hidden).
  --format <f>         table (default): severity, status, rule, document, line,
                       message (cut to fit) and the first ${SHORT_FINGERPRINT} characters of
                       the fingerprint, which 'cnreport review' accepts.
                       csv: RFC 4180 with a header row, one finding per row,
                       all evidence in one cell as "line:text | line:text".
                       json: {database, count, hiddenDismissed, findings: [...]}
                       with each finding's evidence, document and review.
  -h, --help           Show this help.

Exit codes: 0 the listing worked (even when empty), 1 the database is missing
or cannot be opened, 2 usage error.

Examples:
  cnreport findings --severity error --severity warning
  cnreport findings --document reports/2023 --format csv > findings-2023.csv
  cnreport findings --status dismissed --format json`,

  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      options: {
        db: { type: 'string', default: DEFAULT_DB },
        severity: { type: 'string', multiple: true, default: [] },
        rule: { type: 'string', multiple: true, default: [] },
        document: { type: 'string', multiple: true, default: [] },
        status: { type: 'string', multiple: true, default: [] },
        format: { type: 'string', default: 'table' },
      },
      allowPositionals: true,
    })
    if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}' (use --document to pick documents)`)
    const format = oneOf('--format', values.format, FORMATS) as Format
    const severities = listOf('--severity', values.severity, SEVERITIES)
    const statuses = statusesOf(values.status)
    const rules = values.rule.flatMap((r) => r.split(',')).map((r) => r.trim()).filter((r) => r !== '')

    const db = openExistingDatabase(values.db, 'findings', io)
    if (!db) return 1
    try {
      const filter: FindingFilter = { severities, rules, ...(statuses ? { statuses } : {}) }
      if (values.document.length > 0) {
        const match = matchDocuments(db, values.document)
        for (const d of match.unmatched) io.err(`cnreport findings: warning: --document '${d}' matches no stored document\n`)
        filter.documentIds = match.ids
      }
      const stored = new Set(db.prepare('SELECT DISTINCT rule_id FROM findings').pluck().all() as string[])
      for (const r of rules)
        if (!KNOWN_RULES.includes(r) && !stored.has(r)) io.err(`cnreport findings: warning: --rule '${r}' is not a rule id (known: ${KNOWN_RULES.join(', ')})\n`)

      const list = listFindings(db, filter)
      if (format === 'table') io.out(formatTable(list))
      else {
        io.out(format === 'csv' ? formatCsv(list) : formatJson(list, values.db))
        const note = hiddenNote(list.hiddenDismissed)
        if (note) io.err(`cnreport findings: ${note}\n`)
      }
      return 0
    } finally {
      db.close()
    }
  },
}

function oneOf<T extends string>(option: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`${option} must be one of ${allowed.join(', ')}, not '${value}'`)
  return value as T
}

/** Repeated and comma-separated values, each checked. */
function listOf<T extends string>(option: string, values: readonly string[], allowed: readonly T[]): T[] {
  return values.flatMap((v) => v.split(',')).map((v) => oneOf(option, v.trim(), allowed))
}

/** undefined: the default (not dismissed); `all` stands for every status. */
function statusesOf(values: readonly string[]): FindingStatus[] | undefined {
  if (values.length === 0) return undefined
  const list = listOf('--status', values, [...FINDING_STATUSES, 'all'] as const)
  return list.includes('all') ? [...FINDING_STATUSES] : (list as FindingStatus[])
}
