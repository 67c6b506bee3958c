/**
 * The canonical evaluation record: for each field of DESIGN.md §3, the figure that states
 * it, chosen from the labels the figures carry (data/fields.json says which labels name
 * which field), and every other statement of the same field with a different value kept
 * as an alternative — the consistency checks need them.
 *
 * Choosing among statements: the strength of the label's match, wording that marks the
 * canonical statement (the final 决算 over the 年初 budget), and how many other statements
 * agree with the value within rounding — a figure restated in several places is more
 * likely the one the report means than a stray one.
 */
import type { EvaluationRecordFields, Figure, RecordField, Section } from '../contract.js'
import { SENTENCE_END } from '../extract/char-class.js'
import { figureInterval, intersects } from '../validate/interval.js'
import { type FieldDef, fieldDefs, namesAnyField } from './field-defs.js'
import type { FieldId } from './field-ids.js'

interface Candidate {
  figure: Figure
  strength: number
  votes: number
}

/** Weight of one agreeing restatement against one step of label strength. */
const VOTE_WEIGHT = 3

export function buildRecord(figures: Figure[], sections: Section[], text: string): EvaluationRecordFields {
  const titles = sectionTitles(sections)
  const agree = agreement()
  const record: EvaluationRecordFields = {}
  // Every field tests every labelled figure: what a figure reads as — its label without
  // quotes, its surroundings once a field's pattern names it — is computed once per figure,
  // by position in `labelled`, not once per field; and a label no field's pattern matches
  // is dropped before the fields are tried (≈ 7% of a TXT analysis went to this loop).
  const labelled: Figure[] = []
  const labels: string[] = []
  for (const f of figures) {
    if (f.label === null || f.approx) continue
    const label = f.label.replace(/[“”"‘’]/g, '')
    if (!namesAnyField(label)) continue
    labelled.push(f)
    labels.push(label)
  }
  const surroundings: Array<Surroundings | undefined> = []
  const surroundingsAt = (i: number): Surroundings => {
    let s = surroundings[i]
    if (s === undefined) {
      const f = labelled[i]!
      const sentence = sentenceBefore(text, f)
      surroundings[i] = s = { sentence, all: `${labels[i]}\n${sentence}\n${titles(f.sectionId)}` }
    }
    return s
  }
  for (const def of fieldDefs()) {
    const candidates: Candidate[] = []
    for (let i = 0; i < labelled.length; i++) {
      const strength = matchStrength(def, labelled[i]!, labels[i]!, i, surroundingsAt)
      if (strength !== null) candidates.push({ figure: labelled[i]!, strength, votes: 0 })
    }
    if (candidates.length === 0) continue
    for (const c of candidates) c.votes = candidates.filter((o) => o !== c && agree(o.figure, c.figure)).length
    // On equal scores the later statement wins: reports restate figures in later tables, and
    // the later (final-accounts) statement is the one the earlier one summarises.
    const primary = candidates.reduce((best, c) => (score(c) >= score(best) ? c : best))
    const field: RecordField = toField(def.id, primary.figure)
    const alternatives = distinctValues(candidates.filter((c) => !agree(c.figure, primary.figure)).map((c) => c.figure), agree)
    if (alternatives.length > 0) field.alternatives = alternatives.map((f) => ({ value: canonicalValue(f), figureId: f.id, line: f.line }))
    record[def.id] = field
  }
  return record
}

function score(c: Candidate): number {
  // Ties go to running text over table cells: a sentence states what the report means.
  return c.strength + VOTE_WEIGHT * c.votes + (c.figure.cell ? 0 : 0.5)
}

/** The sentence before a figure, and its label, sentence and section titles joined: where context words are looked for. */
interface Surroundings {
  sentence: string
  all: string
}

/**
 * How strongly a figure's label (`label`: without quotes) names the field, or null when it
 * does not. `surroundingsAt(at)` gives the figure's surroundings (`at`: its position in the caller's list).
 */
function matchStrength(def: FieldDef, figure: Figure, label: string, at: number, surroundingsAt: (at: number) => Surroundings): number | null {
  if (!def.kinds.has(figure.kind) || figure.approx || !figure.label) return null
  if (def.exclude?.test(label)) return null
  const index = def.match.findIndex((m) => m.test(label))
  if (index === -1) return null
  // The surroundings are read only for the few figures whose label names the field.
  const { sentence, all: surroundings } = surroundingsAt(at)
  if (def.context && !def.context.test(surroundings)) return null
  if (def.forbid?.test(surroundings)) return null
  let strength = 2 * (def.match.length - index)
  for (const p of def.prefer) if (p.test(sentence)) strength += 1
  for (const a of def.avoid) if (a.test(sentence)) strength -= 1
  return strength
}

/** Whether two statements agree within rounding; each figure's interval is computed once. */
function agreement(): (a: Figure, b: Figure) => boolean {
  const intervalOf = memo((f: Figure) => figureInterval(f))
  return (a, b) => intersects(intervalOf(a), intervalOf(b))
}

function memo<T>(compute: (f: Figure) => T): (f: Figure) => T {
  const cache = new Map<Figure, T>()
  return (f) => {
    let hit = cache.get(f)
    if (hit === undefined) cache.set(f, (hit = compute(f)))
    return hit
  }
}

/** One figure per distinct value (within rounding), in document order. */
function distinctValues(figures: Figure[], agree: (a: Figure, b: Figure) => boolean): Figure[] {
  const kept: Figure[] = []
  for (const f of figures) if (!kept.some((k) => agree(k, f))) kept.push(f)
  return kept
}

function canonicalValue(f: Figure): number {
  return f.kind === 'money' ? (f.yuan ?? f.value) : f.value
}

function toField(id: FieldId, f: Figure): RecordField {
  return { value: canonicalValue(f), unit: unitOf(id, f), figureId: f.id, line: f.line }
}

function unitOf(id: FieldId, f: Figure): RecordField['unit'] {
  if (f.kind === 'money') return '元'
  if (f.kind === 'percent') return '%'
  return id.startsWith('staffing.') ? '人' : '个'
}

/** The text of the figure's sentence before the figure (its table cell's text, in a table). */
function sentenceBefore(text: string, figure: Figure): string {
  return text.slice(SENTENCE_END.runStart(text, figure.start), figure.start)
}

/** The titles of a section and its ancestors, joined: the context a figure is read in. */
function sectionTitles(sections: Section[]): (id: string | null) => string {
  const byId = new Map(sections.map((s) => [s.id, s]))
  const cache = new Map<string, string>()
  return (id) => {
    if (id === null) return ''
    const hit = cache.get(id)
    if (hit !== undefined) return hit
    const titles: string[] = []
    for (let s = byId.get(id); s; s = s.parentId ? byId.get(s.parentId) : undefined) titles.push(s.title)
    const joined = titles.join(' ')
    cache.set(id, joined)
    return joined
  }
}
