/**
 * The `cnreport` command line: dispatches to one module per subcommand. The executable is
 * cli.ts, which loads this module only when the command runs in this process.
 */
import { type Command, type CommandIO, UsageError, processIO } from './commands/command.js'
import { extractCommand } from './commands/extract.js'
import { ingestCommand } from './commands/ingest.js'
import { evalCommand } from './commands/eval.js'
import { findingsCommand } from './commands/findings.js'
import { reviewCommand } from './commands/review.js'
import { checkCommand } from './commands/check.js'
import { exportCommand } from './commands/export.js'
import { InputError } from './result.js'

const commands: Command[] = [extractCommand, ingestCommand, evalCommand, findingsCommand, reviewCommand, exportCommand, checkCommand]

const overview = () => `cnreport — figures, records and consistency checks from Chinese government reports

Usage: cnreport <command> [options]

Commands:
${commands.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`).join('\n')}

Run 'cnreport <command> --help' for a command's options.
`

export async function main(argv: string[], io: CommandIO = processIO): Promise<number> {
  const [name, ...rest] = argv
  if (!name || name === '-h' || name === '--help' || name === 'help') {
    io.out(overview())
    return name ? 0 : 2
  }
  const command = commands.find((c) => c.name === name)
  if (!command) {
    io.err(`cnreport: unknown command '${name}'\n\n${overview()}`)
    return 2
  }
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
