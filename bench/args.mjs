/**
 * Command-line flags of `npm run bench` (node bench/run.mjs [flags]).
 * Parsed by hand: the bench must not depend on anything the library does not already use.
 */

export const USAGE = `usage: node bench/run.mjs [--rounds N] [--quick] [--budget S] [--only docx,pdf,txt]
                         [--paths IDS] [--no-real] [--verbose] [--json]

  --rounds N   time exactly N rounds of every path (a round = every input once)
  --budget S   otherwise: rounds until each path has S seconds of samples (default 4)
  --quick      a smoke run: budget 0.5 s, at least 1 round
  --only LIST  formats to run (default docx,pdf,txt)
  --paths IDS  only these paths, e.g. pdf.full,txt.full (for profiling: node --cpu-prof …)
  --no-real    leave out ../shared/real-pdf/*.pdf even when present
  --verbose    per-file medians under the table
  --json       print one JSON object (for machines) instead of the table`

/** @typedef {{ rounds: number | null, budgetMs: number, minRounds: number, maxRounds: number,
 *   formats: string[], paths: string[] | null, real: boolean, verbose: boolean, json: boolean }} BenchOptions */

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
        break
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
        // Only the formats of the chosen paths are loaded and run.
        options.formats = [...new Set(options.paths.map((p) => p.split('.')[0]))]
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
  return options
}
