/**
 * `--scale N`: does ingest's memory grow with the number of documents? N TXT copies of the
 * corpus ingested with 2 workers in one child process, its memory read from /proc (Linux):
 * VmRSS every 250 ms (worker threads live in the same process, so nothing is summed) and
 * VmHWM — the peak so far — the moment 10 %, 50 % and 100 % of the documents are done.
 *
 * A pipeline whose memory is bounded reaches its plateau early: the peak at 100 % is then the
 * peak at 50 %, although twice as many documents went through; memory held per document
 * would grow the peak by as much in the second half as in the first. The verdict compares
 * 50 % with 100 % (the 10 % point can still be in the warm-up: heaps growing to their working
 * size) and allows 10 % (or 32 MiB, whichever is larger) for noise — GC timing. The peak
 * after the last document (cross-document checks) is reported apart: it depends on what the
 * checks hold, not on the stream of documents.
 */
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { copiesFor, corpusSeeds, writeCopies } from './copies.mjs'
import { ingestRun } from './ingest.mjs'

/** Workers of the scale run (the bar is for 2). */
export const SCALE_WORKERS = 2
const SAMPLE_MS = 250
/** At most this many VmRSS samples kept in the JSON (evenly thinned). */
const KEEP_SAMPLES = 400

export async function runScale(options, tmp, log) {
  const seeds = await corpusSeeds('txt')
  const copies = copiesFor(options.scale, seeds.length)
  const dir = join(tmp, 'scale')
  log(`scale: writing ${seeds.length * copies} TXT copies`)
  const files = await writeCopies(dir, seeds, copies)
  log(`scale: ingesting ${files.length} documents with ${SCALE_WORKERS} workers, RSS sampled every ${SAMPLE_MS} ms`)
  const run = await ingestRun('txt', SCALE_WORKERS, dir, files.length, tmp, options, { sampleMs: SAMPLE_MS, keepSamples: true })
  await rm(dir, { recursive: true, force: true })
  const samples = run.samples ?? []
  return { ...run, workers: SCALE_WORKERS, growth: growthOf(run.milestones), windows: windowsOf(samples, files.length), samples: thin(samples) }
}

/** Peak at 100 % of the documents against the peak at 50 %. */
export function growthOf(milestones) {
  const at = (f) => milestones.find((m) => m.at === f)?.hwmBytes
  const first = at(0.5)
  const last = at(1)
  if (!Number.isFinite(first) || !Number.isFinite(last)) return undefined
  const bytes = last - first
  return { bytes, share: bytes / first, grows: bytes > Math.max(0.1 * first, 32 * 2 ** 20) }
}

/**
 * Highest VmRSS sampled while the documents done were in each stretch of the run, and after
 * the last one: a leak shows as each stretch peaking higher than the one before.
 */
export function windowsOf(samples, docs) {
  const stretches = [
    { label: '0–10 %', from: 0, to: 0.1 * docs },
    { label: '10–50 %', from: 0.1 * docs, to: 0.5 * docs },
    { label: '50–100 %', from: 0.5 * docs, to: docs },
    { label: 'after last', from: docs, to: Infinity },
  ]
  return stretches.map(({ label, from, to }) => {
    const own = samples.filter((s) => s.done >= from && (s.done < to || to === Infinity) && Number.isFinite(s.rssBytes))
    return { label, samples: own.length, maxRssBytes: own.length ? Math.max(...own.map((s) => s.rssBytes)) : undefined }
  })
}

function thin(samples) {
  if (samples.length <= KEEP_SAMPLES) return samples
  const step = samples.length / KEEP_SAMPLES
  return Array.from({ length: KEEP_SAMPLES }, (_, i) => samples[Math.floor(i * step)])
}
