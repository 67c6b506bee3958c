import { describe, expect, it } from 'vitest'
import { parseChineseNumeral, readEnumerator, skipLeadingJunk } from '../../src/extract/heading-enumerator.js'

describe('readEnumerator', () => {
  it.each([
    // line, raw, shape, script, value, rank
    ['一、部门概况', '一、', 'dun', 'cn', 1, 1],
    ['十一、其他事项', '十一、', 'dun', 'cn', 11, 1],
    ['二十三、附则', '二十三、', 'dun', 'cn', 23, 1],
    ['一．部门概况', '一．', 'dun', 'cn', 1, 1],
    ['（一）部门基本情况', '（一）', 'paren', 'cn', 1, 2],
    ['(四）预算绩效开展', '(四）', 'paren', 'cn', 4, 2],
    ['(二)防汛抗旱工作', '(二)', 'paren', 'cn', 2, 2],
    ['1、部门设置。根据编委核定', '1、', 'dun', 'ar', 1, 3],
    ['2.组织资料收集', '2.', 'dun', 'ar', 2, 3],
    ['1. 预算资金情况', '1.', 'dun', 'ar', 1, 3],
    ['３．公用经费控制率', '３．', 'dun', 'ar', 3, 3],
    ['12、按照分级、属地原则', '12、', 'dun', 'ar', 12, 3],
    ['1.2022年度预算执行情况', '1.', 'dun', 'ar', 1, 3],
    ['（1）年初总收支预算情况', '（1）', 'paren', 'ar', 1, 4],
    ['（2） 自评工作情况', '（2）', 'paren', 'ar', 2, 4],
    ['（１２）项目', '（１２）', 'paren', 'ar', 12, 4],
    ['1）项目概况', '1）', 'paren', 'ar', 1, 4],
    ['②有本部门厉行节约制度', '②', 'circled', 'other', 2, 5],
    ['b. 项目管理', 'b.', 'latin', 'other', 2, 5],
    ['二是效率性分析', '二是', 'shi', 'cn', 2, 1.5],
    ['第二部分 决算表', '第二部分', 'part', 'cn', 2, 0.5],
  ])('%s → %s', (line, raw, shape, script, value, rank) => {
    const e = readEnumerator(line)
    expect(e).toMatchObject({ raw, shape, script, value, rank })
  })

  it.each([
    ['3.57亿元固定资产投资', 'a decimal number'],
    ['2.5万元', 'a decimal number'],
    ['1、2月份完成', 'a list of numbers'],
    ['2023年度收入总计3395.06万元', 'a year'],
    ['三公经费支出情况', 'a word that starts with a numeral'],
    ['一般公共预算', 'a word that starts with 一'],
    ['一、', 'an enumerator with nothing after it'],
    ['（2022年度）', 'a parenthesised year'],
    ['', 'an empty line'],
  ])('%s is not an enumerator (%s)', (line) => {
    expect(readEnumerator(line)).toBeNull()
  })

  it('reads past indentation and converter residue, and reports offsets in the line', () => {
    const line = '\u3000\u3000[bookmark: _GoBack]（二）坚持问题导向'
    const e = readEnumerator(line)
    expect(e).toMatchObject({ raw: '（二）', value: 2 })
    expect(line.slice(e!.start, e!.end)).toBe('（二）')
    expect(skipLeadingJunk(line)).toBe(e!.start)
  })

  it('includes blanks after the enumerator in its end, not in raw', () => {
    const line = '4、 部门整体支出情况'
    const e = readEnumerator(line)!
    expect(e.raw).toBe('4、')
    expect(line.slice(e.end)).toBe('部门整体支出情况')
  })
})

describe('parseChineseNumeral', () => {
  it.each([
    ['一', 1],
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['九十九', 99],
    ['两', 2],
  ])('%s = %d', (s, v) => expect(parseChineseNumeral(s)).toBe(v))

  it.each(['十－', '一二', '百', ''])('%s is not a numeral', (s) => expect(parseChineseNumeral(s)).toBeNull())
})
