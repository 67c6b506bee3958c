/**
 * Migration 2: the rows of 绩效指标 tables and narrative indicator lists, and of score
 * tables (ExtractResult.indicators, .scores, .scoreTotals), so analysts can query them row
 * by row across reports.
 *
 * Same conventions as 001-init: every row hangs off `documents` with ON DELETE CASCADE,
 * references to tables and figures of the same document are composite keys checked at
 * COMMIT, offsets are the contract's `[start, end)` UTF-16 offsets.
 */
export const sql = /* sql */ `
CREATE TABLE indicators (
  document_id       TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  id                TEXT NOT NULL,          -- i1, i2, … in document order
  table_id          TEXT,                   -- NULL for a line of a narrative list (数量指标：…)
  row               INTEGER,
  section_id        TEXT,                   -- innermost section: for a list, the project reported on
  level1            TEXT,                   -- 一级指标, e.g. 产出指标 (carried down over empty cells)
  level2            TEXT,                   -- 二级指标, e.g. 数量指标
  level3            TEXT,                   -- 三级指标: the indicator itself
  target_text       TEXT,                   -- 年度指标值 as written, e.g. 100处以上
  target_figure_id  TEXT,
  target_start      INTEGER,
  target_end        INTEGER,
  actual_text       TEXT,                   -- 实际完成值 as written
  actual_figure_id  TEXT,
  actual_start      INTEGER,
  actual_end        INTEGER,
  weight            REAL,                   -- 分值, points; NULL also when the table has no such column
  score             REAL,                   -- 得分, points
  reason            TEXT,                   -- 偏差原因分析及改进措施
  line              INTEGER NOT NULL,
  start             INTEGER NOT NULL,
  "end"             INTEGER NOT NULL,
  PRIMARY KEY (document_id, id),
  FOREIGN KEY (document_id, table_id) REFERENCES tables (document_id, id) DEFERRABLE INITIALLY DEFERRED,
  FOREIGN KEY (document_id, section_id) REFERENCES sections (document_id, id) DEFERRABLE INITIALLY DEFERRED,
  FOREIGN KEY (document_id, target_figure_id) REFERENCES figures (document_id, id) DEFERRABLE INITIALLY DEFERRED,
  FOREIGN KEY (document_id, actual_figure_id) REFERENCES figures (document_id, id) DEFERRABLE INITIALLY DEFERRED
) STRICT, WITHOUT ROWID;
CREATE INDEX indicators_names ON indicators (level1, level2, level3);
CREATE INDEX indicators_section ON indicators (document_id, section_id);

CREATE TABLE scores (
  document_id       TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  id                TEXT NOT NULL,          -- sc1, sc2, … in document order
  table_id          TEXT NOT NULL,
  row               INTEGER NOT NULL,
  indicator         TEXT NOT NULL,          -- the scored item, e.g. 在职人员控制率
  level             INTEGER NOT NULL CHECK (level BETWEEN 1 AND 3),
  path              TEXT NOT NULL CHECK (json_valid(path)),  -- JSON array, outermost level first
  weight            REAL,                   -- 分值, points: 7 for （7分）
  score             REAL,                   -- 得分, points
  weight_figure_id  TEXT,
  score_figure_id   TEXT,
  line              INTEGER NOT NULL,
  start             INTEGER NOT NULL,
  "end"             INTEGER NOT NULL,
  PRIMARY KEY (document_id, id),
  FOREIGN KEY (document_id, table_id) REFERENCES tables (document_id, id) DEFERRABLE INITIALLY DEFERRED,
  FOREIGN KEY (document_id, weight_figure_id) REFERENCES figures (document_id, id) DEFERRABLE INITIALLY DEFERRED,
  FOREIGN KEY (document_id, score_figure_id) REFERENCES figures (document_id, id) DEFERRABLE INITIALLY DEFERRED
) STRICT, WITHOUT ROWID;
CREATE INDEX scores_indicator ON scores (indicator);

-- One row per score table: the stated 合计 beside the sums of its rows.
CREATE TABLE score_totals (
  document_id       TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  seq               INTEGER NOT NULL,       -- order in the result
  table_id          TEXT NOT NULL,          -- the table holding the score table's header
  stated            REAL,                   -- 合计 score as written; NULL when the table states none
  stated_figure_id  TEXT,
  stated_line       INTEGER,
  stated_start      INTEGER,
  stated_end        INTEGER,
  stated_weight     REAL,                   -- 合计 分值, when the row states one
  sum_of_scores     REAL NOT NULL,
  sum_of_weights    REAL,
  row_count         INTEGER NOT NULL,
  PRIMARY KEY (document_id, seq),
  FOREIGN KEY (document_id, table_id) REFERENCES tables (document_id, id) DEFERRABLE INITIALLY DEFERRED,
  FOREIGN KEY (document_id, stated_figure_id) REFERENCES figures (document_id, id) DEFERRABLE INITIALLY DEFERRED
) STRICT, WITHOUT ROWID;
`
