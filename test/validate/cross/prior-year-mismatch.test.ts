import { describe, expect, it } from 'vitest'
import { FindingSchema } from '../../../src/contract.js'
import { documentIdAt, fixture, ingestInto, storedFindings, workspace } from './cross-setup.js'

const RULE = 'prior-year-mismatch'
const LAST = 'prior-year-2022.txt'
const THIS = 'prior-year-2023.txt'

/** Ingests last year's and this year's report (edited as asked) in one batch; returns the paths and the findings. */
async function pair(thisEdits: Array<[string, string]> = [], lastEdits: Array<[string, string]> = []) {
  const ws = workspace()
  const [last, current] = ws.write({ 'last.txt': fixture(LAST, ...lastEdits), 'this.txt': fixture(THIS, ...thisEdits) })
  await ingestInto(ws, [last!, current!])
  return { ws, last: last!, current: current!, findings: storedFindings(ws.db, RULE) }
}

describe('prior-year-mismatch', () => {
  it("reports this year's 上年三公经费 against last year's 实际支出, with evidence in both reports", async () => {
    const { ws, last, current, findings } = await pair()
    expect(findings).toHaveLength(1)
    const [f] = findings
    expect(f!.path).toBe(current)
    expect(f!.severity).toBe('warning')
    expect(f!.message).toBe('本报告第12行“上年三公经费支出”10.80万元，与2022年度报告（txt，last.txt）第12行“三公经费实际支出数”11.30万元不一致（相差0.5万元）')
    expect(f!.stated).toBe(10.8)
    expect(f!.computedLo).toBe(11.3)
    expect(f!.evidence.map((e) => [e.text, e.line, e.role, e.documentId])).toEqual([
      ['10.80万元', 12, 'stated', undefined],
      ['11.30万元', 12, 'last-year', documentIdAt(ws.db, last)],
    ])
    expect(FindingSchema.safeParse({ ...f, ruleId: f!.ruleId, computed: f!.computedLo }).success).toBe(true)
  })

  it('compares 上年结转 with last year’s 年末结转 and generic 上年 labels with their field (no finding when they agree)', async () => {
    // 上年结转结余资金35.60万元 and 上年公用经费支出52.00万元 agree with last year; only 三公 disagrees.
    const agreeing = await pair([['10.80万元', '11.30万元']])
    expect(agreeing.findings).toEqual([])
    const carry = await pair([['10.80万元', '11.30万元'], ['上年结转结余资金35.60万元', '上年结转结余资金36.60万元']])
    expect(carry.findings.map((f) => f.evidence.map((e) => e.text))).toEqual([['36.60万元', '35.60万元']])
    const publicFunds = await pair([['10.80万元', '11.30万元'], ['上年公用经费支出52.00万元', '上年公用经费支出50.00万元']])
    expect(publicFunds.findings.map((f) => f.evidence.map((e) => e.text))).toEqual([['50.00万元', '52.00万元']])
  })

  it('agrees within rounding across units (11.30万元 and 113,000元); a truncation is info', async () => {
    const { findings } = await pair([['10.80万元', '113,000元']])
    expect(findings).toEqual([])
    // 45元 beyond 11.30万元 ± 50元: within one unit of its last digit (100元), a truncation.
    const truncated = await pair([['10.80万元', '113,100元']])
    expect(truncated.findings.map((f) => f.severity)).toEqual(['info'])
    const off = await pair([['10.80万元', '113,500元']])
    expect(off.findings.map((f) => f.severity)).toEqual(['warning'])
  })

  it('takes a 上年…预算数 to last year’s budget, and a figure that matches the other quantity is info', async () => {
    expect((await pair([['上年“三公”经费支出10.80万元', '上年“三公”经费预算数13.00万元']])).findings).toEqual([])
    const budget = await pair([['上年“三公”经费支出10.80万元', '上年“三公”经费预算数12.50万元']])
    expect(budget.findings.map((f) => f.evidence.map((e) => e.text))).toEqual([['12.50万元', '13.00万元']])
    // Stated as spending, equal to last year's budget: two reports measuring different things.
    const confused = await pair([['10.80万元', '13.00万元']])
    expect(confused.findings).toHaveLength(1)
    expect(confused.findings[0]!.severity).toBe('info')
    expect(confused.findings[0]!.message).toMatch(/与上年报告第12行“本年三公经费预算安排数”13\.00万元一致，两者口径可能不同$/)
    expect(confused.findings[0]!.evidence.map((e) => e.role)).toEqual(['stated', 'last-year', 'last-year-other'])
  })

  it('compares only the same department (by name without places and region) and the year just before', async () => {
    expect((await pair([], [['和平县农业农村局2022', '和平县水务局2022']])).findings).toEqual([])
    expect((await pair([], [['2022年度部门', '2021年度部门'], ['2022年度收入', '2021年度收入'], ['2022年度支出', '2021年度支出']])).findings).toEqual([])
    // The name written with its city is still the same department.
    expect((await pair([], [['和平县农业农村局2022', '河源市和平县农业农村局2022']])).findings).toHaveLength(1)
  })

  it('agrees when either of two filings of last year agrees', async () => {
    const ws = workspace()
    const paths = ws.write({
      'last.txt': fixture(LAST),
      'last-corrected.txt': fixture(LAST, ['实际支出数为11.30万元', '实际支出数为10.80万元'], ['86.92%', '83.08%']),
      'this.txt': fixture(THIS),
    })
    await ingestInto(ws, paths)
    expect(storedFindings(ws.db, RULE)).toEqual([])
  })
})
