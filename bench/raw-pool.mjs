/**
 * The raw-library baseline of the ingest section, run as a child process like the ingest it
 * is compared with: `node bench/raw-pool.mjs <format> <workers> <list-file>`.
 *
 * Starts <workers> worker threads (raw-worker.mjs); each takes the next file of the list
 * (a shared atomic counter, so a slow file never holds up another worker's queue), reads it
 * from disk and runs the format's `raw` path of paths.mjs — the same calls and load options
 * as the single-thread section. Like the CLI it writes "[done/total] path" to stderr per file,
 * and at the end one JSON line to stdout: { docs, pages, failed, workers }.
 */
import { readFile } from 'node:fs/promises'
import { Worker } from 'node:worker_threads'

const [format, workersText, listFile] = process.argv.slice(2)
const workers = Number(workersText)
if (!['docx', 'pdf', 'txt'].includes(format) || !(workers >= 1) || !listFile) {
  process.stderr.write('usage: node bench/raw-pool.mjs docx|pdf|txt <workers> <list-file>\n')
  process.exit(2)
}
const files = (await readFile(listFile, 'utf8')).split('\n').filter(Boolean)
const next = new Int32Array(new SharedArrayBuffer(4))
let done = 0
const failed = []
const totals = await Promise.all(
  Array.from({ length: workers }, () => {
    const worker = new Worker(new URL('./raw-worker.mjs', import.meta.url), { workerData: { format, files, next } })
    return new Promise((resolve, reject) => {
      worker.on('message', (m) => {
        if (m.type === 'file') {
          done++
          if (m.error) failed.push({ path: m.path, reason: m.error })
          process.stderr.write(`[${done}/${files.length}] ${m.error ? 'failed' : 'read'} ${m.path}\n`)
        } else if (m.type === 'total') resolve(m)
      })
      worker.on('error', reject)
      worker.on('exit', (code) => code !== 0 && reject(new Error(`raw worker exited with ${code}`)))
    })
  }),
)
const pages = totals.reduce((sum, t) => sum + t.pages, 0)
process.stdout.write(JSON.stringify({ docs: done - failed.length, pages: format === 'pdf' ? pages : null, failed, workers }) + '\n')
