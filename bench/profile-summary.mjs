/**
 * Where the time goes: a summary of a V8 CPU profile taken of the bench.
 *
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof bench/run.mjs --paths pdf.full --rounds 5
 *   node bench/profile-summary.mjs /tmp/prof/CPU.*.cpuprofile [--top 25]
 *
 * Prints self time by owner (cnreport's own dist/ files, each package under node_modules,
 * node internals, GC), the functions with the most self time, and the inclusive time of
 * cnreport's pipeline stages (analyze.ts) and readers — so "cnreport is slower than raw"
 * turns into a file and a function.
 */
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'

/** Functions whose inclusive time is shown: the stages of analyze.ts and the readers. */
const STAGES = [
  'readSource', 'readTxt', 'readDocx', 'readPdf', 'readWithMammoth', 'paragraphInfo', 'renderDocument', 'openZip',
  'layoutPage', 'readRuns', 'readRules', 'buildGrids', 'assemble', 'render', 'removeFurniture',
  'analyzeSource', 'findSections', 'findFigures', 'findScores', 'findIndicators', 'describeDocument', 'buildRecord', 'validate', 'cutWords',
]

async function main() {
  const args = process.argv.slice(2)
  const topAt = args.indexOf('--top')
  const top = topAt === -1 ? 25 : Number(args.splice(topAt, 2)[1])
  if (args.length === 0) {
    process.stderr.write('usage: node bench/profile-summary.mjs <file.cpuprofile>… [--top N]\n')
    process.exit(2)
  }
  const self = new Map()
  const owners = new Map()
  const inclusive = new Map()
  let total = 0
  for (const file of args) {
    const profile = JSON.parse(await readFile(file, 'utf8'))
    const byId = new Map(profile.nodes.map((n) => [n.id, n]))
    const parent = new Map()
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
    profile.samples.forEach((id, i) => {
      const dt = (profile.timeDeltas[i] ?? 0) / 1000
      const node = byId.get(id)
      if (!node) return
      total += dt
      const key = frameKey(node.callFrame)
      self.set(key, (self.get(key) ?? 0) + dt)
      const owner = ownerOf(node.callFrame)
      owners.set(owner, (owners.get(owner) ?? 0) + dt)
      // Each stage counts once per sample, however deep the recursion.
      const seen = new Set()
      for (let at = id; at !== undefined; at = parent.get(at)) {
        const name = byId.get(at)?.callFrame.functionName
        if (name && STAGES.includes(name) && !seen.has(name)) {
          seen.add(name)
          inclusive.set(name, (inclusive.get(name) ?? 0) + dt)
        }
      }
    })
  }
  const pct = (ms) => `${((ms / total) * 100).toFixed(1).padStart(5)}%`
  const line = (ms, what) => `  ${String(Math.round(ms)).padStart(7)} ms ${pct(ms)}  ${what}`
  const out = [`${Math.round(total)} ms sampled in ${args.length} profile(s)`, '', 'self time by owner:']
  for (const [owner, ms] of sorted(owners).slice(0, top)) out.push(line(ms, owner))
  out.push('', `top ${top} functions by self time:`)
  for (const [key, ms] of sorted(self).slice(0, top)) out.push(line(ms, key))
  out.push('', 'inclusive time of cnreport stages (async readers: time after each await counts too):')
  for (const [name, ms] of sorted(inclusive)) out.push(line(ms, name))
  process.stdout.write(out.join('\n') + '\n')
}

function frameKey(f) {
  const where = f.url ? `${shortUrl(f.url)}:${f.lineNumber + 1}` : ''
  return `${f.functionName || '(anonymous)'} ${where}`.trim()
}

function ownerOf(f) {
  if (!f.url) return f.functionName || '(native)'
  const url = shortUrl(f.url)
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)
  if (pkg) return `node_modules/${pkg[1]}`
  if (url.startsWith('node:')) return 'node internals'
  if (url.startsWith('dist/')) return `cnreport ${url}`
  return url
}

function shortUrl(url) {
  const path = url.startsWith('file://') ? fileURLToPath(url) : url
  const at = path.lastIndexOf('/node_modules/')
  if (at !== -1) return path.slice(at + 1)
  const dist = path.lastIndexOf('/dist/')
  if (dist !== -1) return path.slice(dist + 1)
  return path
}

const sorted = (map) => [...map].sort((a, b) => b[1] - a[1])

main().catch((error) => {
  process.stderr.write(`profile-summary failed: ${error?.stack ?? error}\n`)
  process.exit(1)
})
