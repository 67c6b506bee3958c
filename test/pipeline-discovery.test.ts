import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { discoverInputs } from '../src/pipeline.js'
import { tempDir } from './store/temp-db.js'

const TREE = 'test/fixtures/ingest/discovery'

describe('discoverInputs', () => {
  it('takes .txt .docx .pdf in any case from directories, recursively, skipping hidden entries', async () => {
    const { files, unreadable } = await discoverInputs([TREE])
    expect(files.map((f) => f.path)).toEqual(['B.TXT', 'a.txt', 'sub/c.Docx', 'sub/deeper/d.pdf'].map((n) => join(TREE, n)))
    expect(files.every((f) => f.absolute === resolve(f.path))).toBe(true)
    expect(unreadable).toEqual([])
  })

  it('always attempts files named explicitly, whatever their extension or name', async () => {
    const named = [join(TREE, 'notes.md'), join(TREE, '.hidden.txt'), join(TREE, '.cache/e.txt')]
    const { files } = await discoverInputs(named)
    expect(files.map((f) => f.path)).toEqual(named)
  })

  it('walks a hidden directory when it is named explicitly', async () => {
    const { files } = await discoverInputs([join(TREE, '.cache')])
    expect(files.map((f) => f.path)).toEqual([join(TREE, '.cache/e.txt')])
  })

  it('lists each file once however often it is reached', async () => {
    const { files } = await discoverInputs([TREE, join(TREE, 'a.txt'), `./${TREE}/sub`])
    expect(files.map((f) => f.absolute).filter((a) => a.endsWith('a.txt'))).toHaveLength(1)
    expect(files).toHaveLength(4)
  })

  it('reports a named path that does not exist, and keeps going', async () => {
    const { files, unreadable } = await discoverInputs(['no/such/report.txt', join(TREE, 'a.txt')])
    expect(unreadable).toEqual([{ path: 'no/such/report.txt', code: 'not-found', reason: 'no such file or directory' }])
    expect(files).toHaveLength(1)
  })

  it('follows symlinked files but not symlinked directories (no cycles)', async () => {
    const dir = tempDir()
    mkdirSync(join(dir, 'real'))
    writeFileSync(join(dir, 'real', 'r.txt'), 'x')
    symlinkSync(join(dir, 'real'), join(dir, 'loop'))
    symlinkSync(join(dir, 'real', 'r.txt'), join(dir, 'link.txt'))
    const { files } = await discoverInputs([dir])
    expect(files.map((f) => f.path)).toEqual([join(dir, 'link.txt'), join(dir, 'real', 'r.txt')])
  })
})

describe('discoverInputs with glob patterns', () => {
  const names = async (...patterns: string[]) => (await discoverInputs(patterns)).files.map((f) => f.path.slice(TREE.length + 1))

  it('matches ** across folders and * within one', async () => {
    expect(await names(`${TREE}/**/*.pdf`)).toEqual(['sub/deeper/d.pdf'])
    expect(await names(`${TREE}/**/*.{pdf,Docx}`)).toEqual(['sub/c.Docx', 'sub/deeper/d.pdf'])
    expect(await names(`${TREE}/*/*.Docx`)).toEqual(['sub/c.Docx'])
  })

  it('is case-sensitive and skips hidden entries, as a shell does', async () => {
    expect(await names(`${TREE}/*.txt`)).toEqual(['a.txt'])
    expect(await names(`${TREE}/*.{txt,TXT}`)).toEqual(['B.TXT', 'a.txt'])
  })

  it('enters a hidden folder the pattern names', async () => {
    expect(await names(`${TREE}/.cache/*.txt`)).toEqual(['.cache/e.txt'])
    expect(await names(`${TREE}/.*/*.txt`)).toEqual(['.cache/e.txt', '.hidden-dir/f.txt'])
  })

  it('keeps any file whose extension the pattern names, only report files otherwise', async () => {
    expect(await names(`${TREE}/*.md`)).toEqual(['README.md', 'notes.md'])
    expect(await names(`${TREE}/**`)).toEqual(['B.TXT', 'a.txt', 'sub/c.Docx', 'sub/deeper/d.pdf'])
  })

  it('reports a pattern that matches nothing, and lists a file a folder and a pattern both reach once', async () => {
    const { files, unreadable } = await discoverInputs([`${TREE}/*/*.pdf`, 'no/such/dir/*.txt', TREE, `${TREE}/*.txt`])
    expect(unreadable).toEqual([
      { path: `${TREE}/*/*.pdf`, code: 'not-found', reason: 'no file matches the pattern' },
      { path: 'no/such/dir/*.txt', code: 'not-found', reason: 'no file matches the pattern' },
    ])
    expect(files.map((f) => f.path.slice(TREE.length + 1))).toEqual(['B.TXT', 'a.txt', 'sub/c.Docx', 'sub/deeper/d.pdf'])
  })

  it('takes a file whose name holds glob characters as named', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'report[1].txt'), 'x')
    const { files, unreadable } = await discoverInputs([join(dir, 'report[1].txt')])
    expect(files.map((f) => f.path)).toEqual([join(dir, 'report[1].txt')])
    expect(unreadable).toEqual([])
  })
})
