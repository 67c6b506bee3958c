/**
 * The `cnreport` command line: dispatches to one module per subcommand. The executable is
 * cli.ts, which loads this module only when the command runs in this process.
 */
import { type Command, type CommandIO, UsageError, processIO } from './commands/command.js'
import { InputError } from './result.js'

/**
 * Every command: its name and one-line summary here, its module loaded only when it runs —
 * the commands share little, and an ingest should not wait for the analysis stack that
 * extract and eval import (≈ 50–70 ms before its workers can start).
 */
export const COMMANDS: ReadonlyArray<{ name: string; summary: string; load: () => Promise<Command> }> = [
  { name: 'extract', summary: 'Extract one report: sections, tables, figures, record and findings', load: async () => (await import('./commands/extract.js')).extractCommand },
  { name: 'ingest', summary: 'Extract reports (files, folders or globs) and store everything in SQLite', load: async () => (await import('./commands/ingest.js')).ingestCommand },
  { name: 'eval', summary: 'Score figures, sections, metadata, labels, the record and findings against gold annotations', load: async () => (await import('./commands/eval.js')).evalCommand },
  { name: 'findings', summary: 'List stored findings with their review status (table, CSV or JSON)', load: async () => (await import('./commands/findings.js')).findingsCommand },
  { name: 'review', summary: 'Confirm, dismiss or reopen a finding by its fingerprint', load: async () => (await import('./commands/review.js')).reviewCommand },
  { name: 'export', summary: 'Write a dashboard view as CSV or JSON Lines (see docs/schema.md)', load: async () => (await import('./commands/export.js')).exportCommand },
  { name: 'check', summary: 'Recompute cross-document findings (prior year, duplicate filings, peer outliers)', load: async () => (await import('./commands/check.js')).checkCommand },
]

const overview = () => `cnreport — figures, records and consistency checks from Chinese government reports

Usage: cnreport <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`).join('\n')}

Run 'cnreport <command> --help' for a command's options.
`

export async function main(argv: string[], io: CommandIO = processIO): Promise<number> {
  const [name, ...rest] = argv
  if (!name || name === '-h' || name === '--help' || name === 'help') {
    io.out(overview())
    return name ? 0 : 2
  }
  const entry = COMMANDS.find((c) => c.name === name)
  if (!entry) {
    io.err(`cnreport: unknown command '${name}'\n\n${overview()}`)
    return 2
  }
  const command = await entry.load()
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(command.help + '\n')
    return 0
  }
  try {
    return await command.run(rest, io)
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error)) {
      io.err(`cnreport ${name}: ${(error as Error).message}\nRun 'cnreport ${name} --help' for usage.\n`)
      return 2
    }
    if (error instanceof InputError) {
      io.err(`cnreport ${name}: ${error.message}\n`)
      return 1
    }
    throw error
  }
}

/** node:util parseArgs throws TypeErrors coded ERR_PARSE_ARGS_* for unknown or malformed options. */
function isParseArgsError(error: unknown): boolean {
  const code: unknown = (error as { code?: unknown } | null)?.code
  return error instanceof TypeError && typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')
}
