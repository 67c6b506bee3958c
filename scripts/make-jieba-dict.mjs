#!/usr/bin/env node
/**
 * Writes data/jieba/ from nodejieba's own dictionary: the words used at least 10 times in
 * its corpus (≈105,000 of 349,000) and one-line idf and stop-word files. cnreport only cuts
 * short clauses into words, and the full dictionary costs ≈250 MB per worker thread (nodejieba
 * builds it twice, once more for keyword extraction cnreport never uses); this one ≈80 MB, with
 * the same labels on the corpus but for 4 in 750. Run after upgrading nodejieba.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const MIN_FREQUENCY = 10
const require = createRequire(import.meta.url)
const source = require('nodejieba').DEFAULT_DICT
const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'data', 'jieba')
mkdirSync(out, { recursive: true })
const kept = readFileSync(source, 'utf8')
  .split('\n')
  .filter((line) => Number(line.split(' ')[1]) >= MIN_FREQUENCY)
writeFileSync(join(out, 'dict.utf8'), kept.join('\n') + '\n')
// Keyword extraction is never used, but nodejieba insists on loading these files.
writeFileSync(join(out, 'idf.utf8'), '的 1\n')
writeFileSync(join(out, 'stop-words.utf8'), '的\n')
console.log(`data/jieba/dict.utf8: ${kept.length} words (frequency ≥ ${MIN_FREQUENCY})`)
