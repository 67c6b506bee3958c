/**
 * Worker entry used only when cnreport runs from its TypeScript sources (vitest, or
 * `node --import tsx src/cli.ts`); dist/ runs dist/workers/analyze-worker.js directly.
 *
 * Node 20 does not carry the parent's `--import tsx` into a worker thread's ESM loader:
 * static imports of .ts files happen to load through tsx's require hook, but a dynamic
 * `import('./docx.js')` inside them fails. So the worker registers tsx itself, then loads
 * the TypeScript worker module named in workerData and hands its handler to piscina.
 */
import { workerData } from 'node:worker_threads'
import { pathToFileURL } from 'node:url'
import { register } from 'tsx/esm/api'

register()
const module = await import(pathToFileURL(workerData.cnreportSourceWorker).href)

export default module.default
