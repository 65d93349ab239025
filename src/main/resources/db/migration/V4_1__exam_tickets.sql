-- Phiếu dự thi: a random code per student and test session that lets her start or resume her attempt of that session
-- without signing in. It replaces the password check at the exam minute (bcrypt costs more CPU than the whole attempt).
-- Only a keyed digest of the code is stored; a teacher re-issues a lost slip, which makes the old code useless.
CREATE TABLE test_ticket (
    school_id   uuid        NOT NULL,
    session_id  uuid        NOT NULL,
    student_id  uuid        NOT NULL,
    code_digest bytea       NOT NULL,
    issued_at   timestamptz NOT NULL,
    issued_by   uuid        NOT NULL,
    PRIMARY KEY (school_id, session_id, student_id),
    FOREIGN KEY (school_id, session_id) REFERENCES test_session (school_id, id) ON DELETE CASCADE,
    FOREIGN KEY (school_id, student_id) REFERENCES student (school_id, id)
);
CREATE UNIQUE INDEX test_ticket_by_code ON test_ticket (code_digest);

-- An attempt started with a ticket has no account behind it.
ALTER TABLE test_attempt ALTER COLUMN account_id DROP NOT NULL;
ALTER TABLE test_attempt ADD COLUMN entry text NOT NULL DEFAULT 'ACCOUNT' CHECK (entry IN ('ACCOUNT', 'TICKET'));
