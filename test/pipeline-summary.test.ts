import { describe, expect, it } from 'vitest'
import type { FileOutcome } from '../src/pipeline-file.js'
import { SummaryBuilder } from '../src/pipeline-summary.js'

const outcome = (path: string, status: FileOutcome['status'], format?: FileOutcome['format'], code?: string): FileOutcome => ({
  path,
  status,
  ms: 1,
  ...(format ? { format } : {}),
  ...(code ? { code, reason: `${code} reason` } : {}),
})

describe('SummaryBuilder', () => {
  it('counts outcomes overall and by format, and lists failures in input order', () => {
    const b = new SummaryBuilder(5, 2)
    b.add(outcome('c.pdf', 'failed', 'pdf', 'pdf-corrupt'), 2)
    b.add(outcome('a.txt', 'stored', 'txt'), 0)
    b.add(outcome('d.txt', 'unchanged', 'txt'), 3)
    b.add(outcome('b.bin', 'failed', undefined, 'binary'), 1)
    b.add(outcome('e.docx', 'linked', 'docx'), 4)
    expect(b.failedCount).toBe(2)
    const s = b.finish(1234)
    expect(s).toMatchObject({ files: 5, stored: 1, unchanged: 1, linked: 1, elapsedMs: 1234, workers: 2 })
    expect(s.failed).toEqual([
      { path: 'b.bin', code: 'binary', reason: 'binary reason' },
      { path: 'c.pdf', code: 'pdf-corrupt', reason: 'pdf-corrupt reason' },
    ])
    expect(s.formats).toEqual({
      txt: { stored: 1, unchanged: 1, linked: 0, failed: 0 },
      docx: { stored: 0, unchanged: 0, linked: 1, failed: 0 },
      pdf: { stored: 0, unchanged: 0, linked: 0, failed: 1 },
      other: { stored: 0, unchanged: 0, linked: 0, failed: 1 },
    })
  })
})
