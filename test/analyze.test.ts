import { readFileSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { analyzeBytes, analyzeFile } from '../src/analyze.js'
import { ExtractResultSchema } from '../src/contract.js'

const CORPUS = resolve('corpus')
const SEED_TXT = readdirSync(CORPUS).filter((n) => n.endsWith('.txt')).sort()

describe('analyzeFile on the bundled TXT seeds', () => {
  it('finds the seeds', () => {
    expect(SEED_TXT.length).toBeGreaterThanOrEqual(5)
  })

  it.each(SEED_TXT)('%s validates against the contract and keeps the text as it is', async (name) => {
    const path = join(CORPUS, name)
    const result = await analyzeFile(path)
    expect(() => ExtractResultSchema.parse(result)).not.toThrow()
    expect(result.text).toBe(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''))
    expect(result.document.format).toBe('txt')
    expect(result.figures.length).toBeGreaterThan(50)
    expect(result.sections.length).toBeGreaterThan(20)
    for (const f of result.figures) {
      expect(result.text.slice(f.start, f.end)).toBe(f.raw)
      expect(result.text.split('\n').slice(0, f.line - 1).join('\n').length).toBeLessThanOrEqual(f.start)
      if (f.kind === 'money') expect(f.yuan).toBeTypeOf('number')
    }
  })
})

describe('encodings', () => {
  it('gives a GB18030 copy of a seed exactly the figures of the UTF-8 file', async () => {
    const utf8 = await analyzeFile(join(CORPUS, '000_5799300e2c9f984a.txt'))
    const gbBytes = readFileSync(resolve('test/fixtures/txt/000-gb18030.txt'))
    const gb = await analyzeBytes(gbBytes, 'gb18030.txt')
    expect(gb.text).toBe(utf8.text)
    const shape = (r: typeof utf8) => r.figures.map(({ start, end, raw, value, unit, kind, label }) => ({ start, end, raw, value, unit, kind, label }))
    expect(shape(gb)).toEqual(shape(utf8))
    expect(gb.diagnostics.map((d) => d.code)).toContain('txt-decoded-gb18030')
  })
})
