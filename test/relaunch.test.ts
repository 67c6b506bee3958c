import { describe, expect, it } from 'vitest'
import { concurrencyIn, helperThreads, NODE_DEFAULT_V8_POOL_SIZE, relaunchOptions } from '../src/relaunch.js'

describe('helperThreads', () => {
  it('is the cores the busy threads leave free, at least 1 and at most node’s default', () => {
    expect(helperThreads(2, 3)).toBe(1)
    expect(helperThreads(2, 2)).toBe(1)
    expect(helperThreads(8, 5)).toBe(3)
    expect(helperThreads(64, 3)).toBe(NODE_DEFAULT_V8_POOL_SIZE)
  })
})

describe('concurrencyIn', () => {
  it('reads --concurrency N and --concurrency=N, and only whole numbers of 1 or more', () => {
    expect(concurrencyIn(['x', '--concurrency', '3'])).toBe(3)
    expect(concurrencyIn(['--concurrency=2', 'x'])).toBe(2)
    expect(concurrencyIn(['x'])).toBeUndefined()
    expect(concurrencyIn(['--concurrency', '0'])).toBeUndefined()
    expect(concurrencyIn(['--concurrency', 'two'])).toBeUndefined()
    expect(concurrencyIn(['--concurrency'])).toBeUndefined()
  })
})

describe('relaunchOptions', () => {
  const base = { argv: ['ingest', 'corpus'], execArgv: [] as string[], env: {}, cores: 2 }

  it('relaunches an ingest with the pool cut to the cores its workers and writer leave free', () => {
    expect(relaunchOptions(base)).toEqual(['--v8-pool-size=1'])
    // 8 cores, 2 workers + the writer: 5 free, node's default of 4 is no worse.
    expect(relaunchOptions({ ...base, argv: ['ingest', 'corpus', '--concurrency', '2'], cores: 8 })).toBeUndefined()
    expect(relaunchOptions({ ...base, argv: ['ingest', 'corpus', '--concurrency', '5'], cores: 8 })).toEqual(['--v8-pool-size=2'])
    // Without --concurrency an ingest starts a worker per core.
    expect(relaunchOptions({ ...base, cores: 16 })).toEqual(['--v8-pool-size=1'])
  })

  it('keeps node’s own options ahead of the pool size (a preload must run in the child too)', () => {
    expect(relaunchOptions({ ...base, execArgv: ['--import', 'tsx'] })).toEqual(['--import', 'tsx', '--v8-pool-size=1'])
  })

  it('runs in this process for other commands, --help, a pool size already chosen, a debugger, or when told not to', () => {
    expect(relaunchOptions({ ...base, argv: ['extract', 'a.txt'] })).toBeUndefined()
    expect(relaunchOptions({ ...base, argv: ['ingest', '--help'] })).toBeUndefined()
    expect(relaunchOptions({ ...base, execArgv: ['--v8-pool-size=2'] })).toBeUndefined()
    expect(relaunchOptions({ ...base, env: { NODE_OPTIONS: '--max-old-space-size=4096 --v8-pool-size=3' } })).toBeUndefined()
    expect(relaunchOptions({ ...base, execArgv: ['--inspect-brk'] })).toBeUndefined()
    expect(relaunchOptions({ ...base, env: { CNREPORT_NO_RELAUNCH: '1' } })).toBeUndefined()
    expect(relaunchOptions({ ...base, env: { CNREPORT_RELAUNCHED: '1' } })).toBeUndefined()
  })
})
