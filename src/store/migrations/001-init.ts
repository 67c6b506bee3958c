/**
 * Migration 1: the ExtractResult contract (src/contract.ts) as tables.
 *
 * Kept as a TS module rather than a .sql file so that plain `tsc` puts it in dist/ and
 * nothing has to find SQL files on disk at run time.
 *
 * Every row hangs off `documents` with ON DELETE CASCADE, so replacing a document is one
 * DELETE. References inside a document (section parent, figure → section / table) are
 * composite keys (document_id, id) checked at COMMIT (DEFERRABLE INITIALLY DEFERRED), so
 * rows may be inserted in any order but a result that points at a missing section or
 * table is refused as a whole. Offsets are the contract's `[start, end)` UTF-16 offsets.
 */
export const sql = /* sql */ `
CREATE TABLE documents (
  id            TEXT PRIMARY KEY CHECK (length(id) = 64),  -- sha256 of the file bytes, hex
  path          TEXT NOT NULL,          -- the path it was first stored from (document_paths has all)
  format        TEXT NOT NULL CHECK (format IN ('txt', 'docx', 'pdf')),
  title         TEXT,
  department    TEXT,
  province      TEXT,
  city          TEXT,
  county        TEXT,
  region_code   TEXT,                   -- 6-digit administrative division code
  fiscal_year   INTEGER,
  kind          TEXT,
  self_score    REAL,
  text          TEXT NOT NULL,          -- ExtractResult.text, unchanged: every offset points into it
  char_count    INTEGER NOT NULL,       -- UTF-16 code units, as the offsets count
  line_count    INTEGER NOT NULL,
  ingested_at   TEXT NOT NULL,          -- ISO 8601
  tool_version  TEXT NOT NULL
) STRICT;
CREATE INDEX documents_department ON documents (department, fiscal_year);
CREATE INDEX documents_region ON documents (county, fiscal_year);

-- Where each document was found. A path names one document (its current content); a
-- document may be found at several paths (the same file copied twice).
CREATE TABLE document_paths (
  path          TEXT PRIMARY KEY,       -- absolute
  document_id   TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  seen_at       TEXT NOT NULL
) STRICT;
CREATE INDEX document_paths_document ON document_paths (document_id);

CREATE TABLE pages (
  document_id   TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  number        INTEGER NOT NULL,
  start         INTEGER NOT NULL,
  "end"         INTEGER NOT NULL,
  PRIMARY KEY (document_id, number)
) STRICT, WITHOUT ROWID;

CREATE TABLE sections (
  document_id   TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  id            TEXT NOT NULL,
  parent_id     TEXT,
  level         INTEGER NOT NULL,
  number        TEXT NOT NULL,
  title         TEXT NOT NULL,
  line          INTEGER NOT NULL,
  start         INTEGER NOT NULL,
  "end"         INTEGER NOT NULL,
  heading_start INTEGER,
  heading_end   INTEGER,
  PRIMARY KEY (document_id, id),
  FOREIGN KEY (document_id, parent_id) REFERENCES sections (document_id, id) DEFERRABLE INITIALLY DEFERRED
) STRICT, WITHOUT ROWID;
CREATE INDEX sections_parent ON sections (document_id, parent_id);

CREATE TABLE tables (
  document_id   TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  id            TEXT NOT NULL,
  unit          TEXT,                   -- unit bare numbers take, from the header
  start         INTEGER,
  "end"         INTEGER,
  row_count     INTEGER NOT NULL,
  PRIMARY KEY (document_id, id)
) STRICT, WITHOUT ROWID;

-- One row per cell as the contract lists it: col is the cell's index within its row,
-- as Figure.cell.col counts it (not a grid column once spans are involved).
CREATE TABLE table_cells (
  document_id   TEXT NOT NULL,
  table_id      TEXT NOT NULL,
  row           INTEGER NOT NULL,
  col           INTEGER NOT NULL,
  text          TEXT NOT NULL,
  start         INTEGER NOT NULL,
  "end"         INTEGER NOT NULL,
  row_span      INTEGER NOT NULL DEFAULT 1,
  col_span      INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (document_id, table_id, row, col),
  FOREIGN KEY (document_id, table_id) REFERENCES tables (document_id, id) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;

CREATE TABLE figures (
  document_id   TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  id            TEXT NOT NULL,
  kind          TEXT NOT NULL CHECK (kind IN ('money', 'percent', 'count', 'measure', 'score')),
  raw           TEXT NOT NULL,          -- === substr(documents.text, start + 1, end - start) for BMP text
  value         REAL NOT NULL,          -- the number as written: 1234.56 for 1234.56万元
  decimals      INTEGER NOT NULL,
  unit          TEXT NOT NULL,
  yuan          REAL,                   -- money only: value in 元
  approx        INTEGER NOT NULL CHECK (approx IN (0, 1)),
  comparator    TEXT CHECK (comparator IN ('>=', '<=', '>', '<')),
  label         TEXT,
  line          INTEGER NOT NULL,
  start         INTEGER NOT NULL,
  "end"         INTEGER NOT NULL,
  section_id    TEXT,
  page          INTEGER,
  table_id      TEXT,
  row           INTEGER,
  col           INTEGER,
  unit_inferred INTEGER NOT NULL DEFAULT 0 CHECK (unit_inferred IN (0, 1)),
  malformed     INTEGER NOT NULL DEFAULT 0 CHECK (malformed IN (0, 1)),
  PRIMARY KEY (document_id, id),
  FOREIGN KEY (document_id, section_id) REFERENCES sections (document_id, id) DEFERRABLE INITIALLY DEFERRED,
  FOREIGN KEY (document_id, table_id) REFERENCES tables (document_id, id) DEFERRABLE INITIALLY DEFERRED
) STRICT, WITHOUT ROWID;
CREATE INDEX figures_section ON figures (document_id, section_id);
CREATE INDEX figures_table ON figures (document_id, table_id);
CREATE INDEX figures_label ON figures (label, unit);
CREATE INDEX figures_yuan ON figures (yuan) WHERE yuan IS NOT NULL;

CREATE TABLE diagnostics (
  document_id   TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  seq           INTEGER NOT NULL,       -- order in the result
  level         TEXT NOT NULL CHECK (level IN ('warning', 'info')),
  code          TEXT,
  message       TEXT NOT NULL,
  start         INTEGER,
  "end"         INTEGER,
  PRIMARY KEY (document_id, seq)
) STRICT, WITHOUT ROWID;
CREATE INDEX diagnostics_code ON diagnostics (code);

-- The canonical record: one primary row per field (is_primary = 1, seq = 0) and one row
-- per alternative statement of it (is_primary = 0, seq = 1, 2, …), same unit.
CREATE TABLE record_fields (
  document_id   TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  field         TEXT NOT NULL,          -- FieldId, e.g. budget.execution_rate
  seq           INTEGER NOT NULL,
  is_primary    INTEGER NOT NULL CHECK (is_primary IN (0, 1)),
  value         REAL NOT NULL,
  unit          TEXT NOT NULL CHECK (unit IN ('元', '%', '人', '个')),
  figure_id     TEXT NOT NULL,
  line          INTEGER NOT NULL,
  PRIMARY KEY (document_id, field, seq),
  FOREIGN KEY (document_id, figure_id) REFERENCES figures (document_id, id) DEFERRABLE INITIALLY DEFERRED
) STRICT, WITHOUT ROWID;
CREATE INDEX record_fields_field ON record_fields (field, is_primary);
CREATE INDEX record_fields_figure ON record_fields (document_id, figure_id);

-- fingerprint is stable across re-ingest; a later review table keys dismissals on it.
CREATE TABLE findings (
  document_id   TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  seq           INTEGER NOT NULL,
  fingerprint   TEXT NOT NULL,
  rule_id       TEXT NOT NULL,
  severity      TEXT NOT NULL CHECK (severity IN ('error', 'warning', 'info')),
  message       TEXT NOT NULL,
  stated        REAL,
  computed_lo   REAL,                   -- a single computed value has lo = hi
  computed_hi   REAL,
  evidence      TEXT NOT NULL CHECK (json_valid(evidence)),  -- JSON array, [0] = primary place
  PRIMARY KEY (document_id, seq)
) STRICT, WITHOUT ROWID;
CREATE INDEX findings_fingerprint ON findings (fingerprint);
CREATE INDEX findings_rule ON findings (rule_id, severity);

-- Files that could not be stored, until they are. Keyed by absolute path.
CREATE TABLE failures (
  path          TEXT PRIMARY KEY,
  sha256        TEXT,                   -- when the bytes could be read
  code          TEXT NOT NULL,          -- InputError.code, or read-error / store-error / internal-error
  reason        TEXT NOT NULL,
  attempts      INTEGER NOT NULL DEFAULT 1,
  first_seen    TEXT NOT NULL,
  last_seen     TEXT NOT NULL
) STRICT;
`
