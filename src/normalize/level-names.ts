/**
 * The names of the indicator hierarchy (一级 / 二级 / 三级指标) row by row. A flattened
 * table writes a merged cell once and leaves the cells under it empty, so an empty level
 * cell means “same as above” — 产出指标 holds until the next non-empty 一级指标 cell. A new
 * name at one level starts a new group: the levels below it are unknown until named.
 */
import { cellNumber } from './cell-values.js'
import { compact, isPlaceholder } from './indicator-headers.js'
import { slotAt, type Block, type BlockRow } from './table-blocks.js'

/** A level cell read as a name: whitespace inside CJK text dropped (投\n\n入 → 投入). */
export function cleanName(text: string): string | null {
  if (isPlaceholder(text) || cellNumber(text) !== null) return null // 55 in a name column is no name
  const name = text
    .replace(/[\s\u3000]+/g, ' ')
    .replace(/ ?([^\x00-\x7f]) ?/g, '$1')
    .trim()
  return compact(name) === '' ? null : name
}

export interface LevelRow {
  /** Name at each level of the block's header, carried down; null when unknown. */
  names: Array<string | null>
  /** Deepest level this row names itself; −1 when it names none. */
  own: number
}

export class LevelCarry {
  private readonly names: Array<string | null>

  constructor(private readonly block: Block) {
    this.names = block.header.levels.map(() => null)
  }

  /** Reads the level cells of `row` and returns the names that hold for it. */
  next(row: BlockRow): LevelRow {
    const { levels, levelWeights } = this.block.header
    const leaf = levels.length - 1
    let own = -1
    levels.forEach((col, k) => {
      const slot = slotAt(this.block, row, col)
      const name = slot ? cleanName(slot.text) : null
      // A 分值 without a name still opens a new group at that level (its name was lost).
      const weighed = k < leaf && cellNumber(slotAt(this.block, row, levelWeights[k])?.text ?? '') !== null
      if (name !== null) own = k
      if (name !== null || weighed || k === leaf) {
        this.names[k] = name
        for (let d = k + 1; d < this.names.length; d++) this.names[d] = null
      }
    })
    return { names: [...this.names], own }
  }
}
