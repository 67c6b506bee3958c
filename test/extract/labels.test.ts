import { describe, expect, it } from 'vitest'
import { labelBefore, trimLabel } from '../../src/extract/labels.js'

describe('trimLabel', () => {
  it.each([
    ['其中：财政拨款收入', '财政拨款收入'],
    ['2023年度收入总计', '收入总计'],
    ['本部门编制数', '编制数'],
    ['实际支出数为', '实际支出数'],
    ['其中：公务接待费支出为', '公务接待费支出'],
    ['截止2024年底我单位机关行政编制人员', '机关行政编制人员'],
    ['本单位2023年编制人数为', '编制人数'],
    ['×', ''],
  ])('%s → %s', (clause, label) => {
    expect(trimLabel(clause)).toBe(label)
  })

  it('keeps the end of a long clause, where the quantity is named, in whole words', () => {
    const label = trimLabel('针对上一年度审计发现的问题组织各股室开展了全面细致的隐患排查整改')
    expect(label.length).toBeLessThanOrEqual(16)
    expect('针对上一年度审计发现的问题组织各股室开展了全面细致的隐患排查整改'.endsWith(label)).toBe(true)
  })
})

describe('labelBefore', () => {
  const text = '收入总计3395.06万元。其中：财政拨款收入3383.30万元，占99.65%；占基本支出的97.81%'
  const at = (raw: string) => text.indexOf(raw)

  it('names the quantity in the clause before the number', () => {
    expect(labelBefore(text, at('3383.30'), 0, null)).toBe('财政拨款收入')
  })

  it('never reaches back past the previous figure', () => {
    expect(labelBefore(text, at('3383.30'), at('3383.30') - 2, null)).toBe('收入')
  })

  it('gives a bare 占…% the label of the figure it follows', () => {
    expect(labelBefore(text, at('99.65%'), at('99.65%') - 2, '财政拨款收入')).toBe('财政拨款收入占比')
  })

  it('names the base of a share', () => {
    expect(labelBefore(text, at('97.81%'), at('97.81%') - 7, null)).toBe('占基本支出比重')
  })
})
