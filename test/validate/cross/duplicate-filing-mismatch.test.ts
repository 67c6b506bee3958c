import { describe, expect, it } from 'vitest'
import { docxOf, documentIdAt, fixture, ingestInto, storedFindings, workspace } from './cross-setup.js'

const RULE = 'duplicate-filing-mismatch'
const REPORT = 'duplicate-filing.txt'
/** The DOCX states another 全年执行数 and 预算执行率 than the TXT of the same report. */
const EDITED: Array<[string, string]> = [
  ['全年执行数950.00万元', '全年执行数960.00万元'],
  ['预算执行率为95.00%', '预算执行率为96.00%'],
]

describe('duplicate-filing-mismatch', () => {
  it('reports a TXT and a DOCX of one report that disagree, under each filing, with evidence in both', async () => {
    const ws = workspace()
    const [txt, docx] = ws.write({ 'report.txt': fixture(REPORT), 'report.docx': await docxOf(fixture(REPORT, ...EDITED)) })
    await ingestInto(ws, [txt!, docx!])
    const findings = storedFindings(ws.db, RULE)
    const txtId = documentIdAt(ws.db, txt!)
    const docxId = documentIdAt(ws.db, docx!)
    // Paths sort report.docx before report.txt; each filing in reading order.
    expect(findings.map((f) => [f.path.split('/').pop(), f.severity, f.evidence.map((e) => `${e.text}@${e.documentId ?? 'own'}`)])).toEqual([
      ['report.docx', 'warning', [`960.00万元@own`, `950.00万元@${txtId}`]],
      ['report.docx', 'warning', [`96.00%@own`, `95.00%@${txtId}`]],
      ['report.txt', 'warning', [`950.00万元@own`, `960.00万元@${docxId}`]],
      ['report.txt', 'warning', [`95.00%@own`, `96.00%@${docxId}`]],
    ])
    expect(findings[2]!.message).toBe('同一报告的不同文件数据不一致：本文件第12行“全年执行数”为950.00万元，2023年度报告（docx，report.docx）第12行“全年执行数”为960.00万元（相差10万元）')
    // One disagreement, one fingerprint: a review of it covers both filings.
    expect(findings[0]!.fingerprint).toBe(findings[2]!.fingerprint)
    expect(findings[1]!.fingerprint).toBe(findings[3]!.fingerprint)
    expect(findings[0]!.fingerprint).not.toBe(findings[1]!.fingerprint)
  })

  it('finds nothing when the filings agree (a DOCX of the same text, a copy whose 万元 figure is restated in 元)', async () => {
    const ws = workspace()
    const paths = ws.write({
      'report.txt': fixture(REPORT),
      'report.docx': await docxOf(fixture(REPORT)),
      'report-yuan.txt': fixture(REPORT, ['实际支出数为8.00万元', '实际支出数为80,000元']),
    })
    await ingestInto(ws, paths)
    expect(storedFindings(ws.db, RULE)).toEqual([])
  })

  it('does not take two different reports of one department and year for one filing', async () => {
    const ws = workspace()
    const other = fixture(
      REPORT,
      ['980.00万元', '1480.00万元'],
      ['975.00万元', '1470.00万元'],
      ['5.00万元', '10.00万元'],
      ['950.00万元，其中', '1410.00万元，其中'],
      ['610.00万元', '900.00万元'],
      ['340.00万元', '510.00万元'],
      ['全年预算数1000.00万元，全年执行数950.00万元，预算执行率为95.00%', '全年预算数1500.00万元，全年执行数1410.00万元，预算执行率为94.00%'],
    )
    const paths = ws.write({ 'report.txt': fixture(REPORT), 'another.txt': other })
    await ingestInto(ws, paths)
    expect(storedFindings(ws.db, RULE)).toEqual([])
  })

  it('does not compare the same department in different years', async () => {
    const ws = workspace()
    const paths = ws.write({ 'report.txt': fixture(REPORT), 'next.txt': fixture(REPORT, ...EDITED, ['2023年度部门', '2024年度部门'], ['2023年度收入', '2024年度收入'], ['2023年度支出', '2024年度支出']) })
    await ingestInto(ws, paths)
    expect(storedFindings(ws.db, RULE)).toEqual([])
  })

  it('compares many copies of one filing class by class: every copy gets its finding, pointing at one file of the other values', async () => {
    const ws = workspace()
    // Five copies with the same record (distinct bytes: a trailing letter line) and one edited filing.
    const copies = Object.fromEntries(['a', 'b', 'c', 'd', 'e'].map((mark) => [`copy-${mark}.txt`, `${fixture(REPORT)}\n${mark}\n`]))
    const paths = ws.write({ ...copies, 'edited.txt': fixture(REPORT, ...EDITED) })
    const summary = await ingestInto(ws, paths)
    expect(summary.cross).toMatchObject({ findings: 12, byRule: { [RULE]: 12 }, diagnostics: [] })
    const findings = storedFindings(ws.db, RULE)
    const editedId = documentIdAt(ws.db, paths[5]!)
    const firstCopyId = documentIdAt(ws.db, paths[0]!)
    // Each copy: two fields disagree with the edited filing. The edited filing: the same two,
    // against one representative copy, not five times over.
    expect(findings.filter((f) => f.path.endsWith('edited.txt')).map((f) => f.evidence.map((e) => `${e.text}@${e.documentId ?? 'own'}`))).toEqual([
      [`960.00万元@own`, `950.00万元@${firstCopyId}`],
      [`96.00%@own`, `95.00%@${firstCopyId}`],
    ])
    const ofCopies = findings.filter((f) => !f.path.endsWith('edited.txt'))
    expect(ofCopies).toHaveLength(10)
    for (const f of ofCopies) expect(f.evidence.map((e) => e.documentId ?? 'own')).toEqual(['own', editedId])
  })
})
