/**
 * Command-line flags of `npm run bench` (node bench/run.mjs [flags]).
 * Parsed by hand: the bench must not depend on anything the library does not already use.
 */
import { DIST_ENV } from './inputs.mjs'

export const USAGE = `usage: node bench/run.mjs [--rounds N] [--quick] [--budget S] [--only docx,pdf,txt]
                         [--paths IDS] [--no-real] [--verbose] [--json] [--dist DIR]
                         [--no-ingest | --ingest-only] [--copies N] [--docs txt=N,docx=N,pdf=N]
                         [--workers 1,2] [--scale N [--scale-only]] [--run-timeout S]

  --rounds N   time exactly N rounds of every path (a round = every input once)
  --budget S   otherwise: rounds until each path has S seconds of samples (default 4)
  --quick      a smoke run: budget 0.5 s, at least 1 round
  --only LIST  formats to run (default docx,pdf,txt)
  --paths IDS  only these paths, e.g. pdf.full,txt.full (for profiling: node --cpu-prof …); no ingest section
  --no-real    leave out ../shared/real-pdf/*.pdf even when present
  --verbose    per-file medians under the table
  --json       print one JSON object (for machines) instead of the table
  --dist DIR   measure the library built in DIR instead of the repo's dist/ (DIR/../data
               and a node_modules beside it are needed, as for dist/)

ingest section (issue 6; runs after the section above, see docs/bench.md):
  --no-ingest    leave it out          --ingest-only   run only it (and --scale)
  --copies N     N distinct-byte copies of every corpus file of a format (overrides --docs)
  --docs SPEC    documents per format, e.g. txt=1000,docx=200,pdf=60 (the default;
                 --quick: txt=200,docx=40,pdf=12), rounded up to whole copies of the corpus
  --workers L    worker counts to run, default 1,2
  --scale N      also ingest N TXT copies with 2 workers, RSS sampled (e.g. 10000; long)
  --scale-only   run only the --scale run
  --run-timeout S  a child run still going after S seconds is killed (default 1800)`

/** @typedef {{ rounds: number | null, budgetMs: number, minRounds: number, maxRounds: number,
 *   formats: string[], paths: string[] | null, real: boolean, verbose: boolean, json: boolean,
 *   pathsSection: boolean, ingest: boolean, copies: number | null, ingestDocs: Record<string, number>,
 *   ingestDocsSet: boolean, workers: number[], scale: number | null, runTimeoutMs: number }} BenchOptions */

/** @returns {BenchOptions} @throws Error with a one-line reason for bad flags */
export function parseArgs(argv) {
  /** @type {BenchOptions} */
  const options = {
    rounds: null,
    budgetMs: 4000,
    // Fewer than 3 samples give a median that is just one unlucky run.
    minRounds: 3,
    // Tiny paths (raw TXT at ~0.1 ms a round) would otherwise collect 40 000 samples.
    maxRounds: 2000,
    formats: ['docx', 'pdf', 'txt'],
    /** Path ids to run (null = all), e.g. ['pdf.full']. */
    paths: null,
    real: true,
    verbose: false,
    json: false,
    /** The single-thread section (paths × formats). */
    pathsSection: true,
    /** The ingest section (issue 6). */
    ingest: true,
    /** Copies per corpus file (null = from ingestDocs). */
    copies: null,
    /** Documents wanted per format in the ingest section. */
    ingestDocs: { txt: 1000, docx: 200, pdf: 60 },
    ingestDocsSet: false,
    workers: [1, 2],
    /** TXT documents of the RSS scale run (null = no scale run). */
    scale: null,
    runTimeoutMs: 1_800_000,
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    const value = () => {
      const v = argv[++i]
      if (v === undefined) throw new Error(`${arg} needs a value`)
      return v
    }
    switch (arg) {
      case '--rounds': {
        const n = Number(value())
        if (!Number.isInteger(n) || n < 1) throw new Error('--rounds needs a whole number ≥ 1')
        options.rounds = n
        break
      }
      case '--budget': {
        const s = Number(value())
        if (!(s > 0)) throw new Error('--budget needs a number of seconds > 0')
        options.budgetMs = s * 1000
        break
      }
      case '--quick':
        options.budgetMs = 500
        options.minRounds = 1
        if (!options.ingestDocsSet) options.ingestDocs = { txt: 200, docx: 40, pdf: 12 }
        break
      case '--dist':
        // Children (ingest runs, raw pools) inherit it through the environment.
        process.env[DIST_ENV] = value()
        break
      case '--no-ingest':
        options.ingest = false
        break
      case '--ingest-only':
        options.pathsSection = false
        break
      case '--scale-only':
        options.pathsSection = false
        options.ingest = false
        break
      case '--copies':
        options.copies = wholeNumber(arg, value())
        break
      case '--docs': {
        for (const part of value().split(',')) {
          const [format, n] = part.split('=').map((x) => x.trim())
          if (!['docx', 'pdf', 'txt'].includes(format) || n === undefined) throw new Error(`--docs takes txt=N,docx=N,pdf=N, not ${part}`)
          options.ingestDocs[format] = wholeNumber(arg, n)
        }
        options.ingestDocsSet = true
        break
      }
      case '--workers': {
        const list = value().split(',').map((w) => wholeNumber(arg, w.trim()))
        options.workers = [...new Set(list)].sort((a, b) => a - b)
        break
      }
      case '--scale':
        options.scale = wholeNumber(arg, value())
        break
      case '--run-timeout': {
        const s = Number(value())
        if (!(s > 0)) throw new Error('--run-timeout needs a number of seconds > 0')
        options.runTimeoutMs = s * 1000
        break
      }
      case '--only': {
        const formats = value().split(',').map((f) => f.trim()).filter(Boolean)
        const bad = formats.filter((f) => !['docx', 'pdf', 'txt'].includes(f))
        if (bad.length > 0 || formats.length === 0) throw new Error(`--only takes docx, pdf and/or txt, not ${bad.join(',') || 'nothing'}`)
        options.formats = formats
        break
      }
      case '--paths': {
        options.paths = value().split(',').map((p) => p.trim()).filter(Boolean)
        if (options.paths.length === 0) throw new Error('--paths needs path ids such as pdf.full')
        // Only the formats of the chosen paths are loaded and run; a profile of paths wants no ingest runs.
        options.formats = [...new Set(options.paths.map((p) => p.split('.')[0]))]
        options.ingest = false
        break
      }
      case '--no-real':
        options.real = false
        break
      case '--verbose':
      case '-v':
        options.verbose = true
        break
      case '--json':
        options.json = true
        break
      case '--help':
      case '-h':
        throw Object.assign(new Error(USAGE), { help: true })
      default:
        throw new Error(`unknown flag ${arg}\n${USAGE}`)
    }
  }
  if (!options.pathsSection && !options.ingest && options.scale === null) throw new Error('nothing to run: --scale-only needs --scale N, and --ingest-only does not go with --no-ingest')
  return options
}

function wholeNumber(flag, text) {
  const n = Number(text)
  if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} needs whole numbers ≥ 1, not '${text}'`)
  return n
}
