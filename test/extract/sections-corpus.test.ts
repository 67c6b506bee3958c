/**
 * The section finder against the hand-made gold of the seed reports (../shared/gold). A
 * predicted section matches a gold section on the same line; levels are compared among
 * matches. Skips when the gold is absent (the project cloned on its own).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { SectionSchema } from '../../src/contract.js'
import { LineIndex, type SourceDocument } from '../../src/document.js'
import { findSections } from '../../src/extract/sections.js'

const here = fileURLToPath(new URL('.', import.meta.url))
const goldDir = resolve(here, '../../../shared/gold')
const corpusDir = resolve(here, '../../corpus')

interface GoldSection {
  level: number
  line: number
  title: string
}

function seeds(): Array<{ id: string; text: string; gold: GoldSection[] }> {
  return readdirSync(corpusDir)
    .filter((f) => /^\d{3}_.*\.txt$/.test(f) && existsSync(resolve(goldDir, `${f.slice(0, 3)}.json`)))
    .sort()
    .map((f) => ({
      id: f.slice(0, 3),
      text: readFileSync(resolve(corpusDir, f), 'utf8').replace(/^\ufeff/, ''),
      gold: (JSON.parse(readFileSync(resolve(goldDir, `${f.slice(0, 3)}.json`), 'utf8')) as { sections: GoldSection[] }).sections,
    }))
}

describe.skipIf(!existsSync(goldDir) || !existsSync(corpusDir))('findSections on the seed corpus', () => {
  it('recalls at least 90% of the gold headings, with precision and levels to match', () => {
    const docs = seeds()
    expect(docs.length).toBeGreaterThan(0)
    let matched = 0
    let predicted = 0
    let gold = 0
    let sameLevel = 0
    for (const { id, text, gold: g } of docs) {
      const source: SourceDocument = { id: '0'.repeat(64), path: `${id}.txt`, format: 'txt', text, blocks: [], tables: [], diagnostics: [] }
      const secs = findSections(source, new LineIndex(text))
      for (const s of secs) expect(SectionSchema.safeParse(s).success).toBe(true)
      const byLine = new Map(g.map((s) => [s.line, s]))
      predicted += secs.length
      gold += g.length
      for (const s of secs) {
        const hit = byLine.get(s.line)
        if (!hit) continue
        matched++
        if (hit.level === s.level) sameLevel++
      }
    }
    expect(matched / gold, 'recall').toBeGreaterThanOrEqual(0.9)
    expect(matched / predicted, 'precision').toBeGreaterThanOrEqual(0.9)
    expect(sameLevel / matched, 'level accuracy').toBeGreaterThanOrEqual(0.85)
  })
})
