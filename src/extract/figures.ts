/**
 * Every figure of a document with its exact place: scanned quantities from the text,
 * bare table numbers given the unit their headers imply, each labelled and placed in
 * its line, section, page and cell.
 */
import type { Figure, Section } from '../contract.js'
import type { LineIndex, Page, SourceDocument } from '../document.js'
import type { Diagnostic, Result } from '../result.js'
import { CellIndex, type CellRef } from './cell-context.js'
import { cellLabel, inferCellUnit } from './cell-units.js'
import { type ScannedFigure, scanFigures } from './figure-scan.js'
import { NarrativeLabeler } from './narrative-label.js'
import { scaleDecimal } from './numbers.js'
import { yuanPower } from './units.js'

/** A figure in a cell with little else around it is labelled by the cell's headers. */
const CELL_SLACK = 4

export function findFigures(doc: SourceDocument, lines: LineIndex, sections: Section[]): Result<Figure[]> {
  const { text } = doc
  const cells = new CellIndex(doc.tables)
  const figures: Figure[] = []
  const diagnostics: Diagnostic[] = []
  const sectionAt = sectionLocator(sections)
  const labeler = new NarrativeLabeler(text)

  for (const scanned of scanFigures(text)) {
    const ref = cells.at(scanned.numeral.start)
    const typed = typeFigure(text, scanned, ref, cells)
    if (!typed) continue
    const raw = text.slice(scanned.start, scanned.end)
    const inCellAlone = ref !== undefined && ref.cell.text.trim().length <= raw.length + CELL_SLACK
    const label = inCellAlone ? cellLabel(ref, cells) : labeler.labelAt(scanned.start, ref?.cell.start ?? 0, scanned.end, typed.kind)

    const figure: Figure = {
      id: `f${figures.length + 1}`,
      kind: typed.kind,
      start: scanned.start,
      end: scanned.end,
      raw,
      value: scanned.value,
      decimals: scanned.decimals,
      unit: typed.unit,
      approx: scanned.approx,
      label,
      line: lines.lineOf(scanned.start),
      sectionId: sectionAt(scanned.start),
    }
    if (typed.yuan !== undefined) figure.yuan = typed.yuan
    if (scanned.comparator) figure.comparator = scanned.comparator
    const page = pageOf(doc.pages, scanned.start)
    if (page !== undefined) figure.page = page
    if (ref) figure.cell = { tableId: ref.table.id, row: ref.row, col: ref.col }
    if (typed.unitInferred) figure.unitInferred = true
    if (scanned.numeral.malformed) {
      figure.malformed = true
      diagnostics.push({
        level: 'warning',
        code: 'number-malformed',
        message: `数字格式有误：“${raw}”（${scanned.numeral.malformed}），按 ${scanned.numeral.digits} 读取`,
        span: { start: scanned.start, end: scanned.end },
      })
    }
    if (scanned.repeatedUnit)
      diagnostics.push({ level: 'info', code: 'unit-repeated', message: `单位重复：“${raw}”`, span: { start: scanned.start, end: scanned.end } })
    figures.push(figure)
    labeler.record(scanned.end, label)
  }
  return { value: figures, diagnostics }
}

interface TypedFigure {
  kind: Figure['kind']
  unit: string
  yuan?: number | undefined
  unitInferred?: boolean
}

/** The written unit, or for a bare number alone in a table cell the unit its context implies. */
function typeFigure(text: string, scanned: ScannedFigure, ref: CellRef | undefined, cells: CellIndex): TypedFigure | null {
  if (scanned.kind !== null && scanned.unit !== null) return { kind: scanned.kind, unit: scanned.unit, yuan: scanned.yuan }
  if (!ref || ref.cell.text.trim() !== text.slice(scanned.start, scanned.end).trim()) return null
  const inferred = inferCellUnit(ref, scanned.numeral, cells)
  if (!inferred) return null
  let yuan: number | undefined
  const power = inferred.kind === 'money' ? yuanPower(inferred.unit) : undefined
  if (power !== undefined) yuan = scaleDecimal(scanned.numeral.digits, power) * (scanned.value < 0 ? -1 : 1)
  return { kind: inferred.kind, unit: inferred.unit, yuan, unitInferred: true }
}

/** The innermost section containing an offset (sections nest and come in document order). */
function sectionLocator(sections: Section[]): (offset: number) => string | null {
  const ordered = [...sections].sort((a, b) => a.start - b.start || a.level - b.level)
  return (offset) => {
    let found: string | null = null
    for (const s of ordered) {
      if (s.start > offset) break
      if (offset < s.end) found = s.id
    }
    return found
  }
}

function pageOf(pages: Page[] | undefined, offset: number): number | undefined {
  return pages?.find((p) => offset >= p.start && offset < p.end)?.number
}
