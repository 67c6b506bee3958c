/**
 * One worker thread of raw-pool.mjs: files from the shared list until it runs out, each read
 * from disk and handed to the format's raw path (paths.mjs). Reports each file as it ends,
 * then its page total.
 */
import { readFile } from 'node:fs/promises'
import { parentPort, workerData } from 'node:worker_threads'
import { benchPaths } from './paths.mjs'

const { format, files, next } = workerData
const raw = benchPaths().find((p) => p.format === format && p.role === 'raw')
let pages = 0
for (let i = Atomics.add(next, 0, 1); i < files.length; i = Atomics.add(next, 0, 1)) {
  const path = files[i]
  try {
    const bytes = new Uint8Array(await readFile(path))
    const result = await raw.run({ name: path, path, format, source: 'corpus', bytes, id: '' })
    pages += result.pages ?? 0
    parentPort.postMessage({ type: 'file', path })
  } catch (error) {
    parentPort.postMessage({ type: 'file', path, error: String(error?.message ?? error).split('\n')[0] })
  }
}
parentPort.postMessage({ type: 'total', pages })
