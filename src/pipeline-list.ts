/**
 * `--from-list <file>`: the paths to ingest, one per line, from a file or (`-`) standard
 * input — what `find … -print` or a download manifest produces when a batch is too long for
 * a command line. Each line is taken like a command-line argument (file, folder or glob),
 * relative to the current directory. Blank lines are skipped and a trailing CR is dropped
 * (lists written on Windows); nothing else is trimmed, since file names may end in spaces.
 */
import { readFile } from 'node:fs/promises'
import { InputError } from './result.js'
import { messageOf } from './error-text.js'

/** The list file name that means standard input. */
export const STDIN_LIST = '-'

/**
 * Reads the list. @throws InputError (code list-unreadable) naming the list when it cannot
 * be read; the batch has not started then, so this is the command's error, not a file's.
 */
export async function readPathList(source: string, stdin: AsyncIterable<string | Uint8Array> = process.stdin): Promise<string[]> {
  let text: string
  try {
    text = source === STDIN_LIST ? await readAll(stdin) : await readFile(source, 'utf8')
  } catch (error) {
    const name = source === STDIN_LIST ? 'standard input' : source
    throw new InputError(name, `cannot read the list of paths: ${messageOf(error)}`, 'list-unreadable')
  }
  return parsePathList(text)
}

/** One path per line; blank lines skipped, a BOM and CRs at line ends dropped. */
export function parsePathList(text: string): string[] {
  return text
    .replace(/^\uFEFF/, '')
    .split('\n')
    .map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line))
    .filter((line) => line.trim() !== '')
}

async function readAll(stream: AsyncIterable<string | Uint8Array>): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk))
  return Buffer.concat(chunks).toString('utf8')
}
