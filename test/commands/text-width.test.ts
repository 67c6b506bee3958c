import { describe, expect, it } from 'vitest'
import { displayWidth, padEnd, truncateEnd, truncateStart } from '../../src/commands/text-width.js'

describe('text width', () => {
  it('counts CJK and fullwidth characters as two columns, ASCII and “ ” as one', () => {
    expect(displayWidth('abc')).toBe(3)
    expect(displayWidth('预算执行率')).toBe(10)
    expect(displayWidth('１２，３')).toBe(8)
    expect(displayWidth('“12.5%”')).toBe(7)
    expect(displayWidth('𠀀')).toBe(2) // outside the BMP: one code point, two columns
  })

  it('truncates to the width, ending (or starting) with …, never splitting a wide character', () => {
    expect(truncateEnd('预算执行率为98%', 20)).toBe('预算执行率为98%')
    expect(truncateEnd('预算执行率为98%', 8)).toBe('预算执…')
    expect(displayWidth(truncateEnd('预算执行率为98%', 8))).toBe(7)
    expect(truncateEnd('abcdef', 4)).toBe('abc…')
    expect(truncateStart('reports/2023/某局.txt', 10)).toBe('…/某局.txt')
    expect(truncateStart('short', 10)).toBe('short')
  })

  it('pads by columns so rows with Chinese line up', () => {
    expect(padEnd('预算', 6)).toBe('预算  ')
    expect(padEnd('ab', 6)).toBe('ab    ')
    expect(padEnd('预算执行率', 6)).toBe('预算执行率')
  })
})
