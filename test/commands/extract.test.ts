import { randomBytes } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { main } from '../../src/cli-main.js'
import { ExtractResultSchema } from '../../src/contract.js'
import { tempDir } from '../store/temp-db.js'

function capture() {
  const io = { stdout: '', stderr: '', isTTY: false, out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) }
  return io
}

const SEED = resolve('corpus/000_5799300e2c9f984a.txt')

describe('cnreport extract', () => {
  it('prints the JSON contract with --json', async () => {
    const io = capture()
    expect(await main(['extract', SEED, '--json'], io)).toBe(0)
    const result = ExtractResultSchema.parse(JSON.parse(io.stdout))
    expect(result.text).toBe(readFileSync(SEED, 'utf8'))
    expect(result.document.path).toBe(SEED)
    expect(result.record['income.total']).toMatchObject({ value: 33950600, unit: '元', line: 50 })
    expect(result.findings).toEqual([])
    const income = result.figures.find((f) => f.raw === '3395.06万元')
    expect(income).toMatchObject({ kind: 'money', value: 3395.06, decimals: 2, unit: '万元', yuan: 33950600, line: 50, label: '收入总计' })
  })

  it('prints a short summary without --json', async () => {
    const io = capture()
    expect(await main(['extract', SEED], io)).toBe(0)
    expect(io.stdout).toMatch(/^.*000_5799300e2c9f984a\.txt  \(txt, sha256 [0-9a-f]{12}\)\n/)
    expect(io.stdout).toMatch(/figures +\d+ \(money \d+, percent \d+, count \d+/)
    expect(io.stdout).toMatch(/sections +48\n/)
  })

  it.each([
    ['empty.txt', Buffer.alloc(0), /empty\.txt: the file is empty \(0 bytes\)/],
    ['random.txt', randomBytes(4096), /random\.txt: the file is .*binary/],
  ])('names the file and says what is wrong with %s', async (name, bytes, message) => {
    const path = join(tempDir(), name)
    writeFileSync(path, bytes)
    const io = capture()
    expect(await main(['extract', path], io)).toBe(1)
    expect(io.stderr).toMatch(message)
    expect(io.stdout).toBe('')
  })

  it('treats a missing file argument as a usage error', async () => {
    const io = capture()
    expect(await main(['extract'], io)).toBe(2)
    expect(io.stderr).toMatch(/exactly one file/)
  })

  it('explains itself with --help', async () => {
    const io = capture()
    expect(await main(['extract', '--help'], io)).toBe(0)
    expect(io.stdout).toMatch(/Usage: cnreport extract <file> \[--json\]/)
  })
})
