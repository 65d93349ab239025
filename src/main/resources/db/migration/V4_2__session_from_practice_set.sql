-- A test session may also take its questions from a practice set (bộ ôn tập), snapshotted like a bank's.
ALTER TABLE test_session DROP CONSTRAINT test_session_source_kind_check;
ALTER TABLE test_session ADD CONSTRAINT test_session_source_kind_check CHECK (source_kind IN ('BANK', 'PAPER', 'PRACTICE_SET'));
