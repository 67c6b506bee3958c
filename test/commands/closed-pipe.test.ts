import { spawn } from 'node:child_process'
import { describe, expect, it } from 'vitest'

/** Runs the CLI from source, reads its first chunk of stdout, then closes the pipe as `| head -c` would. */
async function readFirstChunkAndClose(args: string[]): Promise<{ first: string; stderr: string; code: number | null }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
  let stderr = ''
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
  const first = await new Promise<string>((done) =>
    child.stdout.once('data', (d: Buffer) => {
      child.stdout.destroy()
      done(d.toString())
    }),
  )
  const code = await new Promise<number | null>((done) => child.on('close', (c) => done(c)))
  return { first, stderr: stderr.replace(/^npm warn.*\n/gm, ''), code }
}

describe('a reader that closes the pipe early', () => {
  it('ends `cnreport extract --json | head -c …` quietly with exit code 0', async () => {
    // The largest seed: its JSON is far more than one pipe buffer, so writes continue after the close.
    const { first, stderr, code } = await readFirstChunkAndClose(['extract', 'corpus/002_df2f04f55971090d.txt', '--json'])
    expect(first.startsWith('{"document":')).toBe(true)
    expect(stderr).toBe('')
    expect(code).toBe(0)
  }, 60_000)
})
