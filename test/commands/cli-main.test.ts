import { describe, expect, it } from 'vitest'
import { COMMANDS, main } from '../../src/cli-main.js'

describe('the command table', () => {
  it('names each command as its module does, and lists every one with its summary', async () => {
    let out = ''
    const io = { out: (t: string) => void (out += t), err: () => undefined, isTTY: false }
    expect(await main(['--help'], io)).toBe(0)
    for (const entry of COMMANDS) {
      expect((await entry.load()).name).toBe(entry.name)
      expect(out).toContain(`  ${entry.name.padEnd(10)} ${entry.summary}`)
    }
    expect(new Set(COMMANDS.map((c) => c.name)).size).toBe(COMMANDS.length)
  })
})
