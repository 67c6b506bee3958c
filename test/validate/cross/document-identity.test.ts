import { describe, expect, it } from 'vitest'
import type { StoredDocument } from '../../../src/store/cross-queries.js'
import { kindClassOf, normaliseName, splitPlaces, toCrossDocument } from '../../../src/validate/cross/document-identity.js'

function doc(department: string | null, regionCode: string | null, kind: string | null = '部门整体支出绩效自评报告'): StoredDocument {
  return { id: 'a'.repeat(64), path: '/x.txt', format: 'txt', title: null, department, province: null, city: null, county: null, regionCode, fiscalYear: 2023, kind }
}

describe('department identity', () => {
  it('keys a department by region code and the name without places, so the city may be written or not', () => {
    const withCity = toCrossDocument(doc('河源市和平县农业农村局', '441624'))
    const without = toCrossDocument(doc('和平县农业农村局', '441624'))
    expect(withCity.departmentKey).toBe('441624|农业农村局')
    expect(without.departmentKey).toBe(withCity.departmentKey)
    expect(without.unitName).toBe('农业农村局')
    expect(toCrossDocument(doc('和平县农业农村局（本级）', '441624')).departmentKey).toBe(withCity.departmentKey)
  })

  it('falls back to the full name when no region was resolved, and to nothing when the name has no place', () => {
    expect(toCrossDocument(doc('和平县农业农村局', null)).departmentKey).toBe('name|和平县农业农村局')
    expect(toCrossDocument(doc('某某局', null)).departmentKey).toBeNull()
    expect(toCrossDocument(doc(null, '441624')).departmentKey).toBeNull()
  })

  it('normalises spaces, quotes and full-width forms', () => {
    expect(normaliseName(' 和平县 “农业农村局” ')).toBe('和平县农业农村局')
    expect(normaliseName('和平县农业农村局(本级)')).toBe('和平县农业农村局')
  })

  it('splits leading places off, keeping 中共', () => {
    expect(splitPlaces('河源市和平县财政局')).toEqual({ places: '河源市和平县', unit: '财政局' })
    expect(splitPlaces('中共和平县委宣传部')).toEqual({ places: '和平县', unit: '中共委宣传部' })
  })

  it('classes report kinds, a bundle by its first part', () => {
    expect(kindClassOf('部门整体支出绩效自评报告')).toBe('overall')
    expect(kindClassOf('项目支出绩效自评表')).toBe('project')
    expect(kindClassOf('部门整体支出绩效自评表+绩效自评指标计分表')).toBe('overall')
    expect(kindClassOf('部门决算')).toBe('accounts')
    expect(kindClassOf(null)).toBe('other')
  })
})
