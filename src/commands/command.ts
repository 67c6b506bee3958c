/**
 * The shape of a CLI subcommand. Commands write through `io` rather than process.stdout
 * so tests can run them in-process and read what they printed.
 */
export interface CommandIO {
  out(text: string): void
  err(text: string): void
  /** True when stderr is a terminal: progress may redraw in place. */
  isTTY: boolean
}

export interface Command {
  /** As the command line names it; its one-line summary is in cli-main.ts's COMMANDS. */
  name: string
  /** Full `--help` text. */
  help: string
  /** Returns the process exit code. */
  run(argv: string[], io: CommandIO): Promise<number>
}

/** A usage mistake: printed with a pointer to --help, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError'
}

export const processIO: CommandIO = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
  isTTY: Boolean(process.stderr.isTTY),
}
