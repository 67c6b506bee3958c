import { describe, expect, it } from 'vitest'
import { describeFindings, evaluateFindings, findingColumns, findingMatches, type FindingCounts } from '../../src/eval/findings.js'
import { parseGold, type GoldDocument } from '../../src/eval/gold.js'
import { makeGold, makeResult } from './synthetic.js'
import { relation, withFindings, type FindingSpec } from './synthetic-findings.js'

describe('findingMatches', () => {
  it('asks for two shared lines when both sides have two', () => {
    expect(findingMatches([16, 23], [16, 23, 30, 37])).toBe(true)
    // A table-vs-text relation is not found by a finding that points at the table only and elsewhere.
    expect(findingMatches([16, 99], [16, 23, 30, 37])).toBe(false)
    expect(findingMatches([4, 8], [4, 8])).toBe(true)
    expect(findingMatches([4, 9], [4, 8])).toBe(false)
  })

  it('asks for one shared line when either side has one', () => {
    expect(findingMatches([4], [4])).toBe(true)
    expect(findingMatches([4, 9], [4])).toBe(true)
    expect(findingMatches([16], [16, 23, 30, 37])).toBe(true)
    expect(findingMatches([5], [4])).toBe(false)
  })

  it('counts distinct lines: two spans on one line are one line', () => {
    expect(findingMatches([4, 4], [4, 8])).toBe(true)
    expect(findingMatches([4], [4, 4, 9])).toBe(true)
    expect(findingMatches([9, 9], [4, 4, 9])).toBe(true)
    expect(findingMatches([4, 7], [4, 4, 9])).toBe(false)
  })

  it('matches nothing when either side has no line', () => {
    expect(findingMatches([], [4])).toBe(false)
    expect(findingMatches([4], [])).toBe(false)
  })
})

// One statement per line, so a quote's line is obvious.
const text = [
  '收入总计100万元，其中财政拨款60万元、其他收入30万元。', // 1
  '表：收入合计100.00万元。', // 2
  '支出总计90万元。', // 3
  '“三公”经费预算10万元，支出8万元，控制率80%。', // 4
  '编制10人，在职9人。', // 5
  '项目支出30.01万元，基本支出59.99万元。', // 6
  '完成培训5次。', // 7
  '预算执行率为90%。', // 8
].join('\n')

const gold = (relations: ReturnType<typeof relation>[]): GoldDocument => ({ ...makeGold(), consistency: relations })
const evaluate = (g: GoldDocument, specs: FindingSpec[]) => evaluateFindings(g, withFindings(makeResult(text), specs))

const relations = [
  relation({ id: 'income_sum', lines: [1], holds: false, statement: '财政拨款 60 + 其他收入 30 = 收入总计 100' }),
  relation({ id: 'income_restated', kind: 'restated', lines: [1, 2], holds: true }),
  relation({ id: 'rate', kind: 'ratio', lines: [8], holds: false }),
  relation({ id: 'control_rate', kind: 'ratio', lines: [4], holds: true }),
  relation({ id: 'staff_interpretive', kind: 'other', lines: [5], holds: false, optional: true }),
  relation({ id: 'staff_vacancy', kind: 'other', lines: [5], holds: true }),
  relation({ id: 'expenditure_sum', lines: [3, 6], holds: false, severity: 'minor' }),
  relation({ id: 'training_restated', kind: 'restated', lines: [7, 2], holds: false, statement: '培训 5次 = 表 5次' }),
]

const specs: FindingSpec[] = [
  // Finds income_sum (line 1); also on the holding income_restated, but a failing match wins.
  { ruleId: 'sum-mismatch', severity: 'error', quotes: ['60万元', '30万元', '100万元'] },
  // Finds income_sum again: one target counts once.
  { ruleId: 'restated-mismatch', severity: 'warning', quotes: ['100万元', '100.00万元'] },
  // rate (line 8) only has an info finding: missed.
  { ruleId: 'ratio-mismatch', severity: 'info', quotes: ['90%'] },
  // Lands on the holding control_rate only: a false alarm.
  { ruleId: 'ratio-mismatch', severity: 'warning', quotes: ['80%'], message: '控制率 8 / 10 = 80%，与所述 80% 不一致' },
  // On an optional failing relation and a holding one: confirmed, not a false alarm.
  { ruleId: 'sum-mismatch', severity: 'warning', quotes: ['10人', '9人'] },
  // Both lines of the minor expenditure_sum: confirmed, and a minor violation.
  { ruleId: 'sum-mismatch', severity: 'error', quotes: ['90万元', '30.01万元'] },
  // Line 7 and line 1: shares one line with the two-line training_restated, one with income_sum
  // (one-line relation), so it counts for income_sum, not for training_restated.
  { ruleId: 'unit-slip', severity: 'warning', quotes: ['5次', '收入总计'] },
  // One line of expenditure_sum (3, 6) and one of training_restated (7, 2): matches neither. Unmatched.
  { ruleId: 'malformed-number', severity: 'warning', quotes: ['59.99万元', '完成培训'] },
]

describe('evaluateFindings', () => {
  const s = evaluate(gold(relations), specs)

  it('counts recall over the targets and sorts each loud finding into exactly one bin', () => {
    expect(s).toMatchObject({
      evaluated: 1,
      relations: 8,
      // income_sum, rate, training_restated; not the optional, minor or holding ones.
      targets: 3,
      found: 1,
      loud: 7,
      confirmed: 5,
      falseAlarms: 1,
      unmatched: 1,
      minor: 1,
      minorShared: 0,
      info: 1,
    })
    expect(s.confirmed + s.falseAlarms + s.unmatched).toBe(s.loud)
    expect(s.found + s.missed.length).toBe(s.targets)
    expect(s.recall).toBeCloseTo(1 / 3)
    expect(s.falseAlarmRate).toBeCloseTo(1 / 7)
  })

  it('names what found each target and what it missed', () => {
    expect(s.foundBy).toEqual([{ id: 'income_sum', rules: ['sum-mismatch', 'restated-mismatch', 'unit-slip'] }])
    expect(s.missed.map((r) => r.id)).toEqual(['rate', 'training_restated'])
    expect(s.falseAlarmList).toEqual([
      { ruleId: 'ratio-mismatch', severity: 'warning', evidence: [{ line: 4, text: '80%' }], message: '控制率 8 / 10 = 80%，与所述 80% 不一致', relations: ['control_rate'] },
    ])
    expect(s.minorList.map((f) => [f.ruleId, f.relations])).toEqual([['sum-mismatch', ['expenditure_sum']]])
    expect(s.unmatchedList.map((f) => f.evidence.map((e) => e.line))).toEqual([[6, 7]])
  })

  it('never scores info findings, even on a minor relation', () => {
    const quiet = evaluate(gold(relations), [{ severity: 'info', quotes: ['90万元', '30.01万元'] }, { severity: 'info', quotes: ['80%'] }])
    expect(quiet).toMatchObject({ loud: 0, info: 2, minor: 0, falseAlarms: 0, found: 0, targets: 3 })
    expect(quiet.falseAlarmRate).toBeNull()
  })

  it('counts a finding on a minor relation apart when it also matches a failing relation that is not minor', () => {
    // Lines 3 and 6 are the minor expenditure_sum; line 8 is the target rate (one line: any finding on it matches).
    const shared = evaluate(gold(relations), [{ severity: 'warning', quotes: ['90万元', '30.01万元', '90%'] }])
    expect(shared).toMatchObject({ minor: 0, minorShared: 1, confirmed: 1, found: 1 })
    expect(shared.minorList).toEqual([])
    expect(describeFindings(shared)[0]).toBe(
      'findings: 1/3 targets found; 1 error/warning findings: 1 confirmed, 0 false alarms, 0 unmatched; 0 on minor relations only (1 more also on a failing relation that is not minor); 0 info',
    )
    // An optional failing relation explains the finding too.
    const optional = evaluate(gold([...relations, relation({ id: 'staff_minor', lines: [5], holds: false, severity: 'minor' })]), [{ severity: 'warning', quotes: ['10人'] }])
    expect(optional).toMatchObject({ minor: 0, minorShared: 1 })
  })

  it('finds a two-line target only with a finding on both lines', () => {
    const both = evaluate(gold(relations), [{ severity: 'error', quotes: ['5次', '100.00万元'] }])
    expect(both.foundBy).toEqual([{ id: 'training_restated', rules: ['sum-mismatch'] }])
    // It shares only line 2 with the holding income_restated (lines 1, 2): no match there.
    expect(both).toMatchObject({ confirmed: 1, falseAlarms: 0 })
  })

  it('does not evaluate a gold without a consistency list, and misses every target when the analysis failed', () => {
    const none = evaluate(makeGold(), specs)
    expect(none).toMatchObject({ evaluated: 0, relations: 0, targets: 0, loud: 0, info: 0, recall: null, falseAlarmRate: null })
    expect(describeFindings(none)).toEqual(['findings: not evaluated (the gold has no consistency list)'])
    const failed = evaluateFindings(gold(relations), null)
    expect(failed).toMatchObject({ evaluated: 1, targets: 3, found: 0, loud: 0, recall: 0 })
    expect(failed.missed).toHaveLength(3)
  })

  it('describes misses, false alarms, minor and unmatched findings for --verbose', () => {
    expect(describeFindings(s)).toEqual([
      'findings: 1/3 targets found; 7 error/warning findings: 5 confirmed, 1 false alarms, 1 unmatched; 1 on minor relations only; 1 info',
      '  MISSED  rate  ratio  L8  | rate',
      '  MISSED  training_restated  restated  L7,2  | 培训 5次 = 表 5次',
      '  FALSE   ratio-mismatch warning  4:80%  | 控制率 8 / 10 = 80%，与所述 80% 不一致  | holds: control_rate',
      '  MINOR   sum-mismatch error  3:90万元 6:30.01万元  | sum-mismatch: 90万元 30.01万元  | minor: expenditure_sum',
      '  UNMAT   malformed-number warning  6:59.99万元 7:完成培训  | malformed-number: 59.99万元 完成培训',
    ])
  })

  it('cuts long messages in the verbose lines', () => {
    const long = evaluate(gold([]), [{ severity: 'warning', quotes: ['80%'], message: '长'.repeat(200) }])
    expect(describeFindings(long)[1]).toBe(`  UNMAT   sum-mismatch warning  4:80%  | ${'长'.repeat(89)}…`)
  })
})

describe('finding columns', () => {
  it('print recall, found/targets, false-alarm rate, false/loud and minor', () => {
    const c: FindingCounts = { evaluated: 2, relations: 10, targets: 4, found: 3, loud: 8, confirmed: 5, falseAlarms: 2, unmatched: 1, minor: 1, minorShared: 2, info: 3 }
    expect(findingColumns.map((col) => [col.header, col.cell(c)])).toEqual([
      ['R', '75.0%'],
      ['found/tgt', '3/4'],
      ['FA', '25.0%'],
      ['false/loud', '2/8'],
      ['minor', '1'],
    ])
  })
})

describe('gold consistency', () => {
  const doc = (consistency: unknown) => JSON.stringify({ file: 'a.txt', figures: [], sections: [], consistency })

  it('reads relations, keeping unknown keys and any severity', () => {
    const { gold: g } = parseGold('x.json', doc([{ id: 'a', kind: 'table_vs_text', holds: false, severity: 'minor', subkind: 'score_rule', statement: 's', detail: 'd', lines: [3, 9] }]))
    expect(g.consistency?.[0]).toMatchObject({ id: 'a', severity: 'minor', subkind: 'score_rule', lines: [3, 9] })
  })

  it('rejects a relation without lines or without holds, naming the field', () => {
    expect(() => parseGold('g/a.json', doc([{ id: 'a', kind: 'sum', holds: false, statement: 's', lines: [] }]))).toThrow(/^g\/a\.json: malformed gold file: consistency\[0\]\.lines: /)
    expect(() => parseGold('g/a.json', doc([{ id: 'a', kind: 'sum', statement: 's', lines: [1] }]))).toThrow(/consistency\[0\]\.holds: /)
  })
})
