import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { chunked, fileSink, isClosedPipe, streamSink } from '../../src/commands/export-sink.js'
import { tempDir } from '../store/temp-db.js'

/** A stream that takes one chunk per `release()` call: a reader slower than the writer. */
function slowStream(highWaterMark: number) {
  const received: string[] = []
  const pending: Array<() => void> = []
  const stream = new Writable({
    highWaterMark,
    write(chunk: Buffer, _encoding, callback) {
      received.push(chunk.toString())
      pending.push(callback)
    },
  })
  return { stream, received, release: () => pending.shift()?.() }
}

describe('chunked', () => {
  it('hands text on in chunks of at least `size`, the rest on close, nothing after abort', () => {
    const flushed: string[] = []
    const sink = chunked((c) => void flushed.push(c), 10)
    for (const t of ['abcd', 'efgh', 'ijkl', 'mn']) expect(sink.write(t)).toBeUndefined()
    expect(flushed).toEqual(['abcdefghijkl'])
    sink.close()
    expect(flushed).toEqual(['abcdefghijkl', 'mn'])
    sink.write('lost')
    sink.abort()
    sink.close()
    expect(flushed).toHaveLength(2)
  })
})

describe('streamSink', () => {
  it('waits for drain: a slow reader never has more than a chunk beyond its buffer queued', async () => {
    const { stream, received, release } = slowStream(100)
    const sink = streamSink(stream, 50)
    let waits = 0
    let peak = 0
    const writing = (async () => {
      for (let i = 0; i < 200; i++) {
        const wait = sink.write(`row ${String(i).padStart(3, '0')}\n`)
        peak = Math.max(peak, stream.writableLength)
        if (wait) {
          waits++
          await wait
        }
      }
      await sink.close()
    })()
    // Release one chunk at a time, as a slow consumer would, until the writer is done.
    let done = false
    void writing.then(() => (done = true))
    while (!done) {
      release()
      await new Promise((r) => setImmediate(r))
    }
    expect(received.join('')).toBe(Array.from({ length: 200 }, (_, i) => `row ${String(i).padStart(3, '0')}\n`).join(''))
    expect(waits).toBeGreaterThan(5)
    expect(peak).toBeLessThan(100 + 60)
  })

  it('turns an error the stream emits (EPIPE) into a rejected write instead of an unhandled event', async () => {
    const stream = new Writable({ write: (_c, _e, callback) => callback(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' })) })
    const sink = streamSink(stream, 4)
    const first = sink.write('12345')
    await expect(first ?? Promise.resolve()).rejects.toThrow('EPIPE')
    let error: unknown
    try {
      await sink.write('more data')
    } catch (e) {
      error = e
    }
    expect(isClosedPipe(error)).toBe(true)
    sink.abort()
  })
})

describe('fileSink', () => {
  it('writes under a temporary name and renames over the target only on close', () => {
    const dir = tempDir()
    const file = join(dir, 'out.csv')
    writeFileSync(file, 'old')
    const sink = fileSink(file, 4)
    sink.write('新的内容，')
    sink.write('第二行\r\n')
    expect(readFileSync(file, 'utf8')).toBe('old')
    expect(readdirSync(dir).sort()).toEqual([`.out.csv.${process.pid}.tmp`, 'out.csv'])
    sink.close()
    expect(readFileSync(file, 'utf8')).toBe('新的内容，第二行\r\n')
    expect(readdirSync(dir)).toEqual(['out.csv'])
  })

  it('abort removes the temporary file and leaves the target as it was', () => {
    const dir = tempDir()
    const file = join(dir, 'out.csv')
    const sink = fileSink(file, 4)
    sink.write('partial rows')
    sink.abort()
    expect(existsSync(file)).toBe(false)
    expect(readdirSync(dir)).toEqual([])
  })

  it('names the requested file, not the temporary one, when it cannot be created', () => {
    const file = join(tempDir(), 'no', 'such', 'folder.csv')
    expect(() => fileSink(file)).toThrow(`ENOENT: no such file or directory, open '${file}'`)
  })
})
