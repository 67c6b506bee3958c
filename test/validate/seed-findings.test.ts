/**
 * The mistakes the seed reports are known for (../shared/gold), each found with evidence on
 * every number involved, at error or warning.
 */
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { analyzeFile } from '../../src/analyze.js'
import type { Finding } from '../../src/contract.js'

const corpus = (name: string) => join(resolve('corpus'), name)
const loud = (f: Finding) => f.severity === 'error' || f.severity === 'warning'
const quoted = (f: Finding) => f.evidence.map((e) => e.text)

async function findingsOf(name: string) {
  return (await analyzeFile(corpus(name))).findings.filter(loud)
}

describe('known mistakes in the seeds', () => {
  it('002: 三公经费控制率 65.01% in the narrative against 42.67% in the table, and against its own amounts', async () => {
    const findings = await findingsOf('002_df2f04f55971090d.txt')
    expect(findings.some((f) => f.ruleId === 'restated-mismatch' && quoted(f).includes('65.01%') && quoted(f).includes('42.67%'))).toBe(true)
    const ratio = findings.find((f) => f.ruleId === 'ratio-mismatch' && quoted(f)[0] === '65.01%')
    expect(ratio && quoted(ratio)).toEqual(expect.arrayContaining(['76,852.00元', '180000元']))
    expect(ratio!.stated).toBe(65.01)
  })

  it('003: 追加专项资金 841.45万元 against 875.45万元, and 348.87元 among 万元 amounts', async () => {
    const findings = await findingsOf('003_f7f3d033ce8efc18.txt')
    expect(findings.some((f) => quoted(f).includes('841.45万元') && quoted(f).includes('875.45万元'))).toBe(true)
    const slip = findings.find((f) => f.ruleId === 'unit-slip')
    expect(slip && quoted(slip)[0]).toBe('348.87元')
  })

  it('004: 预算完成率 97.50% against 97.05%', async () => {
    const findings = await findingsOf('004_45c0309bc3cdb8d6.txt')
    const restated = findings.find((f) => f.ruleId === 'restated-mismatch' && quoted(f).includes('97.05%'))
    expect(restated && quoted(restated)).toEqual(expect.arrayContaining(['97.05%', '97.50%']))
  })

  it('001: 164件 against 85 + 25 + 94', async () => {
    const findings = await findingsOf('001_839d056623e669bc.txt')
    const sum = findings.find((f) => f.ruleId === 'sum-mismatch' && quoted(f)[0] === '164件')
    expect(sum && quoted(sum)).toEqual(['164件', '85件', '25件', '94件'])
    expect(sum!.stated).toBe(164)
    expect(sum!.computed).toBe(204)
  })

  it('000 has no loud finding: its arithmetic holds', async () => {
    expect(await findingsOf('000_5799300e2c9f984a.txt')).toEqual([])
  })
})
