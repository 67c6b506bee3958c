/**
 * The number grammar, table-driven: each case is a phrase as reports write it and the one
 * figure cnreport must read from it — value, unit, printed decimals (XBRL sense: negative
 * when 万/亿 make the last written place coarse) and whether it is approximate.
 */
import { describe, expect, it } from 'vitest'
import { scanFigures } from '../../src/extract/figure-scan.js'

type Case = [text: string, raw: string, value: number, unit: string, decimals: number, approx: boolean]

function readOne(text: string) {
  const figures = scanFigures(text).filter((f) => f.kind !== null)
  expect(figures, `one figure in “${text}”`).toHaveLength(1)
  const f = figures[0]!
  return { raw: text.slice(f.start, f.end), value: f.value, unit: f.unit, decimals: f.decimals, approx: f.approx, f }
}

const cases: Record<string, Case[]> = {
  'Chinese numerals': [
    ['共有三百二十人参加', '三百二十人', 320, '人', 0, false],
    ['发放两千份资料', '两千份', 2000, '份', 0, false],
    ['投资一亿二千万元', '一亿二千万元', 120000000, '元', -4, false],
    ['建成一百零五处', '一百零五处', 105, '处', 0, false],
    ['组建十五支队伍', '十五支', 15, '支', 0, false],
    ['区九个安全生产专委会', '九个', 9, '个', 0, false],
    ['目标包含三项，分别为', '三项', 3, '项', 0, false],
    ['组织四镇完成大堤清基', '四镇', 4, '镇', 0, false],
    ['容纳三万五千人', '三万五千人', 35000, '人', -3, false],
    ['培训二十余人', '二十余人', 20, '人', 0, true],
    ['约五十家企业', '约五十家', 50, '家', 0, true],
  ],
  '大写 amounts': [
    ['人民币壹佰万元整', '壹佰万元', 1000000, '元', -4, false],
    ['金额贰拾叁万元', '贰拾叁万元', 230000, '元', -4, false],
    ['计伍仟元', '伍仟元', 5000, '元', 0, false],
  ],
  'percent in words and points': [
    ['满意度达到百分之九十五', '百分之九十五', 95, '%', 0, false],
    ['完成率百分之98', '百分之98', 98, '%', 0, false],
    ['同比下降3.5个百分点', '3.5个百分点', 3.5, '个百分点', 1, false],
    ['提高2百分点', '2百分点', 2, '个百分点', 0, false],
    ['占比12.5％', '12.5％', 12.5, '%', 1, false],
  ],
  'exact 万/亿 scaling': [
    ['追加4.52万元', '4.52万元', 4.52, '万元', 2, false],
    ['共0.5万元', '0.5万元', 0.5, '万元', 1, false],
    ['资金20.9425万元', '20.9425万元', 20.9425, '万元', 4, false],
    ['发放52.2万余条', '52.2万余条', 522000, '条', -3, true],
    ['灌溉15.57万亩', '15.57万亩', 155700, '亩', -2, false],
    ['约1.5亿元', '约1.5亿元', 1.5, '亿元', 1, true],
    ['检查1.2萬家', '1.2萬家', 12000, '家', -3, false],
  ],
  'approximation and bounds': [
    ['出动60余人', '60余人', 60, '人', 0, true],
    ['观摩群众300多人', '300多人', 300, '人', 0, true],
    ['大约200人次', '大约200人次', 200, '人次', 0, true],
    ['将近30家', '将近30家', 30, '家', 0, true],
    ['时长3年以上', '3年以上', 3, '年', 0, true],
    ['面积100平方米左右', '100平方米左右', 100, '平方米', 0, true],
    ['不少于20次', '20次', 20, '次', 0, false],
    ['≥2年', '≥2年', 2, '年', 0, false],
    ['控制在≤100%', '≤100%', 100, '%', 0, false],
    ['节约资金5万元', '5万元', 5, '万元', 0, false],
    ['最近3年', '3年', 3, '年', 0, false],
  ],
  'full width, traditional and spacing': [
    ['收入１２３．４５万元', '１２３．４５万元', 123.45, '万元', 2, false],
    ['合計100萬元', '100萬元', 100, '万元', 0, false],
    ['队员前置驻防到 12 个乡镇', '12 个', 12, '个', 0, false],
    ['数为 180000元，', '180000元', 180000, '元', 0, false],
    ['投资3.57億元', '3.57億元', 3.57, '亿元', 2, false],
  ],
  'separators and malformed numbers': [
    ['合计3,009.40万元', '3,009.40万元', 3009.4, '万元', 2, false],
    ['支出1,172,869.57元', '1,172,869.57元', 1172869.57, '元', 2, false],
    ['节余1,031,48.00元', '1,031,48.00元', 103148, '元', 2, false],
    ['追加7.50.万元', '7.50.万元', 7.5, '万元', 2, false],
    ['预算558.08万元万元，', '558.08万元万元', 558.08, '万元', 2, false],
  ],
  'measures and rates': [
    ['清淤7万立方米', '7万立方米', 70000, '立方米', -4, false],
    ['渠道17.5公里', '17.5公里', 17.5, '公里', 1, false],
    ['装机4665kw', '4665kw', 4665, 'kw', 0, false],
    ['装机4665KW', '4665KW', 4665, 'kw', 0, false],
    ['储备30吨', '30吨', 30, '吨', 0, false],
    ['值守24小时', '24小时', 24, '小时', 0, false],
    ['培训费480元/人/天', '480元/人/天', 480, '元/人/天', 0, false],
    ['单价120元/平方米', '120元/平方米', 120, '元/平方米', 0, false],
  ],
}

describe.each(Object.entries(cases))('%s', (_group, rows) => {
  it.each(rows)('%s → %s', (text, raw, value, unit, decimals, approx) => {
    const got = readOne(text)
    expect(got.raw).toBe(raw)
    expect(got.value).toBe(value)
    expect(got.unit).toBe(unit)
    expect(got.decimals).toBe(decimals)
    expect(got.approx).toBe(approx)
  })
})

describe('ranges', () => {
  it.each([
    ['补助10-20万元', [10, 20], '万元', [100000, 200000]],
    ['培训3至5个班次', [3, 5], '个', [undefined, undefined]],
    ['0-10%（含），计4分', [0, 10], '%', [undefined, undefined]],
  ] as const)('%s', (text, values, unit, yuan) => {
    const figures = scanFigures(text).filter((f) => f.unit === unit)
    expect(figures.map((f) => f.value)).toEqual(values)
    expect(figures.map((f) => f.yuan)).toEqual(yuan)
  })
})

describe('words that only look like numbers', () => {
  it.each([
    ['一是强化组织领导', 'an enumerator'],
    ['争取第一批救灾资金', 'an ordinal'],
    ['开展安全生产三年行动', 'a campaign name'],
    ['落实中央八项规定精神', 'a rule name'],
    ['实现防汛抗旱“五个确保”的目标', 'a slogan in quotes'],
    ['这项工作十分重要', '十分 (very)'],
    ['加强了防汛抢险队伍人员力量', '伍 inside 队伍'],
    ['陆续开展检查', '陆 inside 陆续'],
    ['每月开展一次监控', '一 alone'],
    ['三四个', 'three or four'],
    ['千人下乡抓五防', '千 alone'],
    ['二〇二三年五月', 'a date'],
  ])('%s (%s)', (text) => {
    expect(scanFigures(text).filter((f) => f.kind !== null)).toEqual([])
  })
})

it('flags a stray decimal point and a malformed grouping as malformed', () => {
  expect(readOne('追加7.50.万元').f.numeral.malformed).toMatch(/stray/)
  expect(readOne('节余1,031,48.00元').f.numeral.malformed).toMatch(/group/)
  expect(readOne('合计3,009.40万元').f.numeral.malformed).toBeUndefined()
})
