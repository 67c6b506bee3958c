import { readFileSync } from 'node:fs'
import Database from 'better-sqlite3'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { analyzeBytes } from '../../src/analyze.js'
import { migrate, openDatabase, schemaVersion } from '../../src/store/db.js'
import { MIGRATIONS } from '../../src/store/migrations/index.js'
import { Repository } from '../../src/store/repo.js'
import { sampleResult } from './sample-result.js'
import { tempDbPath } from './temp-db.js'

const SEED = resolve('corpus/002_df2f04f55971090d.txt')

describe('indicator and score rows in the store', () => {
  it('round-trips the 002 绩效指标 and score rows, figure references and the stated total', async () => {
    const r = await analyzeBytes(readFileSync(SEED), SEED)
    const db = openDatabase(tempDbPath())
    const repo = new Repository(db, { toolVersion: 'cnreport test' })
    repo.saveResult(r)
    const counts = repo.rowCounts()
    expect([counts.indicators, counts.scores, counts.score_totals]).toEqual([18, 17, 1])

    const hazard = db
      .prepare(
        `SELECT i.level1, i.level2, i.target_text, i.actual_text, f.value AS actual_value, f.unit
         FROM indicators i JOIN figures f ON f.document_id = i.document_id AND f.id = i.actual_figure_id
         WHERE i.level3 = '隐患排查整治'`,
      )
      .get()
    expect(hazard).toEqual({ level1: '产生指标', level2: '数量指标', target_text: '100处以上', actual_text: '370处以上', actual_value: 370, unit: '处' })

    // path is JSON: the rows under a 一级指标 are one json_each away.
    const input = db
      .prepare(`SELECT s.indicator, s.weight, s.score FROM scores s WHERE EXISTS (SELECT 1 FROM json_each(s.path) WHERE value = '投入') ORDER BY s.id`)
      .all()
    expect(input).toEqual([
      { indicator: '在职人员控制率', weight: 7, score: 7 },
      { indicator: '“三公经费”变动率', weight: 8, score: 8 },
    ])
    expect(db.prepare('SELECT stated, sum_of_scores, sum_of_weights, row_count FROM score_totals').get()).toEqual({
      stated: 95, sum_of_scores: 95, sum_of_weights: 100, row_count: 17,
    })
    expect(db.prepare('SELECT sum(score) FROM scores').pluck().get()).toBe(95)
    db.close()
  })

  it('drops the rows with their document', () => {
    const db = openDatabase(tempDbPath())
    const repo = new Repository(db)
    const r = sampleResult()
    repo.saveResult(r)
    expect(repo.rowCounts()).toMatchObject({ indicators: 1, scores: 1, score_totals: 1 })
    db.prepare('DELETE FROM documents WHERE id = ?').run(r.document.id)
    expect(repo.rowCounts()).toMatchObject({ indicators: 0, scores: 0, score_totals: 0 })
    db.close()
  })

  it('refuses a score row that points at a figure the document does not have', () => {
    const db = openDatabase(tempDbPath())
    const r = sampleResult()
    r.scores![0]!.scoreFigureId = 'f99'
    expect(() => new Repository(db).saveResult(r)).toThrow(/FOREIGN KEY/)
    expect(new Repository(db).rowCounts().documents).toBe(0)
    db.close()
  })

  it('upgrades a version-1 database in place, keeping its documents', () => {
    const db = new Database(tempDbPath())
    migrate(db, MIGRATIONS.filter((m) => m.version === 1))
    db.prepare(`INSERT INTO documents (id, path, format, text, char_count, line_count, ingested_at, tool_version) VALUES (?, 'a.txt', 'txt', '', 0, 1, 'now', 'v1')`).run('a'.repeat(64))
    expect(migrate(db)).toBe(MIGRATIONS.length - 1)
    expect(schemaVersion(db)).toBe(MIGRATIONS.at(-1)!.version)
    expect(db.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(1)
    expect(db.prepare('SELECT count(*) FROM indicators').pluck().get()).toBe(0)
    db.close()
  })
})
