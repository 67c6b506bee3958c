import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { parsePathList, readPathList } from '../src/pipeline-list.js'
import { InputError } from '../src/result.js'
import { tempDir } from './store/temp-db.js'

describe('path lists (--from-list)', () => {
  it('takes one path per line, skipping blank lines and dropping CRs and a BOM', () => {
    expect(parsePathList('\uFEFFa.txt\r\n\n  \nreports/b 报告.docx\r\nc.pdf')).toEqual(['a.txt', 'reports/b 报告.docx', 'c.pdf'])
  })

  it('keeps spaces that are part of a name', () => {
    expect(parsePathList(' leading.txt\ntrailing.txt \n')).toEqual([' leading.txt', 'trailing.txt '])
  })

  it('reads a list file, or standard input for -', async () => {
    const file = join(tempDir(), 'list.txt')
    writeFileSync(file, 'one.txt\ntwo.pdf\n')
    expect(await readPathList(file)).toEqual(['one.txt', 'two.pdf'])
    expect(await readPathList('-', Readable.from([Buffer.from('x.txt\n报'), Buffer.from('告.docx\n')]))).toEqual(['x.txt', '报告.docx'])
  })

  it('throws an InputError naming a list that cannot be read', async () => {
    const error = await readPathList('no/such/list.txt').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(InputError)
    expect(error).toMatchObject({ code: 'list-unreadable', path: 'no/such/list.txt', reason: expect.stringMatching(/^cannot read the list of paths: ENOENT/) })
  })
})
