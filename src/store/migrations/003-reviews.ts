/**
 * Migration 3: an analyst's review of a finding, and a view of findings with their review.
 *
 * A review is keyed by the finding's fingerprint ONLY — not by document — because the
 * fingerprint (rule + the report's own identity + the identities of the figures involved, see
 * src/validate/fingerprint.ts) is what stays the same when a file is re-ingested, re-extracted
 * with --force, edited elsewhere, converted to another format or checked under other rule
 * settings, while the document id (sha256 of the bytes) changes with every edit. So `reviews`
 * has no foreign key and no ON DELETE CASCADE: deleting or replacing a document never deletes
 * a review, and a finding that comes back after re-ingest is still confirmed or dismissed.
 * An open finding has no row; reopening deletes it.
 */
export const sql = /* sql */ `
CREATE TABLE reviews (
  fingerprint   TEXT PRIMARY KEY CHECK (length(fingerprint) > 0),  -- findings.fingerprint
  status        TEXT NOT NULL CHECK (status IN ('confirmed', 'dismissed')),
  note          TEXT,                   -- why, in the analyst's words
  reviewed_at   TEXT NOT NULL,          -- ISO 8601
  reviewer      TEXT                    -- who, when given
) STRICT;
CREATE INDEX reviews_status ON reviews (status);

-- Findings of stored documents with the document's facts and the review; review_status NULL
-- means open. line / evidence_start are the primary evidence's, for sorting and display.
CREATE VIEW findings_reviewed AS
SELECT
  f.document_id,
  f.seq,
  f.fingerprint,
  f.rule_id,
  f.severity,
  f.message,
  f.stated,
  f.computed_lo,
  f.computed_hi,
  f.evidence,
  json_extract(f.evidence, '$[0].line')  AS line,
  json_extract(f.evidence, '$[0].start') AS evidence_start,
  d.path,
  d.department,
  d.fiscal_year,
  r.status      AS review_status,
  r.note        AS review_note,
  r.reviewed_at,
  r.reviewer
FROM findings f
JOIN documents d ON d.id = f.document_id
LEFT JOIN reviews r ON r.fingerprint = f.fingerprint;
`
