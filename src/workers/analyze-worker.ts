/**
 * Entry of an ingest worker thread (run by piscina, see pipeline-pool.ts): bytes in, an
 * ExtractReply out. Each worker imports the analysis modules once; pdf.js and the jieba
 * dictionary (≈1 s, ≈250 MB) load on the first file that needs them and stay for the
 * worker's life, which is the whole batch unless the worker is stopped after a timeout.
 */
import { parentPort } from 'node:worker_threads'
import { analyzeBytes } from '../analyze.js'
import { replyOf, type ExtractReply } from '../pipeline-extract.js'
import { STARTED, type AnalyzeTask } from './protocol.js'

export type { AnalyzeTask } from './protocol.js'

/**
 * Tells the pool this task is now running here. The timeout counts from this moment, not
 * from when the task was queued: a task waiting for a replacement worker to boot has not
 * used any of its time.
 */
export function announceStart(task: AnalyzeTask): void {
  parentPort?.postMessage({ [STARTED]: task.id })
}

/** Analyses the task's bytes in this thread. */
export function runTask(task: AnalyzeTask): Promise<ExtractReply> {
  // Readers expect what readFile gives in-process: a Buffer over the (transferred) bytes.
  const bytes = Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength)
  const options = task.validation ? { validation: task.validation } : {}
  return replyOf((b, p) => analyzeBytes(b, p, options), bytes, task.path)
}

export default function analyzeTask(task: AnalyzeTask): Promise<ExtractReply> {
  announceStart(task)
  return runTask(task)
}
