/** `cnreport review <fingerprint> --status confirmed|dismissed|open`: an analyst's verdict on a finding. */
import { parseArgs } from 'node:util'
import { type Candidate, type Review, type ReviewStatus, REVIEW_STATUSES, Reviews } from '../store/reviews.js'
import { type Command, UsageError } from './command.js'
import { openExistingDatabase } from './existing-db.js'
import { shortPath } from './findings-format.js'
import { DEFAULT_DB } from './ingest.js'
import { FINGERPRINT_LENGTH } from '../validate/fingerprint.js'

/** Shorter prefixes match too much to be typed on purpose. */
const MIN_PREFIX = 4
/** Candidates listed for an ambiguous prefix. */
const MAX_CANDIDATES = 10

export const reviewCommand: Command = {
  name: 'review',
  help: `Usage: cnreport review <fingerprint> --status confirmed|dismissed|open
                       [--note <text>] [--reviewer <name>] [--db <file>]

Records an analyst's verdict on a finding. <fingerprint> is the finding's
fingerprint or any unique prefix of it (at least ${MIN_PREFIX} characters), as
'cnreport findings' prints it. Reviews are kept by fingerprint, not by document:
they survive re-ingesting the file, re-extracting it with --force, edits
elsewhere in the file and changed rule settings, and are never deleted with a
document. A dismissed finding is hidden from 'cnreport findings' by default.

A complete fingerprint with no stored finding may still be reviewed (with a
warning): the finding may come back after a re-ingest.

Options:
  --status <s>       confirmed  the finding is a real problem in the report
                     dismissed  a false alarm, or accepted as it is
                     open       forget the review (the finding is open again)
  --note <text>      Why; kept with the review (confirmed or dismissed only).
  --reviewer <name>  Who reviewed; kept with the review.
  --db <file>        Database to update. Default: ${DEFAULT_DB}. It must exist.
  -h, --help         Show this help.

Exit codes: 0 done, 1 the database is missing, or no fingerprint or more than
one starts with the prefix (the candidates are listed), 2 usage error.

Examples:
  cnreport review 96bab1c1d03e --status dismissed --note "千分位笔误，已核实"
  cnreport review 96bab1c1d03e --status open`,

  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      options: {
        db: { type: 'string', default: DEFAULT_DB },
        status: { type: 'string' },
        note: { type: 'string' },
        reviewer: { type: 'string' },
      },
      allowPositionals: true,
    })
    if (positionals.length !== 1) throw new UsageError('review takes exactly one fingerprint (or a unique prefix of one)')
    const prefix = positionals[0]!.trim().toLowerCase()
    if (!/^[0-9a-f]+$/.test(prefix)) throw new UsageError(`'${positionals[0]}' is not a fingerprint: fingerprints are hexadecimal, e.g. 96bab1c1d03e`)
    if (prefix.length < MIN_PREFIX) throw new UsageError(`a fingerprint prefix needs at least ${MIN_PREFIX} characters, '${prefix}' has ${prefix.length}`)
    if (values.status === undefined) throw new UsageError('--status is required: confirmed, dismissed or open')
    const statuses = [...REVIEW_STATUSES, 'open'] as const
    if (!(statuses as readonly string[]).includes(values.status)) throw new UsageError(`--status must be one of ${statuses.join(', ')}, not '${values.status}'`)
    const status = values.status as ReviewStatus | 'open'
    const note = values.note?.trim() || undefined
    const reviewer = values.reviewer?.trim() || undefined
    if (status === 'open' && (note !== undefined || reviewer !== undefined)) throw new UsageError('--note and --reviewer are kept only with --status confirmed or dismissed')

    const db = openExistingDatabase(values.db, 'review', io)
    if (!db) return 1
    try {
      const reviews = new Reviews(db)
      const resolution = reviews.resolve(prefix)
      if (resolution.kind === 'ambiguous') {
        const shown = resolution.candidates.slice(0, MAX_CANDIDATES)
        const more = resolution.candidates.length - shown.length
        io.err(
          `cnreport review: '${prefix}' is ambiguous: ${resolution.candidates.length} fingerprints start with it; give more characters:\n` +
            shown.map((c) => `  ${describe(c)}\n`).join('') +
            (more > 0 ? `  … and ${more} more\n` : ''),
        )
        return 1
      }
      let candidate: Candidate
      if (resolution.kind === 'found') candidate = resolution.candidate
      // Only a complete fingerprint may be reviewed before its finding is stored; a shorter unknown prefix is a typo.
      else if (prefix.length === FINGERPRINT_LENGTH && status !== 'open') candidate = reviews.describe(prefix)
      else {
        io.err(`cnreport review: no stored finding or review has a fingerprint starting with '${prefix}'; 'cnreport findings --status all' lists them\n`)
        return 1
      }

      if (status === 'open') {
        const previous = reviews.clear(candidate.fingerprint)
        io.out(previous ? `reopened ${describe({ ...candidate, status: null })} (was ${previous.status})\n` : `${describe(candidate)} is open already; nothing changed\n`)
        return 0
      }
      const { review, previous } = reviews.set(candidate.fingerprint, status, { ...(note ? { note } : {}), ...(reviewer ? { reviewer } : {}) })
      io.out(reviewed(review, candidate, previous))
      if (candidate.findings === 0)
        io.err(
          `cnreport review: warning: no stored finding has fingerprint ${candidate.fingerprint}; the review is kept and applies when one is stored (e.g. after a re-ingest)\n`,
        )
      return 0
    } finally {
      db.close()
    }
  },
}

/** `96bab1c1d03e49d87eae  malformed-number  reports/a.txt:4  数字…` — or the bare fingerprint. */
function describe(c: Candidate): string {
  const parts = [c.fingerprint]
  if (c.ruleId) parts.push(c.ruleId, `${shortPath(c.path!)}:${c.line}`)
  if (c.findings > 1) parts.push(`(${c.findings} documents)`)
  if (c.status) parts.push(`[${c.status}]`)
  if (c.message) parts.push(c.message)
  return parts.join('  ')
}

/** What `review` prints after storing: the verdict, the finding and the note. */
function reviewed(review: Review, c: Candidate, previous: Review | undefined): string {
  const was = previous ? (previous.status === review.status ? ` (was ${previous.status} already; review updated)` : ` (was ${previous.status})`) : ''
  const lines = [`${review.status} ${describe({ ...c, status: null })}${was}`]
  if (review.note) lines.push(`  note: ${review.note}`)
  if (review.reviewer) lines.push(`  reviewer: ${review.reviewer}`)
  return lines.join('\n') + '\n'
}
