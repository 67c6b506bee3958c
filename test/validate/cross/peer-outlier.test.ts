import { describe, expect, it } from 'vitest'
import { documentIdAt, ingestInto, peerReport, storedFindings, workspace } from './cross-setup.js'

const RULE = 'peer-outlier'
/** Five departments of one county, one year, executing 95.8–99.1% of their budgets. */
const PEERS: Record<string, number> = { 财政局: 96.5, 教育局: 97.2, 卫生健康局: 98.0, 水务局: 95.8, 林业局: 99.1 }

async function county(departments: Record<string, number>, extra: Record<string, string> = {}) {
  const ws = workspace()
  const files = Object.fromEntries(Object.entries(departments).map(([unit, rate]) => [`${unit}.txt`, peerReport(unit, rate)]))
  const paths = ws.write({ ...files, ...extra })
  await ingestInto(ws, paths)
  return { ws, findings: storedFindings(ws.db, RULE) }
}

describe('peer-outlier', () => {
  it('reports a 42% execution rate among five peers at 95.8–99.1%, with the distribution and every peer as evidence', async () => {
    const { ws, findings } = await county({ ...PEERS, 民政局: 42 })
    expect(findings).toHaveLength(1)
    const [f] = findings
    expect(f!.path.endsWith('民政局.txt')).toBe(true)
    expect(f!.severity).toBe('warning')
    // Peers 95.8 96.5 97.2 98.0 99.1: median 97.2, quartiles 96.5 and 98.0; MAD 0.8 (scale floored at 2 points).
    expect(f!.message).toBe('“预算执行率”42.00%远低于同地区（和平县）2023年度其他部门：中位数 97.20%，四分位数 96.50%–98.00%，n=5；偏离中位数 55.20 个百分点，稳健 z 值 -27.6')
    expect(f!.stated).toBe(42)
    expect(f!.computedLo).toBe(97.2)
    expect(f!.evidence[0]).toMatchObject({ text: '42.00%', role: 'stated' })
    expect(f!.evidence[0]!.documentId).toBeUndefined()
    const peers = f!.evidence.slice(1)
    expect(peers.map((e) => e.text)).toEqual(['95.80%', '96.50%', '97.20%', '98.00%', '99.10%'])
    expect(peers.every((e) => e.role === 'peer')).toBe(true)
    expect(new Set(peers.map((e) => e.documentId))).toEqual(new Set(Object.keys(PEERS).map((u) => documentIdAt(ws.db, `${ws.dir}/${u}.txt`))))
  })

  it('gives info for a moderate outlier and nothing within the spread', async () => {
    const moderate = await county({ ...PEERS, 民政局: 80 })
    expect(moderate.findings.map((f) => f.severity)).toEqual(['info'])
    expect((await county({ ...PEERS, 民政局: 93.5 })).findings).toEqual([])
  })

  it('needs five peers, counting a department filed twice once', async () => {
    const four = { 财政局: 96.5, 教育局: 97.2, 卫生健康局: 98.0, 水务局: 95.8 }
    expect((await county({ ...four, 民政局: 42 })).findings).toEqual([])
    // The same 水务局 report again, in another file: still four other departments.
    const twice = await county({ ...four, 民政局: 42 }, { '水务局-copy.txt': peerReport('水务局', 95.8, 21) })
    expect(twice.findings).toEqual([])
  })

  it('judges each department without its own filings: two filings of the outlier are both reported', async () => {
    const { findings } = await county({ ...PEERS, 民政局: 42 }, { '民政局-copy.txt': peerReport('民政局', 42, 21) })
    expect(findings.map((f) => f.path.split('/').pop())).toEqual(['民政局-copy.txt', '民政局.txt'])
    expect(findings.every((f) => /，n=5；/.test(f.message))).toBe(true)
  })
})
