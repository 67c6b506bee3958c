/**
 * Shared setup of the findings/review CLI tests: a captured io, the synthetic reports of
 * test/fixtures/reviews copied where a test may edit them, and in-process ingest.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { expect } from 'vitest'
import { main } from '../../src/cli-main.js'
import type { CommandIO } from '../../src/commands/command.js'
import type { ListedFinding } from '../../src/store/finding-query.js'
import { tempDbPath, tempDir } from '../store/temp-db.js'

export const FIXTURES = resolve('test/fixtures/reviews')
/** One malformed number (1,031,48.00元) on line 5, and no stated relation: one malformed-number finding. */
export const ONE = 'one-finding.txt'
/** Three malformed numbers on lines 4 and 5, no stated relation: three findings, in another department and year. */
export const THREE = 'three-findings.txt'

export type Captured = CommandIO & { stdout: string; stderr: string }

export function capture(): Captured {
  const io = { stdout: '', stderr: '', isTTY: false, out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) }
  return io
}

/** Runs the CLI in-process; returns the exit code and what it printed. */
export async function cli(...argv: string[]): Promise<Captured & { code: number }> {
  const io = capture()
  const code = await main(argv, io)
  return Object.assign(io, { code })
}

/** A fresh folder with copies of the fixtures, and a database path in it (not created yet). */
export function workspace(): { dir: string; db: string; one: string; three: string } {
  const dir = tempDir()
  for (const name of [ONE, THREE]) copyFileSync(join(FIXTURES, name), join(dir, name))
  return { dir, db: tempDbPath(), one: join(dir, ONE), three: join(dir, THREE) }
}

/** Replaces `from` by `to` in a file, failing the test if `from` is not there. */
export function edit(file: string, from: string, to: string): void {
  const text = readFileSync(file, 'utf8')
  expect(text).toContain(from)
  writeFileSync(file, text.replace(from, to))
}

/** Ingests `paths` into `db`, expecting success. */
export async function ingestInto(db: string, ...args: string[]): Promise<void> {
  const run = await cli('ingest', ...args, '--db', db)
  expect(run.stderr).not.toMatch(/failed/)
  expect(run.code).toBe(0)
}

/** `findings --format json` parsed. */
export async function findingsJson(db: string, ...args: string[]): Promise<{ database: string; count: number; hiddenDismissed: number; findings: ListedFinding[] }> {
  const run = await cli('findings', '--db', db, '--format', 'json', ...args)
  expect(run.code).toBe(0)
  return JSON.parse(run.stdout)
}
