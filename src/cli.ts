#!/usr/bin/env node
/**
 * The `cnreport` executable. It decides first, before loading any command, whether the
 * command runs in a child node with other runtime options (relaunch.ts: an ingest's V8
 * thread pool); otherwise it loads the command line (cli-main.ts) and runs it here.
 */
import { realpathSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { exitWithParent, relaunchIfUseful } from './relaunch.js'

const invokedDirectly = process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)
if (invokedDirectly) {
  // `cnreport findings --format csv | head`: the reader closing the pipe ends the output, as
  // for any Unix filter — quietly, not with an unhandled EPIPE stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error
    process.exit(0)
  })
  const argv = process.argv.slice(2)
  exitWithParent()
  relaunchIfUseful(process.argv[1]!, argv)
    .then(async (relaunched) => {
      if (relaunched) return
      const { main } = await import('./cli-main.js')
      process.exitCode = await main(argv)
    })
    .catch((error: unknown) => {
      process.stderr.write(`cnreport: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
      process.exitCode = 70
    })
}
