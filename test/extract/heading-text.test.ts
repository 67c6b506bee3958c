import { describe, expect, it } from 'vitest'
import { isBareTitle, readHeadingText, type ItemForm } from '../../src/extract/heading-text.js'

/** Reads the text after a leading enumerator of `prefix.length` characters. */
function read(line: string, prefix: string): { form: ItemForm; title: string } {
  const t = readHeadingText(line, prefix.length)
  return { form: t.form, title: line.slice(t.titleStart, t.titleEnd) }
}

describe('readHeadingText', () => {
  it.each<[string, string, ItemForm, string]>([
    ['（一）部门基本情况', '（一）', 'title', '部门基本情况'],
    ['（三）自评材料报送时间及质量。', '（三）', 'title', '自评材料报送时间及质量'],
    ['（一）总体绩效目标：', '（一）', 'title', '总体绩效目标'],
    ['1、部门设置。根据编委核定本单位内设处室13个，所属事业单位1个。', '1、', 'run-in', '部门设置'],
    ['1、在职人员控制率≦100%。我部门2024年年初在职人员66人。', '1、', 'run-in', '在职人员控制率≦100%'],
    ['（2）“三公经费”变动率：2022年“三公经费”预算数为180000元。', '（2）', 'run-in', '“三公经费”变动率'],
    ['（一）深化思想认识，压紧靠实安全生产主体责任。一是深入贯彻学习。', '（一）', 'run-in', '深化思想认识，压紧靠实安全生产主体责任'],
    // A quoted passage with commas inside still makes one short head.
    ['1.关于“安全生产工作有漏洞，园区15家企业未落实安全设施三同时”的整改落实情况。我局于2月制定方案。', '1.', 'run-in', '关于“安全生产工作有漏洞，园区15家企业未落实安全设施三同时”的整改落实情况'],
    ['1.长期做好辖区安全稳定工作；', '1.', 'list', '长期做好辖区安全稳定工作'],
    ['1、公用经费控制率≤100%，实际支出公用经费比预算安排经费少;', '1、', 'list', '公用经费控制率≤100%'],
    ['6、统一协调指挥各类应急专业队伍，建立应急协调联动机制，推进指挥平台对接。', '6、', 'sentence', '统一协调指挥各类应急专业队伍'],
    ['1、负责应急管理工作，指导全市各乡镇应对突发事件和综合防灾减灾救灾工作。负责安全生产综合监督管理。', '1、', 'sentence', '负责应急管理工作'],
  ])('%s', (line, prefix, form, title) => {
    expect(read(line, prefix)).toEqual({ form, title })
  })

  it('reports what closed the head clause and how long it is', () => {
    const t = readHeadingText('1、项目监管。定期检查。', 2)
    expect(t.closer).toBe('。')
    expect(t.headLength).toBe(4)
  })
})

describe('isBareTitle', () => {
  it.each(['履职效果情况', '存在的问题', '改进的方向和具体措施', '常宁市应急管理局 2023 年整体支出'])('%s is a title', (t) => {
    expect(isBareTitle(t)).toBe(true)
  })

  it.each([
    ['总体来看，我局预算绩效管理意识有待提升。', 'a sentence'],
    ['（2022年度）', 'a parenthesised year'],
    ['-- 8 of 23 --', 'page furniture'],
    ['201 06 07 信息化建设 135.25 135.25', 'a table row'],
    ['类 款 项', 'column heads'],
    ['[image: image1.png]', 'converter residue'],
    ['无', 'one character'],
    ['2022年5月12日', 'a date'],
  ])('%s is not a title (%s)', (t) => {
    expect(isBareTitle(t)).toBe(false)
  })
})
