/** The library surface of cnreport. */
export * from './contract.js'
export { analyzeBytes, analyzeFile, analyzeSource, sha256 } from './analyze.js'
export { LineIndex, type Span, type SourceDocument, type Table, type TableCell, type Page, type Block } from './document.js'
export { InputError, type Diagnostic, type Result } from './result.js'
export { FIELD_IDS, type FieldId } from './normalize/field-ids.js'
export { main } from './cli.js'
