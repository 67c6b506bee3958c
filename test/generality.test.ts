/**
 * cnreport is judged on reports it has never seen, so nothing in src/ or data/ may know a
 * department, place or figure of the bundled corpus — not even in a comment, where it would
 * invite a rule fitted to one report. The names and numbers to look for come from the gold
 * annotations of the corpus.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { sharedPath } from './helpers/shared.js'

const goldDir = sharedPath('gold')

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}

describe.skipIf(!goldDir)('src/ and data/ know nothing of the corpus', () => {
  const names = new Set<string>()
  const numbers = new Set<string>()
  for (const file of readdirSync(goldDir!).filter((f) => f.endsWith('.json'))) {
    const gold = JSON.parse(readFileSync(join(goldDir!, file), 'utf8')) as {
      department?: string
      region?: Record<string, string | null>
      figures: Array<{ text: string }>
    }
    if (gold.department) names.add(gold.department)
    for (const place of Object.values(gold.region ?? {})) {
      // 常宁市 and its stem 常宁; province names are general knowledge, but a seed's city and county are not.
      if (!place || place.endsWith('省')) continue
      names.add(place)
      if (place.length > 2) names.add(place.slice(0, -1))
    }
    for (const f of gold.figures) {
      const digits = f.text.replace(/[^0-9.]/g, '')
      // Distinctive amounts only: 3395.06, 1268.2285 — not 100 or 2.5.
      if (/^\d+\.\d+$/.test(digits) && digits.replace('.', '').length >= 5) numbers.add(digits)
    }
  }
  // data/jieba/ is the segmenter's general dictionary (from nodejieba): it names every city in
  // China, which is general knowledge, not knowledge of the corpus.
  const files = [...filesUnder(resolve('src')), ...filesUnder(resolve('data')).filter((f) => !f.includes(`${resolve('data', 'jieba')}`))]

  it('found what to look for', () => {
    expect(names.size).toBeGreaterThan(5)
    expect(numbers.size).toBeGreaterThan(50)
  })

  it.each(files.map((f) => [f.slice(resolve('.').length + 1), f]))('%s', (_name, path) => {
    const text = readFileSync(path, 'utf8')
    const hits = [...names].filter((n) => text.includes(n))
    for (const n of numbers) if (new RegExp(`(?<![0-9.])${n.replace('.', '\\.')}(?![0-9])`).test(text)) hits.push(n)
    expect(hits, 'corpus names or figures').toEqual([])
  })
})
