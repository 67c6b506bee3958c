/** `cnreport extract <file> [--json]`: one document through every stage. */
import { parseArgs } from 'node:util'
import { analyzeFile } from '../analyze.js'
import { type ExtractResult, FIGURE_KINDS } from '../contract.js'
import { type Command, UsageError } from './command.js'
import { RULE_CONFIG_OPTIONS, ruleConfigHelp, ruleConfigFrom } from './rule-config.js'

export const extractCommand: Command = {
  name: 'extract',
  help: `Usage: cnreport extract <file> [--json] [--config <file>] [--profile default|strict]

Reads one report (TXT, DOCX or PDF; the format is decided from the bytes) and runs
every stage: text and tables, the section tree, figures with their positions and
labels, the canonical record and the consistency findings.

Options:
  --json    Print the full result as one JSON object (the contract of DESIGN.md §3;
            the zod schema is exported as ExtractResultSchema). Without it, a short
            human-readable summary.
${ruleConfigHelp(12)}
  -h, --help  Show this help.

Exit codes: 0 success, 1 the file could not be read, 2 usage error (an invalid
--config file included).`,
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { json: { type: 'boolean', default: false }, ...RULE_CONFIG_OPTIONS },
      allowPositionals: true,
    })
    if (positionals.length !== 1) throw new UsageError('extract takes exactly one file')
    const validation = await ruleConfigFrom(values)
    const result = await analyzeFile(positionals[0]!, { validation })
    io.out(values.json ? JSON.stringify(result) + '\n' : summarize(result))
    return 0
  },
}

function summarize(r: ExtractResult): string {
  const d = r.document
  const kinds =
    FIGURE_KINDS.map((k) => [k, r.figures.filter((f) => f.kind === k).length] as const)
      .filter(([, n]) => n > 0)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ') || 'none'
  const lines = [
    `${d.path}  (${d.format}, sha256 ${d.id.slice(0, 12)})`,
    `  title       ${d.title ?? '—'}`,
    `  department  ${d.department ?? '—'}   fiscal year ${d.fiscalYear ?? '—'}   kind ${d.kind ?? '—'}`,
    `  text        ${r.text.length} chars, ${r.text.split('\n').length} lines${r.pages ? `, ${r.pages.length} pages` : ''}`,
    `  sections    ${r.sections.length}`,
    `  tables      ${r.tables?.length ?? 0}`,
    `  figures     ${r.figures.length} (${kinds})`,
    `  record      ${Object.keys(r.record).length} fields`,
    `  findings    ${r.findings.length}`,
  ]
  for (const dgn of r.diagnostics) lines.push(`  ${dgn.level}: ${dgn.message}`)
  return lines.join('\n') + '\n'
}
