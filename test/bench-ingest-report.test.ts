import { describe, expect, it } from 'vitest'
import { cpuCeiling, ingestBars, ingestLines } from '../bench/ingest-report.mjs'

/** A run as benchIngest reports it, with only what the bars read. */
const run = (workers: number, docsPerSec: number, cpuMs: number) => ({
  workers,
  ingest: { docsPerSec, cpuMs, failed: 0, maxRssBytes: 300 * 2 ** 20 },
  raw: { docsPerSec: docsPerSec * 10, cpuMs: cpuMs / 10 },
  ratio: 0.1,
})

describe('bench: what bounds the TXT bar', () => {
  it('divides the cores by the cheaper run’s CPU per document', () => {
    // 1,000 documents: 20 s of CPU with 1 worker is 20 ms each, so 2 cores give at most 100 docs/s.
    const line = cpuCeiling({ format: 'txt', docs: 1000, runs: [run(1, 70, 20_000), run(2, 68, 25_000)] }, 2, 300)
    expect(line).toBe('CPU ms per document, all threads, start to exit: 20.0 (1 worker), 25.0 (2 workers) → at most 100 docs/s on 2 cores; 300 docs/s needs ≤ 6.7 CPU ms per document')
  })

  it('leaves out runs that failed or did not measure their CPU, and says nothing without any', () => {
    const failed = { workers: 2, ingest: { error: 'spawn failed' }, raw: {} }
    expect(cpuCeiling({ docs: 10, runs: [run(1, 5, 400), failed] }, 4, 300)).toContain('40.0 (1 worker) → at most 100 docs/s on 4 cores')
    expect(cpuCeiling({ docs: 10, runs: [failed] }, 2, 300)).toBeUndefined()
    expect(cpuCeiling(undefined, 2, 300)).toBeUndefined()
  })

  it('prints the bound under the TXT bar and the raw pool’s speed-up under the PDF one', () => {
    const ingest = {
      formats: [
        { format: 'txt', docs: 1000, runs: [run(1, 70, 20_000), run(2, 68, 25_000)] },
        { format: 'pdf', docs: 60, runs: [run(1, 5, 20_000), run(2, 6, 24_000)] },
      ],
      speedups: [{ format: 'pdf', from: 1, to: 2, ingest: 1.2, raw: 1.45 }],
    }
    const bars = ingestBars(ingest, 2)
    const txt = bars.find((b) => b.bar.startsWith('TXT'))
    expect(txt).toMatchObject({ ok: false, number: 68, context: [expect.stringContaining('at most 100 docs/s on 2 cores')] })
    expect(bars.find((b) => b.bar.startsWith('PDF 2 workers'))?.context).toEqual(['the raw pdf-parse pool on the same files: 1.45×'])
    const lines = ingestLines(ingest, bars)
    const at = lines.findIndex((l) => l.includes('TXT ≥ 300 docs/s'))
    expect(lines[at]).toBe('  BELOW TXT ≥ 300 docs/s end to end, 2 workers: 68.0 docs/s')
    expect(lines[at + 1]).toMatch(/^ {8}CPU ms per document/)
  })
})
