/**
 * Documents of one filing group split into classes of identical records. Two documents whose
 * records state the same values cannot disagree with each other, so a group is compared class
 * against class — one representative each — instead of document against document. A bulk
 * ingest of many renderings or downloads of one report (thousands of copies of a department's
 * filing) then costs one comparison per distinct record, not one per pair of files.
 */
import type { StoredValue } from '../../store/cross-queries.js'
import { groupBy } from './group-by.js'

/** A class of documents whose records are identical; `representative` is its first member. */
export interface RecordClass<D extends { id: string }> {
  representative: D
  members: D[]
}

/** The classes of `documents` by record, in order of first appearance. */
export function recordClasses<D extends { id: string }>(documents: readonly D[], valuesOf: (id: string) => readonly StoredValue[]): Array<RecordClass<D>> {
  return [...groupBy(documents, (d) => recordKey(valuesOf(d.id))).values()].map((members) => ({ representative: members[0]!, members }))
}

/** What a record states, without where: each field's values, the primary marked, in a fixed order. */
function recordKey(values: readonly StoredValue[]): string {
  return values
    .map((v) => `${v.field}\u0001${v.primary ? 1 : 0}\u0001${v.value}`)
    .sort()
    .join('\u0002')
}
