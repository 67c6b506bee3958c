/**
 * All relation sources, merged. Each source is a module of its own (wording, tables, record
 * identities …) with the signature `(doc, lines) => Partial<Relations>`; add new ones here.
 */
import type { LineIndex } from '../../document.js'
import type { ValidationInput } from '../rule.js'
import { emptyRelations, type Relations } from './types.js'
import wordingRelations from './wording-relations.js'
import { tableRelations } from './table-relations.js'
import { recordIdentities } from './record-identities.js'
import { restatedRecords } from './restated-records.js'

export type RelationSource = (doc: ValidationInput, lines: LineIndex) => Partial<Relations>

const SOURCES: RelationSource[] = [wordingRelations, tableRelations, recordIdentities, restatedRecords]

export function extractRelations(doc: ValidationInput, lines: LineIndex, sources: RelationSource[] = SOURCES): Relations {
  const all = emptyRelations()
  for (const source of sources) {
    const found = source(doc, lines)
    all.sums.push(...(found.sums ?? []))
    all.ratios.push(...(found.ratios ?? []))
    all.restatements.push(...(found.restatements ?? []))
  }
  return all
}
