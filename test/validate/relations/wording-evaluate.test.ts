import { describe, expect, it } from 'vitest'
import type { Figure } from '../../../src/contract.js'
import type { RatioRelation, SumRelation } from '../../../src/validate/relations/types.js'
import { checkRatio, checkSum } from '../../../src/validate/relations/wording-evaluate.js'
import { analyse } from './wording-analyze.js'

/** The figures of a text by their raw text, in order. */
async function figures(text: string): Promise<Figure[]> {
  return (await analyse(text)).figures
}

function sum(total: Figure, parts: Figure[], complete: boolean, signs: Array<1 | -1> = parts.map(() => 1)): SumRelation {
  return { kind: 'sum', total, parts: parts.map((figure, k) => ({ figure, sign: signs[k]! })), origin: 'wording', complete, note: 'test' }
}

function ratio(stated: Figure, numerator: Figure[], denominator: Figure, signs: Array<1 | -1> = numerator.map(() => 1)): RatioRelation {
  return { kind: 'ratio', stated, numerator: numerator.map((figure, k) => ({ figure, sign: signs[k]! })), denominator, origin: 'wording', note: 'test' }
}

describe('checkSum', () => {
  it('compares across units and reads a bare integer at its siblings’ precision', async () => {
    const [total, a, b] = await figures('合计1.5万元，甲12000元，乙3000元。')
    expect(checkSum(sum(total!, [a!, b!], true))?.holds).toBe(true)
    const [t2, p1, p2] = await figures('成本20万元，已付1.74万元，剩余18万元。')
    const check = checkSum(sum(t2!, [p1!, p2!], true))!
    expect(check.holds).toBe(false)
    expect(check.exact.toString()).toBe('197400')
    expect(check.unit.toString()).toBe('100')
  })

  it('lets a partial list fall short of its total but not exceed it', async () => {
    const [total, a, b] = await figures('总数100件，甲30件，乙40件。')
    expect(checkSum(sum(total!, [a!, b!], false))?.holds).toBe(true)
    expect(checkSum(sum(total!, [a!, b!], true))?.holds).toBe(false)
    const [t2, c, d] = await figures('总数100件，甲60件，乙50件。')
    expect(checkSum(sum(t2!, [c!, d!], false))?.holds).toBe(false)
  })
})

describe('checkRatio', () => {
  it('holds a rate to the printed operands but says when their rounding would explain it', async () => {
    const [a, b, , rate] = await figures('本年6.59万元，上年7.28万元，减少0.69万元，变动率9.52%。')
    const check = checkRatio(ratio(rate!, [b!, a!], b!, [1, -1]))!
    expect(check.holds).toBe(false)
    expect(check.holdsWithinRounding).toBe(true)
    expect(check.exact.toDecimalPlaces(2).toString()).toBe('9.48')
  })

  it('tells a sign-only mismatch, a cut-off rate and a broken bound apart', async () => {
    const [a, b, rate] = await figures('本年6.00万元，上年8.00万元，变动率25.00%。')
    expect(checkRatio(ratio(rate!, [a!, b!], b!, [1, -1]))).toMatchObject({ holds: false, signOnly: true })
    const [budget, actual, cut] = await figures('预算300.00万元，执行299.97万元，执行率99%。')
    expect(checkRatio(ratio(cut!, [actual!], budget!))).toMatchObject({ holds: false, truncated: true })
    const [authorized, staff, bound] = await figures('编制65人，在职68人，控制率≤100%。')
    expect(checkRatio(ratio(bound!, [staff!], authorized!))).toMatchObject({ holds: false, signOnly: false, truncated: false })
  })

  it('gives no verdict on a zero denominator', async () => {
    const [zero, x, rate] = await figures('预算0万元，实际5万元，执行率100%。')
    expect(checkRatio(ratio(rate!, [x!], zero!))).toBeNull()
  })
})
