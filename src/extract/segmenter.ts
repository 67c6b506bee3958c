/**
 * Word segmentation with nodejieba and the domain dictionary (data/jieba-user.dict).
 * The dictionary load costs about a second, so it happens once per process or worker,
 * on first use. `cut(text, true)` is the strict cut: the default splits numbers into
 * single digits.
 */
import nodejieba from 'nodejieba'
import { dataPath } from '../data-files.js'

let loaded = false

function ensureLoaded(): void {
  if (loaded) return
  nodejieba.load({ userDict: dataPath('jieba-user.dict') })
  loaded = true
}

export function cutWords(text: string): string[] {
  if (text === '') return []
  ensureLoaded()
  return nodejieba.cut(text, true)
}
