import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadGoldDir, parseGold } from '../../src/eval/gold.js'
import { InputError } from '../../src/result.js'

const fixtures = join(import.meta.dirname, '../fixtures/eval')

describe('parseGold', () => {
  it('keeps keys it does not know (loose objects) and accepts null numbers and value_yuan', () => {
    const { gold } = parseGold(
      'x.json',
      JSON.stringify({
        file: 'a.txt',
        self_score: 97,
        figures: [{ text: '1元', value: 1, line: 1, kind: 'money', char_offset: 0, value_yuan: 1, malformed: true }],
        sections: [{ level: 0, number: null, title: 'T', line: 1, in_table: true }],
      }),
    )
    expect(gold['self_score']).toBe(97)
    expect(gold.figures[0]!['malformed']).toBe(true)
    expect(gold.sections[0]!['in_table']).toBe(true)
  })

  it('names the file and the offending field when the shape is wrong', () => {
    const bad = JSON.stringify({ file: 'a.txt', figures: [{ text: '1元', value: '1', line: 1, kind: 'money', char_offset: 0 }], sections: [] })
    expect(() => parseGold('gold/a.json', bad)).toThrow(InputError)
    expect(() => parseGold('gold/a.json', bad)).toThrow(/^gold\/a\.json: malformed gold file: figures\[0\]\.value: /)
    expect(() => parseGold('gold/b.json', '{"file": "b.txt", "figures": []}')).toThrow(/gold\/b\.json: malformed gold file: sections: /)
  })

  it('reads the record: null fields, restatements and alternatives; a stated field needs a value and a line', () => {
    const record = {
      'budget.initial': { value: 5827700, value_yuan: 5827700, unit: '元', text: '582.77', line: 16, also_stated_at: [20], alternatives: [{ text: '0', line: 380 }] },
      'budget.total': null,
    }
    const { gold } = parseGold('x.json', JSON.stringify({ file: 'a.txt', figures: [], sections: [], record }))
    expect(gold.record?.['budget.initial']).toMatchObject({ also_stated_at: [20], alternatives: [{ line: 380 }] })
    expect(gold.record?.['budget.total']).toBeNull()
    const bad = JSON.stringify({ file: 'a.txt', figures: [], sections: [], record: { 'budget.total': { value: 1, unit: '元', text: '1元' } } })
    expect(() => parseGold('gold/d.json', bad)).toThrow(/^gold\/d\.json: malformed gold file: record\.budget\.total\.line: /)
  })

  it('names the file when it is not JSON', () => {
    expect(() => parseGold('gold/c.json', '{ nope')).toThrow(/^gold\/c\.json: malformed gold file: not JSON/)
  })
})

describe('loadGoldDir', () => {
  it('reads the *.json files in name order and ignores the rest', async () => {
    const files = await loadGoldDir(join(fixtures, 'gold'))
    expect(files.map((f) => f.gold.file)).toEqual(['not-in-corpus.txt', 'tiny-report.txt'])
  })

  it('fails naming the malformed file', async () => {
    await expect(loadGoldDir(join(fixtures, 'gold-malformed'))).rejects.toThrow(/figure-value-is-string\.json: malformed gold file: figures\[0\]\.value/)
  })

  it('fails clearly on a missing directory or a file in its place', async () => {
    await expect(loadGoldDir(join(fixtures, 'no-such-dir'))).rejects.toThrow(/no-such-dir: gold directory not found/)
    const dir = await mkdtemp(join(tmpdir(), 'cnreport-gold-'))
    await writeFile(join(dir, 'plain.json'), '{}')
    await expect(loadGoldDir(join(dir, 'plain.json'))).rejects.toThrow(/gold path is not a directory/)
  })
})
