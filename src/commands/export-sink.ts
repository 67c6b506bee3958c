/**
 * Where `cnreport export` writes: a Node stream (the process's stdout), a CommandIO (tests),
 * or a file. Text is gathered into chunks of about 64 KiB before each write, so millions of
 * rows cost thousands of writes and nothing larger than a chunk is held here.
 *
 * process.stdout on a pipe is asynchronous in Node: write() queues in memory however slow the
 * reader is, so the stream sink waits for 'drain' — without it an export piped into a slow
 * consumer would hold the whole export in memory after all. A file is written under a
 * temporary name and renamed when complete: a failed export never leaves half a CSV where
 * the old one was.
 */
import { closeSync, existsSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import type { Writable } from 'node:stream'

/**
 * Text gathered before a write, in UTF-16 units (close enough to bytes for the purpose).
 * @default 65536
 */
export const CHUNK_SIZE = 1 << 16

/** A destination; write and close return a promise only when the caller must wait. */
export interface Sink {
  write(text: string): Promise<void> | undefined
  /** Writes what is left and, for a file, puts it in place. */
  close(): Promise<void> | undefined
  /** Gives up: a file being written is removed. */
  abort(): void
}

/** Gathers text and hands it to `flush` in chunks of at least `size` (the last may be smaller). */
export function chunked(flush: (chunk: string) => Promise<void> | undefined, size = CHUNK_SIZE): Sink {
  let parts: string[] = []
  let length = 0
  const drain = () => {
    if (length === 0) return undefined
    const chunk = parts.join('')
    parts = []
    length = 0
    return flush(chunk)
  }
  return {
    write(text) {
      parts.push(text)
      length += text.length
      return length >= size ? drain() : undefined
    },
    close: drain,
    abort() {
      parts = []
      length = 0
    },
  }
}

/** The reader of a pipe went away (`cnreport export | head`): not a failure of the export. */
export function isClosedPipe(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'EPIPE'
}

/**
 * A sink writing `stream` with backpressure: a write that fills the stream's buffer waits for
 * 'drain'. An 'error' the stream emits (EPIPE when the reader closed the pipe) is caught and
 * thrown from the next write or close, instead of crashing the process as an unhandled event.
 */
export function streamSink(stream: Writable, size = CHUNK_SIZE): Sink {
  let failure: unknown
  const onError = (error: unknown) => void (failure ??= error)
  stream.on('error', onError)
  const check = () => {
    if (failure !== undefined) throw failure
  }
  const buffer = chunked((chunk) => {
    check()
    if (stream.write(chunk)) return undefined
    return new Promise<void>((resolve, reject) => {
      const done = () => {
        stream.off('drain', done)
        stream.off('error', done)
        if (failure !== undefined) reject(failure)
        else resolve()
      }
      stream.on('drain', done)
      stream.on('error', done)
    })
  }, size)
  return {
    write: (text) => buffer.write(text),
    async close() {
      await buffer.close()
      check()
      // Wait until the stream has handed everything to the OS; only then can no more errors come.
      await new Promise<void>((resolve, reject) => stream.write('', (error) => (error ? reject(error) : resolve())))
      stream.off('error', onError)
    },
    abort() {
      buffer.abort()
      // Left attached on purpose: queued writes may still fail, and must not crash the process.
    },
  }
}

/**
 * A sink writing `file`. A regular (or not yet existing) file is written next to itself as
 * `.<name>.<pid>.tmp` and renamed over it on close; anything else (/dev/stdout, a FIFO) is
 * written in place. Writes block (fs.writeSync), which is its own backpressure. Throws an
 * error naming `file` when it cannot be opened.
 */
export function fileSink(file: string, size = CHUNK_SIZE): Sink {
  const inPlace = existsSync(file) && !statSync(file).isFile()
  const target = inPlace ? file : join(dirname(file), `.${basename(file)}.${process.pid}.tmp`)
  let fd: number
  try {
    fd = openSync(target, 'w')
  } catch (error) {
    // Name the file the user asked for, not the temporary one.
    throw new Error(error instanceof Error ? error.message.replace(target, file) : String(error))
  }
  let open = true
  const finish = () => {
    if (open) closeSync(fd)
    open = false
  }
  // writeSync may write less than asked (a pipe, a signal); loop until the chunk is out.
  const buffer = chunked((chunk) => {
    const bytes = Buffer.from(chunk, 'utf8')
    for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd, bytes, offset)
    return undefined
  }, size)
  return {
    write: (text) => buffer.write(text),
    close() {
      buffer.close()
      finish()
      if (!inPlace) renameSync(target, file)
      return undefined
    },
    abort() {
      buffer.abort()
      finish()
      if (!inPlace) rmSync(target, { force: true })
    },
  }
}
