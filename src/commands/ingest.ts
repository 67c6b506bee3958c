/** STUB — `cnreport ingest`, owned by the ingest work. */
import type { Command } from './command.js'

export const ingestCommand: Command = {
  name: 'ingest',
  summary: '(not yet built)',
  help: 'Usage: cnreport ingest (not yet built)',
  async run(_argv, io) {
    io.err('cnreport ingest: not yet built\n')
    return 1
  },
}
