/** STUB — `cnreport eval`, owned by the eval work. */
import type { Command } from './command.js'

export const evalCommand: Command = {
  name: 'eval',
  summary: '(not yet built)',
  help: 'Usage: cnreport eval (not yet built)',
  async run(_argv, io) {
    io.err('cnreport eval: not yet built\n')
    return 1
  },
}
