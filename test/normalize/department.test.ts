import { describe, expect, it } from 'vitest'
import { LineIndex, type Table } from '../../src/document.js'
import { departmentInTitle, findDepartment, fromText, isDepartmentName, qualifyDepartment } from '../../src/normalize/department.js'
import { resolveRegion } from '../../src/normalize/region.js'

/** The department of `text`, its first line taken as the title heading. */
function departmentOf(text: string, tables: Table[] = []) {
  const lines = new LineIndex(text)
  const first = lines.lineSpan(1)
  return findDepartment(text, lines, [{ ...first, title: text.slice(first.start, first.end) }], tables)
}

describe('departmentInTitle', () => {
  it.each([
    ['常宁市应急管理局2023年整体支出绩效评价报告', '常宁市应急管理局'],
    ['西湖区应急管理局整体支出绩效自评报告', '西湖区应急管理局'],
    ['攀枝花市仁和区应急管理局部门预算整体绩效自评报告', '攀枝花市仁和区应急管理局'],
    ['关于永州市零陵区交通运输局2022年度部门整体支出绩效自评的报告', '永州市零陵区交通运输局'],
    ['中共隆回县委宣传部2021年度部门整体支出绩效自评报告', '中共隆回县委宣传部'],
    ['岳阳县人民政府办公室（本级）2022年部门决算', '岳阳县人民政府办公室'],
    ['2022年度桃源县林业局部门整体支出绩效自评报告', '桃源县林业局'],
    ['2022年部门整体支出绩效自评表', null],
    ['部门整体绩效自评情况', null],
  ])('%s → %s', (title, name) => {
    expect(departmentInTitle(title)).toBe(name)
  })
})

describe('isDepartmentName', () => {
  it.each([
    ['常宁市应急管理局', true],
    ['某县卫生健康委员会', true],
    ['某县疾病预防控制中心', true],
    ['应急管理', false],
    ['局', false],
    ['2022年应急管理局', false],
  ])('%s → %s', (s, ok) => expect(isDepartmentName(s)).toBe(ok))
})

describe('fromText', () => {
  it('reads place-prefixed unit names and stops at the unit ending', () => {
    const text = '根据南昌市西湖区应急管理局和衡阳市防汛抗旱指挥部的安排，常宁市人民政府办公室印发。'
    expect(fromText(text).map((m) => m.name)).toEqual(['南昌市西湖区应急管理局', '衡阳市防汛抗旱指挥部', '常宁市人民政府办公室'])
  })

  it('tells the unit’s own rules from a superior’s notice', () => {
    const text = '建立了《唐山市丰南区应急管理局财务管理制度》，落实《河北省财政厅关于开展绩效自评的通知》。'
    expect(fromText(text).map((m) => [m.name, m.source])).toEqual([
      ['唐山市丰南区应急管理局', 'own-rules'],
      ['河北省财政厅', 'text'],
    ])
  })

  it('does not read 西湖区 inside 东西湖区, nor units run together', () => {
    expect(fromText('东西湖区应急管理局').map((m) => m.name)).toEqual(['东西湖区应急管理局'])
    expect(fromText('中共常宁市委常宁市人民政府').map((m) => m.name)).toEqual(['常宁市人民政府'])
  })
})

describe('findDepartment', () => {
  it('takes the title’s unit and its fullest form stated in the text', () => {
    const text = ['西湖区应急管理局整体支出绩效自评报告', '编制部门核定南昌市西湖区应急管理局行政编制13名。', '西湖区应急管理局'].join('\n')
    const d = departmentOf(text)!
    expect(d.name).toBe('南昌市西湖区应急管理局')
    expect(text.slice(d.span.start, d.span.end)).toBe('南昌市西湖区应急管理局')
  })

  it('reads a 预算单位名称 cell written as tab-led lines', () => {
    const text = ['附件3', '2022年部门整体支出绩效自评表', '\t预算单位名称', '\t益阳市大通湖区应急管理局', '获得湖南省应急管理厅表彰，湖南省应急管理厅通报。'].join('\n')
    expect(departmentOf(text)?.name).toBe('益阳市大通湖区应急管理局')
  })

  it('reads a 单位名称 cell of a table', () => {
    const text = '自评表\n单位名称 | 凉山州西昌市财政局\n'
    const at = text.indexOf('单位名称')
    const value = text.indexOf('凉山州')
    const table: Table = {
      id: 't1',
      start: at,
      end: text.length - 1,
      rows: [[{ start: at, end: at + 4, text: '单位名称' }, { start: value, end: value + 9, text: '凉山州西昌市财政局' }]],
    }
    expect(departmentOf(text, [table])?.name).toBe('凉山州西昌市财政局')
  })

  it('reads the signature line above the date', () => {
    const text = ['部门整体支出绩效自评报告', '一、部门概况', '略。', '', '    黔东南州凯里市教育局', '    2023年4月20日'].join('\n')
    expect(departmentOf(text)?.name).toBe('黔东南州凯里市教育局')
  })

  it('prefers the issuer named by title or signature over a superior named more often', () => {
    const text = ['长沙县农业农村局2022年度部门整体支出绩效自评报告', ...Array(6).fill('按长沙市财政局要求开展。'), '长沙县农业农村局'].join('\n')
    expect(departmentOf(text)?.name).toBe('长沙县农业农村局')
  })

  it('falls back to the unit’s own rules, and to null when nothing names a unit', () => {
    expect(departmentOf('部门整体绩效自评情况\n建立了《唐山市丰南区应急管理局内控制度》。')?.name).toBe('唐山市丰南区应急管理局')
    expect(departmentOf('部门整体绩效自评情况\n全区应急管理工作。')).toBeNull()
  })
})

describe('qualifyDepartment', () => {
  const qualify = (name: string, text: string) => qualifyDepartment(name, resolveRegion(name, text).value)
  it('puts the city in front of a district once the region is known', () => {
    expect(qualify('西湖区应急管理局', '江西省南昌市')).toBe('南昌市西湖区应急管理局')
    expect(qualify('仁和区应急管理局', '')).toBe('攀枝花市仁和区应急管理局')
    expect(qualify('朝阳区财政局', '北京市')).toBe('北京市朝阳区财政局')
  })

  it('leaves counties, county-level cities, qualified names and unresolved districts alone', () => {
    expect(qualify('常宁市应急管理局', '衡阳市')).toBe('常宁市应急管理局')
    expect(qualify('隆回县财政局', '邵阳市')).toBe('隆回县财政局')
    expect(qualify('益阳市大通湖区应急管理局', '')).toBe('益阳市大通湖区应急管理局')
    expect(qualify('西湖区应急管理局', '')).toBe('西湖区应急管理局')
  })
})
