import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { formatNotes, formatTable, formatVerbose, toJson } from '../../src/eval/report.js'
import { evaluateCorpus, overallOf, type EvalReport } from '../../src/eval/run.js'
import { analyzeTinyReport } from './fixture-analyzer.js'

const fixtures = join(import.meta.dirname, '../fixtures/eval')
const report = () => evaluateCorpus({ goldDir: join(fixtures, 'gold'), corpusDir: join(fixtures, 'corpus'), analyze: analyzeTinyReport })

describe('report', () => {
  it('prints one row per document and an overall row', async () => {
    const table = formatTable(await report()).split('\n')
    // Each group title starts over its group's first column.
    expect(table[0]).toMatch(/^ +figures +sections +metadata +labels +record +findings$/)
    expect(table[0]!.indexOf('figures')).toBe(table[2]!.indexOf('71.4%'))
    expect(table[0]!.indexOf('sections')).toBe(table[2]!.indexOf('83.3%'))
    // labels has one column narrower than its title: the column widens to the title (the rate right-aligned under it), so record's title stays over record.
    expect(table[0]!.indexOf('labels')).toBe(table[2]!.lastIndexOf('80.0%') - 1)
    expect(table[0]!.indexOf('record')).toBe(table[1]!.indexOf('right/gold'))
    expect(table[0]!.indexOf('findings')).toBe(table[2]!.indexOf('50.0%'))
    expect(table[1]).toMatch(
      /^doc\s+P\s+R\s+tp\/pred\s+tp\/gold\s+val≠\s+P\s+R\s+tp\/pred\s+tp\/gold\s+level\s+dept\s+year\s+kind\s+score\s+region\s+acc\s+acc\s+right\/gold\s+acc\s+extra\s+R\s+found\/tgt\s+FA\s+false\/loud\s+minor$/,
    )
    expect(table[2]!.split(/\s+/)).toEqual(['tiny-report', '71.4%', '66.7%', '5/7', '4/6', '1', '83.3%', '83.3%', '5/6', '5/6', '80.0%', '0/1', '0/1', '0/0', '0/0', '0/0', '0.0%', '80.0%', '3/5', '60.0%', '1', '50.0%', '1/2', '25.0%', '1/4', '1'])
    expect(table[3]).toMatch(/^-+( +-+)+$/)
    expect(table[4]!.split(/\s{2,}/)).toEqual(['overall (1 doc)', '71.4%', '66.7%', '5/7', '4/6', '1', '83.3%', '83.3%', '5/6', '5/6', '80.0%', '0/1', '0/1', '0/0', '0/0', '0/0', '0.0%', '80.0%', '3/5', '60.0%', '1', '50.0%', '1/2', '25.0%', '1/4', '1'])
  })

  it('sums counts over documents (micro average) and prints — for 0/0', async () => {
    const r = await report()
    const d = r.documents[0]!
    const second = { ...d, file: 'empty.txt', figures: { ...d.figures, gold: 0, predicted: 0, recallHits: 0, precisionHits: 0, valueMismatches: 0 } }
    const two: EvalReport = { ...r, documents: [d, second], overall: overallOf([d, d]) }
    expect(two.overall.figures).toMatchObject({ gold: 12, predicted: 14, recallHits: 8, precisionHits: 10 })
    expect(formatTable(two)).toMatch(/\nempty\s+—\s+—\s+0\/0\s+0\/0\s+0 /)
  })

  it('lists in verbose mode what to fix, with line:col positions', async () => {
    const lines = formatVerbose(await report()).split('\n')
    expect(lines).toContain('figures: 4/6 gold found, 5/7 predictions right; 2 missed, 2 false positives, value≠ 1')
    expect(lines).toContain('  value≠  4:26  gold 3383.30万元 = 3383.3 (33833000元) money; ours 3383.30万元 = 3383.3 (3383.3元) money')
    expect(lines).toContain('  missed  6:12  12人  count')
    expect(lines).toContain('  false+  1:3  2023  count')
    expect(lines).toContain('  missed  1  L0  某局2023年部门整体支出绩效自评报告')
    expect(lines).toContain('  extra   6  L3  编制数13人')
    expect(lines).toContain('  level   8  gold 3, ours 2  L3  1. 预算执行率100%')
    expect(lines).toContain('findings: 1/2 targets found; 4 error/warning findings: 2 confirmed, 1 false alarms, 1 unmatched; 1 on minor relations only; 1 info')
    expect(lines).toContain('  MISSED  staffing_restated  restated  L6  | 编制数 13人 = 在职人员 12人 (fixture: taken as one headcount stated twice)')
    expect(lines).toContain('  FALSE   sum-mismatch warning  4:3395.06万元 4:3383.30万元  | 分项之和 3383.30万元，与合计 3395.06万元 不一致  | holds: fiscal_share')
    expect(lines).toContain('  MINOR   restated-mismatch warning  1:2023  | restated-mismatch: 2023  | minor: title_year_minor')
    expect(lines).toContain('  UNMAT   placeholder warning  3:收入情况  | placeholder: 收入情况')
  })

  it('notes skipped gold files for stderr', async () => {
    expect(formatNotes(await report())).toMatch(/^cnreport eval: skipped .*orphan-seed\.json: seed not in .*corpus \(not-in-corpus\.txt\)\n$/)
  })

  it('gives rates beside the overall counts in JSON', async () => {
    const json = toJson(await report()) as { overall: { figures: Record<string, unknown>; sections: Record<string, unknown> } }
    expect(json.overall.figures).toMatchObject({ precision: 5 / 7, recall: 4 / 6 })
    expect(json.overall.sections).toMatchObject({ precision: 5 / 6, recall: 5 / 6, levelAccuracy: 0.8 })
    expect((json.overall as Record<string, unknown>)['findings']).toMatchObject({ targets: 2, found: 1, recall: 0.5, loud: 4, falseAlarms: 1, falseAlarmRate: 0.25, minor: 1 })
  })
})
