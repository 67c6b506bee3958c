/**
 * Shared setup of the cross-document tests: the reports of test/fixtures/cross written (as
 * given, or edited) into a fresh folder, ingested in-process into a fresh database, and the
 * stored cross-document findings read back.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { Document, Packer, Paragraph, TextRun } from 'docx'
import { expect } from 'vitest'
import type { Evidence } from '../../../src/contract.js'
import { openDatabase, type Db } from '../../../src/store/db.js'
import { ingest, type IngestSummary } from '../../../src/pipeline.js'
import { tempDbPath, tempDir } from '../../store/temp-db.js'

export const FIXTURES = resolve('test/fixtures/cross')

/** A fixture's text, with each [from, to] replaced (the test fails if `from` is missing). */
export function fixture(name: string, ...edits: Array<[string, string]>): string {
  let text = readFileSync(join(FIXTURES, name), 'utf8')
  for (const [from, to] of edits) {
    expect(text, `fixture ${name}`).toContain(from)
    text = text.replace(from, to)
  }
  return text
}

/** peer-report.template.txt for one department of the county: its name and execution rate. */
export function peerReport(unit: string, rate: number, staff = 20): string {
  return fixture('peer-report.template.txt')
    .replace('{{unit}}', unit)
    .replaceAll('{{staff}}', String(staff))
    .replace('{{executed}}', (rate * 10).toFixed(2))
    .replace('{{rate}}', rate.toFixed(2))
}

/** A DOCX of `text`, one paragraph per line: another format of the same filing. */
export async function docxOf(text: string): Promise<Buffer> {
  const doc = new Document({ sections: [{ children: text.split('\n').map((line) => new Paragraph({ children: [new TextRun(line)] })) }] })
  return Packer.toBuffer(doc)
}

export interface Workspace {
  dir: string
  db: string
  /** Writes files into the folder and returns their absolute paths, in the order given. */
  write(files: Record<string, string | Buffer>): string[]
}

export function workspace(): Workspace {
  const dir = tempDir()
  return {
    dir,
    db: tempDbPath(),
    write(files) {
      return Object.entries(files).map(([name, content]) => {
        const path = join(dir, name)
        writeFileSync(path, content)
        return path
      })
    },
  }
}

/** Ingests `paths` into the workspace database in-process, expecting every file stored or unchanged. */
export async function ingestInto(ws: Workspace, paths: string[], force = false): Promise<IngestSummary> {
  const db = openDatabase(ws.db)
  try {
    const summary = await ingest(paths, { db, force, mode: 'in-process' })
    expect(summary.failed).toEqual([])
    return summary
  } finally {
    db.close()
  }
}

/** A stored cross-document finding, with where it is stored. */
export interface StoredFindingRow {
  documentId: string
  path: string
  ruleId: string
  severity: string
  message: string
  stated: number | null
  computedLo: number | null
  fingerprint: string
  evidence: Evidence[]
}

/** The stored findings of `ruleId`, by path then place. */
export function storedFindings(dbPath: string, ruleId: string): StoredFindingRow[] {
  const db = openDatabase(dbPath)
  try {
    return findingsOf(db, ruleId)
  } finally {
    db.close()
  }
}

export function findingsOf(db: Db, ruleId: string): StoredFindingRow[] {
  const rows = db
    .prepare(
      `SELECT f.document_id, d.path, f.rule_id, f.severity, f.message, f.stated, f.computed_lo, f.fingerprint, f.evidence
       FROM findings f JOIN documents d ON d.id = f.document_id WHERE f.rule_id = ? ORDER BY d.path, f.seq`,
    )
    .all(ruleId) as Array<{ document_id: string; path: string; rule_id: string; severity: string; message: string; stated: number | null; computed_lo: number | null; fingerprint: string; evidence: string }>
  return rows.map((r) => ({
    documentId: r.document_id,
    path: r.path,
    ruleId: r.rule_id,
    severity: r.severity,
    message: r.message,
    stated: r.stated,
    computedLo: r.computed_lo,
    fingerprint: r.fingerprint,
    evidence: JSON.parse(r.evidence) as Evidence[],
  }))
}

/** The id of the document stored from `path`. */
export function documentIdAt(dbPath: string, path: string): string {
  const db = openDatabase(dbPath)
  try {
    return db.prepare('SELECT document_id FROM document_paths WHERE path = ?').pluck().get(path) as string
  } finally {
    db.close()
  }
}
