import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { main } from '../../src/cli-main.js'
import type { CommandIO } from '../../src/commands/command.js'
import { evalCommand, makeEvalCommand } from '../../src/commands/eval.js'
import { analyzeTinyReport } from '../eval/fixture-analyzer.js'

const fixtures = join(import.meta.dirname, '../fixtures/eval')
const gold = join(fixtures, 'gold')
const corpus = join(fixtures, 'corpus')

function memoryIO(): CommandIO & { stdout: string; stderr: string } {
  const io = { stdout: '', stderr: '', isTTY: false, out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) }
  return io
}

describe('cnreport eval', () => {
  it('exits 1 naming the directory when the gold dir is missing', async () => {
    const io = memoryIO()
    const missing = join(fixtures, 'no-such-gold')
    expect(await main(['eval', '--gold', missing, '--corpus', corpus], io)).toBe(1)
    expect(io.stderr).toBe(`cnreport eval: ${missing}: gold directory not found (--gold)\n`)
    expect(io.stdout).toBe('')
  })

  it('exits 1 naming the file when a gold file is malformed', async () => {
    const io = memoryIO()
    expect(await main(['eval', '--gold', join(fixtures, 'gold-malformed'), '--corpus', corpus], io)).toBe(1)
    expect(io.stderr).toMatch(/^cnreport eval: .*figure-value-is-string\.json: malformed gold file: figures\[0\]\.value: /)
  })

  it('exits 1 when no gold file names a seed in the corpus', async () => {
    const io = memoryIO()
    expect(await main(['eval', '--gold', gold, '--corpus', join(fixtures, 'gold-malformed')], io)).toBe(1)
    expect(io.stderr).toMatch(/none of the 2 gold files names a seed present in/)
  })

  it('is a usage error (exit 2) without --gold, and has a --help', async () => {
    const io = memoryIO()
    expect(await main(['eval'], io)).toBe(2)
    expect(io.stderr).toMatch(/^cnreport eval: --gold <dir> is required\nRun 'cnreport eval --help' for usage\.\n$/)
    const help = memoryIO()
    expect(await main(['eval', '--help'], help)).toBe(0)
    expect(help.stdout).toMatch(/^Usage: cnreport eval --gold <dir>/)
    expect(help.stdout).toMatch(/Exit codes: 0/)
    // The label rule and the record's rounding are part of the contract of the numbers.
    expect(help.stdout).toMatch(/character-bigram Dice\s+coefficient is at least 0\.5/)
    expect(help.stdout).toMatch(/612\.45 in 万元 → ± 50 元/)
    expect(help.stdout).toMatch(/cover at least min\(2, relation lines, finding lines\)/)
  })

  it('prints the table, and the skipped gold file on stderr', async () => {
    const io = memoryIO()
    expect(await makeEvalCommand(analyzeTinyReport).run(['--gold', gold, '--corpus', corpus], io)).toBe(0)
    const rows = io.stdout.trimEnd().split('\n')
    expect(rows).toHaveLength(5)
    expect(rows[2]!.split(/\s+/)).toEqual(['tiny-report', '71.4%', '66.7%', '5/7', '4/6', '1', '83.3%', '83.3%', '5/6', '5/6', '80.0%', '0/1', '0/1', '0/0', '0/0', '0/0', '0.0%', '80.0%', '3/5', '60.0%', '1', '50.0%', '1/2', '25.0%', '1/4', '1'])
    expect(rows[4]).toMatch(/^overall \(1 doc\) /)
    expect(io.stderr).toMatch(/^cnreport eval: skipped .*orphan-seed\.json: seed not in /)
  })

  it('adds the per-document lists with --verbose', async () => {
    const io = memoryIO()
    await makeEvalCommand(analyzeTinyReport).run(['--gold', gold, '--corpus', corpus, '-v'], io)
    expect(io.stdout).toContain('\n== tiny-report.txt  (gold ')
    expect(io.stdout).toContain('\n  missed  6:12  12人  count\n')
    expect(io.stdout).toContain('\nlabels: 4/5 agree; 0 differ, 1 unlabelled\n  label≠  6:17  四个  gold 评价方面数; ours (none)\n')
    expect(io.stdout).toContain('\n  missing  staffing.actual  gold 12人 at 6 (在职人员12人); ours none\n')
    expect(io.stdout).toMatch(/\nfindings: 1\/2 targets found; .*\n  MISSED  staffing_restated  restated  L6  \| /)
  })

  it('prints one JSON object with --json', async () => {
    const io = memoryIO()
    await makeEvalCommand(analyzeTinyReport).run(['--gold', gold, '--corpus', corpus, '--json'], io)
    const json = JSON.parse(io.stdout) as {
      overall: { documents: number; figures: { recall: number }; sections: { levelAccuracy: number }; labels: { accuracy: number }; record: { right: number; accuracy: number } }
      documents: Array<{ file: string; figures: { valueMismatchPairs: unknown[]; missed: Array<{ text: string }> }; record: { checks: Array<{ field: string; status: string }> } }>
      skipped: Array<{ file: string }>
    }
    expect(json.overall.documents).toBe(1)
    expect(json.overall.figures.recall).toBeCloseTo(4 / 6)
    expect(json.overall.sections.levelAccuracy).toBe(0.8)
    expect(json.overall.labels.accuracy).toBe(0.8)
    expect(json.overall.record).toMatchObject({ right: 3, accuracy: 0.6 })
    expect(json.documents[0]!.record.checks.find((c) => c.field === 'income.fiscal')?.status).toBe('value')
    expect(json.documents[0]!.figures.missed.map((m) => m.text)).toEqual(['12人'])
    expect(json.documents[0]!.figures.valueMismatchPairs).toHaveLength(1)
    expect(json.skipped.map((s) => s.file)).toEqual(['not-in-corpus.txt'])
  })

  it('exits 1, still printing the scores, when a report cannot be analysed', async () => {
    const io = memoryIO()
    const failing = makeEvalCommand(() => Promise.reject(new Error('unreadable')))
    expect(await failing.run(['--gold', gold, '--corpus', corpus], io)).toBe(1)
    expect(io.stdout).toMatch(/\ntiny-report \(failed\) +— +0\.0% +0\/0 +0\/6 /)
    expect(io.stderr).toContain('cnreport eval: tiny-report.txt: analysis failed: unreadable\n')
  })

  it('runs the real pipeline on the fixture corpus', async () => {
    const io = memoryIO()
    expect(await evalCommand.run(['--gold', gold, '--corpus', corpus, '--json'], io)).toBe(0)
    const json = JSON.parse(io.stdout) as {
      overall: { figures: { gold: number; recallHits: number; predicted: number; precisionHits: number }; sections: { gold: number }; record: { gold: number }; findings: Record<string, number> }
      documents: Array<{ error?: string; warnings: string[] }>
    }
    expect(json.documents[0]!.error).toBeUndefined()
    // The gold is fixed; what the extractors find changes as they are built.
    expect(json.overall.figures.gold).toBe(6)
    expect(json.overall.sections.gold).toBe(6)
    expect(json.overall.record.gold).toBe(5)
    expect(json.overall.findings).toMatchObject({ evaluated: 1, relations: 4, targets: 2 })
    expect(json.overall.figures.recallHits).toBeLessThanOrEqual(6)
    expect(json.overall.figures.precisionHits).toBeLessThanOrEqual(json.overall.figures.predicted)
    expect(json.documents[0]!.warnings).toEqual([])
  })
})
