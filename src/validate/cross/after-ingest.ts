/**
 * The hook `ingest` calls once its files are stored: cross-document checks of the groups the
 * batch touched (the documents its paths now name — stored, unchanged or linked — so
 * re-ingesting a folder also refreshes its cross findings). It never throws: the batch is
 * stored whatever happens here, and `cnreport check` can always redo the work; a failure
 * comes back as a diagnostic in the summary.
 */
import type { Db } from '../../store/db.js'
import { documentsAtPaths } from '../../store/cross-queries.js'
import { Repository } from '../../store/repo.js'
import type { ValidationConfig } from '../config.js'
import { checkAcrossDocuments, type CrossCheckSummary } from './run.js'

export function runCrossChecks(store: Repository | Db, absolutePaths: readonly string[], config?: ValidationConfig): CrossCheckSummary {
  const db = store instanceof Repository ? store.db : store
  const started = performance.now()
  try {
    // A batch of no files changed nothing (and must not cost a read of the whole store).
    if (absolutePaths.length === 0) return { documents: 0, scope: 'documents', rules: [], findings: 0, elapsedMs: 0, diagnostics: [] }
    return checkAcrossDocuments(db, { documents: documentsAtPaths(db, absolutePaths) }, config ? { config } : {})
  } catch (error) {
    return {
      documents: 0,
      scope: 'documents',
      rules: [],
      findings: 0,
      elapsedMs: performance.now() - started,
      diagnostics: [{ level: 'warning', code: 'cross-check-failed', message: `cross-document checks failed: ${(error as Error).message}; run 'cnreport check' to retry` }],
    }
  }
}
