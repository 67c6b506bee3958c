/** STUB — figures. */
import type { Figure, Section } from '../contract.js'
import type { LineIndex, SourceDocument } from '../document.js'
import { result, type Result } from '../result.js'

export function findFigures(_doc: SourceDocument, _lines: LineIndex, _sections: Section[]): Result<Figure[]> {
  return result([])
}
