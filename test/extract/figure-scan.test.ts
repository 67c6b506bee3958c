import { describe, expect, it } from 'vitest'
import { scanFigures } from '../../src/extract/figure-scan.js'

/** The one figure with a unit in `text`, as the scanner reads it. */
function only(text: string) {
  const withUnit = scanFigures(text).filter((f) => f.kind !== null)
  expect(withUnit, `figures in ${text}`).toHaveLength(1)
  const f = withUnit[0]!
  return { raw: text.slice(f.start, f.end), kind: f.kind, unit: f.unit, value: f.value, decimals: f.decimals, approx: f.approx, yuan: f.yuan, comparator: f.comparator }
}

describe('scanFigures: one quantity per case', () => {
  it.each([
    // text, raw, kind, unit, value, decimals, approx, yuan
    ['收入总计3395.06万元。', '3395.06万元', 'money', '万元', 3395.06, 2, false, 33950600],
    ['追加4.52万元', '4.52万元', 'money', '万元', 4.52, 2, false, 45200],
    ['调整后1268.2285万元', '1268.2285万元', 'money', '万元', 1268.2285, 4, false, 12682285],
    ['结转指标为54,212.48元。', '54,212.48元', 'money', '元', 54212.48, 2, false, 54212.48],
    ['合计3,009.40万元', '3,009.40万元', 'money', '万元', 3009.4, 2, false, 30094000],
    ['投资3.57亿元', '3.57亿元', 'money', '亿元', 3.57, 2, false, 357000000],
    ['确定98万作为上限', '98万', 'money', '万元', 98, 0, false, 980000],
    ['完成了3.57亿，', '3.57亿', 'money', '亿元', 3.57, 2, false, 357000000],
    ['共投入3500多万元', '3500多万元', 'money', '万元', 3500, 0, true, 35000000],
    ['节约资金20万余元', '20万余元', 'money', '万元', 20, 0, true, 200000],
    ['筹集766.02多万元', '766.02多万元', 'money', '万元', 766.02, 2, true, 7660200],
    ['拨付１２．５万元', '１２．５万元', 'money', '万元', 12.5, 1, false, 125000],
    ['合计100萬元', '100萬元', 'money', '万元', 100, 0, false, 1000000],
    ['减少-5.5万元', '-5.5万元', 'money', '万元', -5.5, 1, false, -55000],
    ['占99.65%；', '99.65%', 'percent', '%', 99.65, 2, false, undefined],
    ['变动率0％', '0％', 'percent', '%', 0, 0, false, undefined],
    ['下降2个百分点', '2个百分点', 'percent', '个百分点', 2, 0, false, undefined],
    ['满意度95%以上', '95%以上', 'percent', '%', 95, 0, true, undefined],
    ['编制数131人,', '131人', 'count', '人', 131, 0, false, undefined],
    ['队伍160 人。', '160 人', 'count', '人', 160, 0, false, undefined],
    ['整改5400余项', '5400余项', 'count', '项', 5400, 0, true, undefined],
    ['发放1.8万余份', '1.8万余份', 'count', '份', 18000, -3, true, undefined],
    ['能容纳2万5千人', '2万5千人', 'count', '人', 25000, -3, false, undefined],
    ['检查364家次', '364家次', 'count', '家次', 364, 0, false, undefined],
    ['约3500人次', '约3500人次', 'count', '人次', 3500, 0, true, undefined],
    ['引水1908万方', '1908万方', 'measure', '方', 19080000, -4, false, undefined],
    ['约21.43公里', '约21.43公里', 'measure', '公里', 21.43, 2, true, undefined],
    ['装机23758kw', '23758kw', 'measure', 'kw', 23758, 0, false, undefined],
    ['近100天', '近100天', 'measure', '天', 100, 0, true, undefined],
    ['高度70米以上', '70米以上', 'measure', '米', 70, 0, true, undefined],
    ['培训费≦500元/人/天', '≦500元/人/天', 'measure', '元/人/天', 500, 0, false, undefined],
    ['自评分97分', '97分', 'score', '分', 97, 0, false, undefined],
    ['预算558.08万元万元，', '558.08万元万元', 'money', '万元', 558.08, 2, false, 5580800],
  ] as const)('%s → %s', (text, raw, kind, unit, value, decimals, approx, yuan) => {
    const f = only(text)
    expect(f.raw).toBe(raw)
    expect(f.kind).toBe(kind)
    expect(f.unit).toBe(unit)
    expect(f.value).toBe(value)
    expect(f.decimals).toBe(decimals)
    expect(f.approx).toBe(approx)
    expect(f.yuan).toBe(yuan)
  })
})

describe('scanFigures: comparators', () => {
  it.each([
    ['控制率≦100%', '<='],
    ['≥95%', '>='],
    ['100处以上', '>='],
    ['100%以下（含）', '<='],
    ['大于30%不得分', '>'],
    ['不少于20次', '>='],
  ])('%s → %s', (text, comparator) => {
    expect(only(text).comparator).toBe(comparator)
  })

  it('keeps a word comparator out of the raw text but a symbol in it', () => {
    expect(only('大于30%不得分').raw).toBe('30%')
    expect(only('控制率≦100%').raw).toBe('≦100%')
  })
})

describe('scanFigures: what is not a quantity', () => {
  it.each([
    ['2023年度收入', 'a year'],
    ['于2023年5月18日止', 'dates'],
    ['11月11日6时20分，', 'a clock time'],
    ['区委第21次常委会', 'an ordinal'],
    ['“4·17”金华武义厂房火灾', 'an event code'],
    ['G356线常宁大桥', 'a road code'],
    ['（西办字〔2019〕30号）', 'a document number'],
    ['1、负责应急管理工作', 'a list enumerator'],
    ['目标1：安全生产工作', 'a numbered target'],
    ['人保财险4、5、6楼', 'floors'],
    ['整合全区除110、119、120、122外', 'phone numbers'],
    ['1－10月份列全市', 'a month range'],
  ])('%s (%s)', (text) => {
    expect(scanFigures(text).filter((f) => f.kind !== null)).toEqual([])
  })
})

describe('scanFigures: lists, ranges and separators', () => {
  it('reads a comma between two amounts as a list separator, sharing the unit', () => {
    const figures = scanFigures('分别为4125.49,4143.91万元')
    expect(figures.map((f) => [f.value, f.unit, f.yuan])).toEqual([
      [4125.49, '万元', 41254900],
      [4143.91, '万元', 41439100],
    ])
    expect(figures[0]!.sharedUnit).toBe(true)
  })

  it('gives both ends of a range the unit', () => {
    expect(scanFigures('0-10%（含），计4分').filter((f) => f.unit === '%').map((f) => f.value)).toEqual([0, 10])
  })

  it('keeps a malformed grouping as one number and says why', () => {
    const [f] = scanFigures('节余1,031,48.00元')
    expect(f!.value).toBe(103148)
    expect(f!.yuan).toBe(103148)
    expect(f!.numeral.malformed).toMatch(/group/)
  })

  it('does not take a range dash after a closing bracket for a minus sign', () => {
    const values = scanFigures('80%（含）-90%，计4分').filter((f) => f.kind === 'percent').map((f) => f.value)
    expect(values).toEqual([80, 90])
  })

  it('leaves a number with no unit bare', () => {
    const [f] = scanFigures('\t582.77\n')
    expect(f!.kind).toBeNull()
    expect(f!.value).toBe(582.77)
    expect(f!.decimals).toBe(2)
  })
})
