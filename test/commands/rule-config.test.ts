import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ruleConfigFrom } from '../../src/commands/rule-config.js'
import { tempDbPath, tempDir } from '../store/temp-db.js'
import { cli, FIXTURES, findingsJson, ONE } from './review-setup.js'

const REPORT = join(FIXTURES, ONE)

/** A config file with `content` (JSON text as given). */
function configFile(content: string, name = 'rules.json'): string {
  const file = join(tempDir(), name)
  writeFileSync(file, content)
  return file
}

async function severities(...args: string[]): Promise<string[]> {
  const run = await cli('extract', REPORT, '--json', ...args)
  expect(run.code).toBe(0)
  return (JSON.parse(run.stdout) as { findings: Array<{ severity: string }> }).findings.map((f) => f.severity)
}

describe('extract and ingest --config / --profile', () => {
  it('extract: --profile strict raises the rule one step; a config file sets severity or turns a rule off', async () => {
    expect(await severities()).toEqual(['warning'])
    expect(await severities('--profile', 'strict')).toEqual(['error'])
    expect(await severities('--profile', 'default')).toEqual(['warning'])
    expect(await severities('--config', configFile('{"rules": {"malformed-number": "info"}}'))).toEqual(['info'])
    expect(await severities('--config', configFile('{"rules": {"malformed-number": "off"}}'))).toEqual([])
    expect(await severities('--config', configFile('{"profile": "strict"}'))).toEqual(['error'])
    // --profile overrides the file's profile; a rule's explicit severity overrides both.
    expect(await severities('--config', configFile('{"profile": "strict"}'), '--profile', 'default')).toEqual(['warning'])
    expect(await severities('--config', configFile('{"rules": {"malformed-number": "info"}}'), '--profile', 'strict')).toEqual(['info'])
  })

  it('ingest stores findings at the configured severity', async () => {
    const db = tempDbPath()
    expect((await cli('ingest', REPORT, '--db', db, '--profile', 'strict')).code).toBe(0)
    expect((await findingsJson(db)).findings.map((f) => f.severity)).toEqual(['error'])
  })

  it('an invalid config is a usage error (exit 2) naming the file and the problem', async () => {
    const cases: Array<[string, RegExp]> = [
      [configFile('{"rules": {', 'truncated.json'), /truncated\.json: cannot read the rule configuration: .*JSON/],
      [configFile('{"rules": {"no-such-rule": "error"}}', 'typo.json'), /typo\.json: unknown rule id 'no-such-rule'; known: .*malformed-number/],
      [configFile('{"profile": "lenient"}', 'profile.json'), /profile\.json: invalid rule configuration at profile: /],
      [configFile('{"rules": {"malformed-number": "loud"}}', 'level.json'), /level\.json: invalid rule configuration at rules\.malformed-number: /],
      [join(tempDir(), 'missing.json'), /missing\.json: cannot read the rule configuration: ENOENT/],
    ]
    for (const [file, message] of cases) {
      const extract = await cli('extract', REPORT, '--config', file)
      expect(extract.code).toBe(2)
      expect(extract.stderr).toMatch(new RegExp(`^cnreport extract: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `))
      expect(extract.stderr).toMatch(message)
      expect(extract.stdout).toBe('')
      const db = tempDbPath()
      const ingest = await cli('ingest', REPORT, '--db', db, '--config', file)
      expect(ingest.code).toBe(2)
      expect(ingest.stderr).toMatch(message)
      expect(existsSync(db)).toBe(false) // refused before anything was written
    }
  })

  it('an unknown --profile or an empty --config is a usage error', async () => {
    const profile = await cli('extract', REPORT, '--profile', 'paranoid')
    expect(profile.code).toBe(2)
    expect(profile.stderr).toMatch(/--profile must be one of default, strict, not 'paranoid'/)
    expect((await cli('ingest', REPORT, '--db', tempDbPath(), '--config', '')).stderr).toMatch(/--config needs a file name/)
  })

  it('ruleConfigFrom gives the default configuration when neither option is given', async () => {
    expect(await ruleConfigFrom({})).toEqual({ profile: 'default', rules: {} })
    expect(await ruleConfigFrom({ profile: 'strict' })).toEqual({ profile: 'strict', rules: {} })
  })

  it('--help of extract and ingest documents both options', async () => {
    for (const command of ['extract', 'ingest']) {
      const help = (await cli(command, '--help')).stdout
      expect(help).toContain('--config <file>')
      expect(help).toMatch(/--profile <p> +default \(each rule's own severity\) or strict/)
    }
  })
})

describe('ingest with a rule configuration and already-stored files', () => {
  it('says that stored files keep their findings unless --force re-checks them', async () => {
    const db = tempDbPath()
    expect((await cli('ingest', REPORT, '--db', db)).code).toBe(0)
    const again = await cli('ingest', REPORT, '--db', db, '--profile', 'strict')
    expect(again.code).toBe(0)
    expect(again.stderr).toMatch(/note: 1 already-stored file was not checked again under this rule configuration; add --force to re-check them\n$/)
    expect((await findingsJson(db)).findings.map((f) => f.severity)).toEqual(['warning'])
    const forced = await cli('ingest', REPORT, '--db', db, '--profile', 'strict', '--force')
    expect(forced.stderr).not.toMatch(/note:/)
    expect((await findingsJson(db)).findings.map((f) => f.severity)).toEqual(['error'])
  })
})
