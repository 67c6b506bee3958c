import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { evaluateCorpus } from '../../src/eval/run.js'
import { analyzeTinyReport } from './fixture-analyzer.js'

const fixtures = join(import.meta.dirname, '../fixtures/eval')
const options = { goldDir: join(fixtures, 'gold'), corpusDir: join(fixtures, 'corpus'), analyze: analyzeTinyReport }

describe('evaluateCorpus', () => {
  it('scores each gold file whose seed is in the corpus and skips the others', async () => {
    const report = await evaluateCorpus(options)
    expect(report.documents.map((d) => d.file)).toEqual(['tiny-report.txt'])
    expect(report.skipped).toEqual([{ goldPath: join(fixtures, 'gold', 'orphan-seed.json'), file: 'not-in-corpus.txt', reason: `seed not in ${options.corpusDir}` }])
    const d = report.documents[0]!
    expect(d.corpusPath).toBe(join(fixtures, 'corpus', 'tiny-report.txt'))
    expect(d.warnings).toEqual([])
    expect(d.figures).toMatchObject({ gold: 6, predicted: 7, recallHits: 4, precisionHits: 5, valueMismatches: 1, misalignedGold: 0 })
    expect(d.figures.missed.map((m) => m.text)).toEqual(['12人'])
    expect(d.figures.falsePositives.map((m) => m.text)).toEqual(['2023'])
    expect(d.sections).toMatchObject({ gold: 6, predicted: 6, matched: 5, levelCorrect: 4 })
    expect(report.overall).toEqual({
      documents: 1,
      figures: { gold: 6, predicted: 7, recallHits: 4, precisionHits: 5, valueMismatches: 1, kindMismatches: 0, misalignedGold: 0 },
      sections: { gold: 6, predicted: 6, matched: 5, levelCorrect: 4 },
      metadata: {
        evaluated: { department: 1, fiscalYear: 1, kind: 0, selfScore: 0, region: 0 },
        correct: { department: 0, fiscalYear: 0, kind: 0, selfScore: 0, region: 0 },
      },
      labels: { evaluated: 5, agree: 4, unlabelled: 1, noGoldLabel: 0 },
      record: { gold: 5, right: 3, lineUnlisted: 0, wrongValue: 1, missing: 1, goldEmpty: 2, extra: 1, alternativesGold: 0, alternativesFound: 0 },
      findings: { evaluated: 1, relations: 4, targets: 2, found: 1, loud: 4, confirmed: 2, falseAlarms: 1, unmatched: 1, minor: 1, minorShared: 0, info: 1 },
    })
    expect(d.findings.missed.map((r) => r.id)).toEqual(['staffing_restated'])
    expect(d.findings.foundBy).toEqual([{ id: 'execution_rate_vs_spending', rules: ['ratio-mismatch'] }])
  })

  it('counts a document whose analysis throws as nothing found, and keeps the error', async () => {
    const report = await evaluateCorpus({ ...options, analyze: () => Promise.reject(new Error('boom')) })
    const d = report.documents[0]!
    expect(d.error).toBe('boom')
    expect(d.figures).toMatchObject({ gold: 6, recallHits: 0, predicted: 0 })
    expect(report.overall.sections).toEqual({ gold: 6, predicted: 0, matched: 0, levelCorrect: 0 })
    // Nothing paired, so no label is judged; every field the gold fills is missing.
    expect(report.overall.labels).toEqual({ evaluated: 0, agree: 0, unlabelled: 0, noGoldLabel: 0 })
    expect(report.overall.record).toMatchObject({ gold: 5, right: 0, missing: 5, goldEmpty: 2, extra: 0 })
    // No findings: both targets missed, nothing loud to be a false alarm.
    expect(report.overall.findings).toMatchObject({ targets: 2, found: 0, loud: 0, falseAlarms: 0, info: 0 })
  })

  it('warns when our result breaks the contract', async () => {
    const report = await evaluateCorpus({
      ...options,
      analyze: async (p) => {
        const r = await analyzeTinyReport(p)
        return { ...r, figures: r.figures.map((f, i) => (i === 0 ? { ...f, raw: 'x' } : f)) }
      },
    })
    expect(report.documents[0]!.warnings).toEqual([expect.stringMatching(/^our result breaks the JSON contract \(1 issues; first: figures\.0\.raw: figure f1 raw/)])
  })

  it('fails when no gold file names a seed in the corpus, or --doc selects none', async () => {
    await expect(evaluateCorpus({ ...options, corpusDir: join(fixtures, 'gold') })).rejects.toThrow(
      /none of the 2 gold files names a seed present in .*gold \(looked for not-in-corpus\.txt, tiny-report\.txt\)/,
    )
    await expect(evaluateCorpus({ ...options, only: ['zzz'] })).rejects.toThrow(/and selected by --doc/)
    await expect(evaluateCorpus({ ...options, corpusDir: join(fixtures, 'nowhere') })).rejects.toThrow(/nowhere: corpus directory not found/)
  })
})
