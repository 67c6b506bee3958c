/** `cnreport eval --gold <dir>`: measures extraction against hand-made gold annotations. */
import { parseArgs } from 'node:util'
import { analyzeFile } from '../analyze.js'
import { type Analyze, evaluateCorpus } from '../eval/run.js'
import { formatNotes, formatTable, formatVerbose, toJson } from '../eval/report.js'
import { type Command, UsageError } from './command.js'

const help = `Usage: cnreport eval --gold <dir> [--corpus <dir>] [--doc <name>]... [--verbose] [--json]

Measures how well cnreport extracts figures, sections, document metadata, figure labels
and the record, and how well its consistency findings catch what the report gets wrong,
against gold annotations: one JSON file per report (format: the gold
directory's README.md). For each gold file whose seed report (its "file" name) is in the
corpus, the report is analysed exactly as 'cnreport extract' does and compared with the
gold.

Figures (kinds money, percent, count)
  A figure of ours matches a gold figure when both are on the same line, their spans
  overlap, and their values agree: money in 元, exactly to the 分 (1234.56万元 =
  12345600元); other kinds by value, with 万/亿 folded in (1.8万份 = 18000). Matching is
  one-to-one, largest overlap first.
  R        recall: gold money/percent/count figures we matched / all of them. Gold figures
           marked optional (Chinese-numeral counts such as 四个方面) are not counted.
  P        precision: our money/percent/count figures that match any gold figure (of any
           kind, optional ones included) / all of ours.
  tp/pred  our figures matched / our figures        tp/gold  gold matched / gold figures
  val≠     figures found at the right place with the wrong value: usually a unit or
           number-parsing slip, and the quickest thing to fix.
Sections
  A heading of ours matches a gold heading on the same line (one-to-one). P and R as
  above over all gold headings (titles and 附件 markers included); 'level' is the share
  of matched headings whose level (0 title, 1 一、, 2 （一）, 3 1., 4 （1）) is right.

Metadata
  dept, year, score  exact: department name, fiscal year evaluated, self-score
  kind     the gold kind's parts (split on +) each appear, in order, inside ours
           (自评报告 is inside 部门整体支出绩效自评报告)
  region   province, city and county as the gold has them, and our 6-digit code is that
           county's under that city and province in the division dataset
  acc      all metadata checks passed / all made

Labels
  acc      among our figures matched to a gold figure that has a label: the share whose
           label agrees with the gold's. Both are normalised first: full-width forms
           folded, the gold's notes in Latin letters in brackets dropped, quotes and
           brackets removed (their content kept), a leading year or date dropped (2023年度,
           2021年末), the joiners · 的 中的 and all punctuation and spaces removed. They
           agree when ours contains the gold's, or when their character-bigram Dice
           coefficient is at least 0.5 (2·shared bigrams / all bigrams): 收入总计 agrees
           with 2023年度收入总计, 橡皮艇 with 储备橡皮艇; 市 does not with
           预算·共同财政事权转移支付·市. A figure we leave unlabelled counts as wrong.

Record
  Over the fields the gold's record fills. A field is right when our record has it, its
  value agrees within rounding, and its line is the gold's line or one it lists as
  restating the value (also_stated_at). Within rounding: the gold value stands for the
  interval its printed digits allow (612.45 in 万元 → ± 50 元), ours for its figure's
  interval; they agree when the intervals intersect.
  right/gold  fields right / fields the gold fills      acc  the same as a rate
  extra       fields we fill where the gold says the report states none
  --verbose also lists fields with a wrong value, at an unlisted line or missing, and
  for fields the report states inconsistently, which of the gold's alternatives (other
  statements with other values) our field's alternatives name, by line.

Findings
  Against the gold's consistency relations (sums, ratios, restatements, …, each with
  whether it holds); not evaluated for a gold file without them. A finding matches a
  relation when its evidence lines cover at least min(2, relation lines, finding lines)
  of the relation's lines (distinct lines): a relation across a table and a paragraph
  needs a finding that points at both. Only findings of severity error or warning
  ("loud") are scored; info findings never count.
  Targets are the relations that do not hold, are not optional and not marked minor.
  R           recall: targets matched by a loud finding / targets (found/tgt)
  FA          false-alarm rate: loud findings that match no failing relation (optional
              and minor ones included) but match one that holds / loud findings
              (false/loud). A loud finding matching no gold relation at all is
              'unmatched': counted apart, not a false alarm.
  minor       loud findings on a relation the gold marks minor (a 0.01 rounding gap)
              and on no other failing relation: these should be info. One that also
              matches a failing relation that is not minor is counted apart (minorShared
              in --json), not here.

The overall row sums the counts of all documents (micro average). A rate with nothing
to count (0/0) prints as —.

Options:
  --gold <dir>     Directory of gold JSON files (required). Other files in it are ignored.
  --corpus <dir>   Where to find the seed reports, searched recursively by file name.
                   @default corpus
  --doc <name>     Evaluate only seeds whose file name contains <name>; repeatable.
  -v, --verbose    After the table, list per document: value mismatches (gold vs ours),
                   missed gold figures and false positives as 'line:col text kind'
                   (col counts UTF-16 units, 1-based, as editors do), kind disagreements,
                   missed, extra and wrongly-levelled sections, metadata fields
                   wrong, label disagreements ('line:col text gold …; ours …'),
                   record fields not right, extra fields and alternatives found,
                   findings: MISSED targets (id kind lines statement), FALSE alarms,
                   MINOR and UNMAT findings (rule severity line:text … | message;
                   for FALSE the holding relations, for MINOR the minor ones).
  --json           Print one JSON object instead: overall counts and rates, and per
                   document the counts, rates and every list that --verbose prints.
  -h, --help       Show this help.

Skipped gold files, failed analyses and gold figures that are not at their stated
place in the corpus text (a different version of the file) are reported on stderr.

Exit codes: 0 evaluated; 1 the gold directory is missing, a gold file is malformed,
no gold file names a seed in the corpus, or a report could not be analysed (its scores
count as nothing found); 2 usage error.

Example:
  cnreport eval --gold ../shared/gold --corpus corpus --verbose --doc 003`

/** The command over a given analyser, so tests can evaluate synthetic results. */
export function makeEvalCommand(analyze: Analyze): Command {
  return {
    name: 'eval',
    help,
    async run(argv, io) {
      const { values, positionals } = parseArgs({
        args: argv,
        options: {
          gold: { type: 'string' },
          corpus: { type: 'string', default: 'corpus' },
          doc: { type: 'string', multiple: true },
          verbose: { type: 'boolean', short: 'v', default: false },
          json: { type: 'boolean', default: false },
        },
        allowPositionals: true,
      })
      if (positionals.length) throw new UsageError(`unexpected argument '${positionals[0]}' (the gold directory goes after --gold)`)
      if (!values.gold) throw new UsageError('--gold <dir> is required')
      const report = await evaluateCorpus({ goldDir: values.gold, corpusDir: values.corpus, analyze, ...(values.doc ? { only: values.doc } : {}) })
      if (values.json) io.out(JSON.stringify(toJson(report), null, 2) + '\n')
      else io.out(formatTable(report) + (values.verbose ? formatVerbose(report) : ''))
      io.err(formatNotes(report))
      return report.documents.some((d) => d.error !== undefined) ? 1 : 0
    },
  }
}

export const evalCommand: Command = makeEvalCommand(analyzeFile)
