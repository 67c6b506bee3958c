/**
 * Word segmentation with nodejieba, a trimmed general dictionary (data/jieba/) and the domain
 * dictionary (data/jieba-user.dict).
 * The dictionary load costs about a second, so it happens once per process or worker,
 * on first use. `cut(text, true)` is the strict cut: the default splits numbers into
 * single digits.
 */
import nodejieba from 'nodejieba'
import { dataPath } from '../data-files.js'

let loaded = false

function ensureLoaded(): void {
  if (loaded) return
  // A trimmed dictionary (scripts/make-jieba-dict.mjs): ≈80 MB per worker instead of ≈250 MB.
  nodejieba.load({
    dict: dataPath('jieba/dict.utf8'),
    userDict: dataPath('jieba-user.dict'),
    idfDict: dataPath('jieba/idf.utf8'),
    stopWordDict: dataPath('jieba/stop-words.utf8'),
  })
  loaded = true
}

/**
 * Clauses before figures repeat a great deal within and across reports (其中, 占, 实际支出数为),
 * and a cut costs a crossing into native code: recent cuts are kept. Bounded, so memory stays
 * flat over a batch of thousands.
 */
const CACHE_LIMIT = 20_000
const cache = new Map<string, readonly string[]>()

export function cutWords(text: string): string[] {
  if (text === '') return []
  const hit = cache.get(text)
  if (hit) return [...hit]
  ensureLoaded()
  const words = nodejieba.cut(text, true)
  if (cache.size >= CACHE_LIMIT) cache.clear()
  cache.set(text, words)
  return [...words]
}
