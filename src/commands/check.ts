/** `cnreport check [--db <file>] [--rule <id>]…`: recompute the cross-document findings of a database. */
import { parseArgs } from 'node:util'
import { InputError } from '../result.js'
import type { Db } from '../store/db.js'
import { rebuildParkedIndexes } from '../pipeline-indexes.js'
import { DEFAULT_CONFIG, loadConfig, type ValidationConfig } from '../validate/config.js'
import { CROSS_RULE_IDS } from '../validate/cross/index.js'
import { checkAcrossDocuments, type CrossCheckSummary } from '../validate/cross/run.js'
import { RULE_IDS } from '../validate/rules/index.js'
import { type Command, type CommandIO, UsageError } from './command.js'
import { openExistingDatabase } from './existing-db.js'
import { DEFAULT_DB } from './ingest.js'
import { PROFILES } from './rule-config.js'
import { counted } from '../counted.js'

export const checkCommand: Command = {
  name: 'check',
  help: `Usage: cnreport check [--db <file>] [--rule <id>]... [--config <file>]
                      [--profile default|strict] [--json]

Compares the stored reports with each other and stores what disagrees as
findings, listed by 'cnreport findings' and reviewed with 'cnreport review'
like any other:

  prior-year-mismatch        this year's 上年 figure (上年“三公”经费, 上年结转 …)
                             against last year's report of the same department
  duplicate-filing-mismatch  one report stored from several files (DOCX and
                             PDF, two downloads) whose records disagree
  peer-outlier               a rate (执行率, 控制率) far outside those of the
                             county's other departments, or of departments of
                             the same kind, in the same year

'cnreport ingest' runs these checks for the departments, counties and years
each batch touches; 'check' recomputes every one of them (after deleting the
old ones, in one transaction), e.g. after changing their configuration.
Departments are matched by name without places plus region code; years by the
fiscal year each report states.

Options:
  --db <file>       Database to check. Default: ${DEFAULT_DB}. It must exist.
  --rule <id>       Recompute only this rule's findings (repeatable); the
                    others stay as stored. Known: ${CROSS_RULE_IDS.join(', ')}.
  --config <file>   Rule configuration, the same JSON as for ingest:
                    {"profile": …, "rules": {"peer-outlier": ["info",
                    {"minPeers": 8}], "prior-year-mismatch": "off"}}.
  --profile <p>     default or strict; overrides the file's profile.
  --json            Print the summary as one JSON object: {database,
                    documents, findings, elapsedMs, rules: [{ruleId,
                    subjects, findings, ms}], diagnostics}.
  -h, --help        Show this help.

Exit codes: 0 checked, 1 the database is missing or a rule failed, 2 usage
error.

Examples:
  cnreport check --db reports.db
  cnreport check --rule peer-outlier --config quiet.json`,

  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      options: {
        db: { type: 'string', default: DEFAULT_DB },
        rule: { type: 'string', multiple: true, default: [] },
        config: { type: 'string' },
        profile: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
      allowPositionals: true,
    })
    if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`)
    const only = values.rule.flatMap((r) => r.split(',')).map((r) => r.trim()).filter((r) => r !== '')
    for (const r of only) if (!CROSS_RULE_IDS.includes(r)) throw new UsageError(`--rule '${r}' is not a cross-document rule (known: ${CROSS_RULE_IDS.join(', ')})`)
    const config = configFrom(values.config, values.profile)

    const db = openExistingDatabase(values.db, 'check', io)
    if (!db) return 1
    let summary: CrossCheckSummary
    try {
      rebuildLeftIndexes(db, io)
      summary = checkAcrossDocuments(db, 'all', { config, ...(only.length > 0 ? { only } : {}) })
    } finally {
      db.close()
    }
    for (const d of summary.diagnostics) io.err(`cnreport check: ${d.message}\n`)
    io.out(values.json ? JSON.stringify({ database: values.db, ...summary }) + '\n' : formatCheck(summary, values.db))
    return summary.diagnostics.length > 0 ? 1 : 0
  },
}

/** Rebuilds the indexes a killed bulk ingest left dropped: the checks query by field. */
function rebuildLeftIndexes(db: Db, io: CommandIO): void {
  const rebuild = rebuildParkedIndexes(db)
  if (rebuild === null) return
  if (rebuild.error !== undefined) io.err(`cnreport check: warning: ${rebuild.error}\n`)
  else io.err(`cnreport check: rebuilt ${counted(rebuild.rebuilt.length, 'index', 'indexes')} an interrupted ingest had dropped\n`)
}

/** The per-document rules' configuration file, which may also configure the cross-document rules. */
function configFrom(file: string | undefined, profile: string | undefined): ValidationConfig {
  let config = DEFAULT_CONFIG
  if (file !== undefined) {
    if (file.trim() === '') throw new UsageError('--config needs a file name')
    try {
      config = loadConfig(file, [...RULE_IDS, ...CROSS_RULE_IDS])
    } catch (error) {
      if (error instanceof InputError) throw new UsageError(error.message)
      throw error
    }
  }
  if (profile !== undefined) {
    if (!(PROFILES as readonly string[]).includes(profile)) throw new UsageError(`--profile must be one of ${PROFILES.join(', ')}, not '${profile}'`)
    config = { ...config, profile: profile as ValidationConfig['profile'] }
  }
  return config
}

export function formatCheck(s: CrossCheckSummary, database: string): string {
  const lines = [`checked ${counted(s.documents, 'document')} in ${database} in ${(s.elapsedMs / 1000).toFixed(2)} s: ${counted(s.findings, 'finding')}`]
  for (const r of s.rules) lines.push(`  ${r.ruleId.padEnd(26)} ${String(r.findings).padStart(5)}  (${counted(r.subjects, 'document')} checked, ${Math.round(r.ms)} ms)`)
  if (s.findings > 0) lines.push(`List them with 'cnreport findings --db ${database} --rule <id>'.`)
  return lines.join('\n') + '\n'
}
