/** Types of ingest-report.mjs for test/bench-ingest-report.test.ts. */
export const BARS: { txtDocsPerSec: number; ratio: number; pdfSpeedup: number; rssBytes: number }
export interface Bar {
  bar: string
  value: string
  number?: number
  ok: boolean | undefined
  context?: string[]
}
export function ingestBars(ingest: object, cores: number): Bar[]
export function cpuCeiling(format: object | undefined, cores: number, target: number): string | undefined
export function ingestLines(ingest: object, bars: Bar[]): string[]
