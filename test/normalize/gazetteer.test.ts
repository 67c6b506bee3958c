import { describe, expect, it } from 'vitest'
import { gazetteer } from '../../src/normalize/gazetteer.js'

const g = gazetteer()
const place = (code: string) => g.byCode.get(code)!

describe('gazetteer', () => {
  it('pads province and city codes to six digits and links counties to their city', () => {
    expect(place('430000')).toMatchObject({ level: 'province', name: '湖南省' })
    expect(place('430400')).toMatchObject({ level: 'city', name: '衡阳市', provinceCode: '430000' })
    expect(place('430482')).toMatchObject({ level: 'county', name: '常宁市', cityCode: '430400', provinceCode: '430000' })
  })

  it.each([
    ['430971', ['益阳市大通湖管理区', '大通湖管理区', '益阳市大通湖区', '大通湖区']], // city prefix dropped, 管理区 ↔ 区
    ['430529', ['城步苗族自治县', '城步县', '城步自治县']], // 自治县 abbreviated
    ['130321', ['青龙满族自治县', '青龙县', '青龙自治县']],
    ['422800', ['恩施土家族苗族自治州', '恩施州', '恩施自治州']],
    ['450000', ['广西壮族自治区']],
    ['429004', ['仙桃市']],
  ])('names %s as documents write it', (code, names) => {
    expect(g.namesOf(place(code))).toEqual(names)
  })

  it('keeps stems (湖南, 衡阳, 广西, 新疆) as evidence-only names', () => {
    expect(g.namesOf(place('430000'), true)).toContain('湖南')
    expect(g.namesOf(place('430400'), true)).toContain('衡阳')
    expect(g.namesOf(place('450000'), true)).toContain('广西')
    expect(g.namesOf(place('650000'), true)).toContain('新疆')
    expect(g.matchAt('湖南应急管理厅', 0)).toBeNull()
    expect(g.matchAt('湖南应急管理厅', 0, true)?.surface).toBe('湖南')
  })

  it('does not make a name out of a development zone without its city', () => {
    expect(g.matchAt('经济开发区管委会', 0)).toBeNull()
  })

  it('matches the longest name and returns every place written that way', () => {
    expect(g.matchAt('东西湖区应急管理局', 0)?.names.map((n) => n.place.code)).toEqual(['420112'])
    expect(g.matchAt('西湖区应急管理局', 0)?.names.map((n) => n.place.code).sort()).toEqual(['330106', '360103'])
    expect(g.matchAt('益阳市大通湖区应急管理局', 0)).toMatchObject({ surface: '益阳市大通湖区' })
    expect(g.matchAt('应急管理局', 0)).toBeNull()
  })

  it('knows the municipalities whose districts have no city of their own', () => {
    expect([...g.municipalities].sort()).toEqual(['110000', '120000', '310000', '500000'])
    expect(place('110105')).toMatchObject({ name: '朝阳区', cityCode: null })
  })
})
