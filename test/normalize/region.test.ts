import { describe, expect, it } from 'vitest'
import { placeChain, resolveRegion } from '../../src/normalize/region.js'

describe('resolveRegion', () => {
  it.each([
    // county-level city: its city and province come from the division data
    ['常宁市应急管理局', '', { province: '湖南省', city: '衡阳市', county: '常宁市', code: '430482' }],
    // district named with its city
    ['南昌市西湖区应急管理局', '', { province: '江西省', city: '南昌市', county: '西湖区', code: '360103' }],
    // the dataset's 益阳市大通湖管理区, written as reports write it
    ['益阳市大通湖区应急管理局', '', { province: '湖南省', city: '益阳市', county: '大通湖区', code: '430971' }],
    ['大通湖区财政局', '', { province: '湖南省', city: '益阳市', county: '大通湖区', code: '430971' }],
    // 自治县 abbreviated: shown by its official name
    ['城步县财政局', '', { province: '湖南省', city: '邵阳市', county: '城步苗族自治县', code: '430529' }],
    // provincial department: no city, no county
    ['湖南省应急管理厅', '', { province: '湖南省', city: null, county: null, code: '430000' }],
    ['广西壮族自治区财政厅', '', { province: '广西壮族自治区', city: null, county: null, code: '450000' }],
    // city-level department, and an autonomous prefecture by its short name
    ['长沙市财政局', '', { province: '湖南省', city: '长沙市', county: null, code: '430100' }],
    ['恩施州民政局', '', { province: '湖北省', city: '恩施土家族苗族自治州', county: null, code: '422800' }],
    // a district of a municipality: the municipality is its city; a 省直辖 county-level city has none
    ['北京市朝阳区应急管理局', '', { province: '北京市', city: '北京市', county: '朝阳区', code: '110105' }],
    ['仙桃市应急管理局', '', { province: '湖北省', city: null, county: '仙桃市', code: '429004' }],
    // a province before the county narrows nothing away
    ['四川省攀枝花市仁和区应急管理局', '', { province: '四川省', city: '攀枝花市', county: '仁和区', code: '510411' }],
  ])('%s → its region', (department, text, region) => {
    const r = resolveRegion(department, text)
    expect(r.value.region).toEqual(region)
    expect(r.diagnostics).toEqual([])
  })

  it('settles an ambiguous county by the city or province the text names', () => {
    expect(resolveRegion('西湖区应急管理局', '根据杭州市应急管理局的部署').value.region).toEqual({ province: '浙江省', city: '杭州市', county: '西湖区', code: '330106' })
    expect(resolveRegion('西湖区应急管理局', '接入江西省安全监管信息系统').value.region?.code).toBe('360103')
    // a city named in the department settles it without the text
    expect(resolveRegion('杭州市西湖区财政局', '南昌').value.region?.code).toBe('330106')
  })

  it('leaves an ambiguous county open, saying why, when the text names neither city', () => {
    const r = resolveRegion('西湖区应急管理局', '全区应急管理工作')
    expect(r.value.region).toEqual({ province: null, city: null, county: '西湖区', code: null })
    expect(r.value.place).toBeNull()
    expect(r.diagnostics).toHaveLength(1)
    expect(r.diagnostics[0]).toMatchObject({ level: 'info', code: 'region-ambiguous' })
    expect(r.diagnostics[0]!.message).toContain('浙江省杭州市西湖区（330106）')
    expect(r.diagnostics[0]!.message).toContain('江西省南昌市西湖区（360103）')
  })

  it('leaves it open on a tie too', () => {
    const r = resolveRegion('西湖区应急管理局', '杭州市和南昌市的同行')
    expect(r.value.region?.code).toBeNull()
    expect(r.diagnostics[0]!.message).toContain('提及次数相同')
  })

  it('keeps what ambiguous candidates share (桥西区 of 石家庄市 and 张家口市, both in 河北省)', () => {
    const r = resolveRegion('桥西区财政局', '')
    expect(r.value.region).toEqual({ province: '河北省', city: null, county: '桥西区', code: null })
  })

  it('says why there is no region when the department has no place name', () => {
    for (const department of ['区应急管理局', null]) {
      const r = resolveRegion(department, '')
      expect(r.value.region).toBeNull()
      expect(r.diagnostics[0]).toMatchObject({ level: 'info', code: 'region-unresolved' })
    }
  })
})

describe('placeChain', () => {
  it('reads the place names a department name starts with, narrowing each to the one before', () => {
    const chain = placeChain('南昌市西湖区应急管理局')
    expect(chain.map((m) => m.surface)).toEqual(['南昌市', '西湖区'])
    expect(chain[1]!.places.map((p) => p.code)).toEqual(['360103'])
  })

  it('stops at the unit name and does not read 西湖区 inside 东西湖区', () => {
    expect(placeChain('东西湖区应急管理局').map((m) => m.surface)).toEqual(['东西湖区'])
    expect(placeChain('应急管理局')).toEqual([])
  })
})
