-- Online tests (kiểm tra trực tuyến): sessions, their question snapshot, attempts and answers.

CREATE TABLE test_session (
    school_id           uuid        NOT NULL REFERENCES school (school_id),
    id                  uuid        NOT NULL,
    title               text        NOT NULL,
    source_kind         text        NOT NULL CHECK (source_kind IN ('BANK', 'PAPER')),
    source_id           uuid        NOT NULL,
    purpose             text        NOT NULL CHECK (purpose IN ('PRACTICE', 'REGULAR', 'PERIODIC')),
    -- Circular 09 Art. 6: an online periodic test needs its reason and the principal's decision.
    periodic_reason     text,
    approval_reference  text,
    opens_at            timestamptz NOT NULL,
    closes_at           timestamptz NOT NULL,
    duration_minutes    integer     NOT NULL CHECK (duration_minutes BETWEEN 1 AND 600),
    attempts_allowed    integer     NOT NULL CHECK (attempts_allowed BETWEEN 1 AND 20),
    shuffle_questions   boolean     NOT NULL,
    shuffle_options     boolean     NOT NULL,
    access_code         text,
    results_policy      text        NOT NULL CHECK (results_policy IN ('IMMEDIATELY', 'AFTER_CLOSE', 'NEVER')),
    -- Raised by every key correction, so cached snapshots are known to be stale.
    key_version         integer     NOT NULL DEFAULT 1,
    created_by          uuid        NOT NULL,
    created_at          timestamptz NOT NULL,
    PRIMARY KEY (school_id, id),
    CHECK (closes_at > opens_at),
    CHECK (purpose <> 'PERIODIC' OR (periodic_reason IS NOT NULL AND approval_reference IS NOT NULL))
);
CREATE INDEX test_session_window ON test_session (school_id, closes_at);

CREATE TABLE test_session_class (
    school_id  uuid NOT NULL,
    session_id uuid NOT NULL,
    class_id   uuid NOT NULL,
    PRIMARY KEY (school_id, session_id, class_id),
    FOREIGN KEY (school_id, session_id) REFERENCES test_session (school_id, id) ON DELETE CASCADE
);
CREATE INDEX test_session_class_by_class ON test_session_class (school_id, class_id);

CREATE TABLE test_session_student (
    school_id  uuid NOT NULL,
    session_id uuid NOT NULL,
    student_id uuid NOT NULL,
    PRIMARY KEY (school_id, session_id, student_id),
    FOREIGN KEY (school_id, session_id) REFERENCES test_session (school_id, id) ON DELETE CASCADE
);
CREATE INDEX test_session_student_by_student ON test_session_student (school_id, student_id);

-- The question definitions as they were when the session was created (a bank edited later changes nothing here);
-- only a key correction changes a definition, with an audit entry.
CREATE TABLE test_session_question (
    school_id   uuid  NOT NULL,
    session_id  uuid  NOT NULL,
    question_id uuid  NOT NULL,
    definition  jsonb NOT NULL,
    PRIMARY KEY (school_id, session_id, question_id),
    FOREIGN KEY (school_id, session_id) REFERENCES test_session (school_id, id) ON DELETE CASCADE
);

-- The variants (mã đề) of the session: '' for a bank source; each item with the points the paper gives it.
CREATE TABLE test_session_item (
    school_id    uuid          NOT NULL,
    session_id   uuid          NOT NULL,
    variant      text          NOT NULL,
    position     integer       NOT NULL,
    question_id  uuid          NOT NULL,
    points       numeric(8, 4) NOT NULL CHECK (points >= 0),
    option_order jsonb         NOT NULL DEFAULT '[]',
    PRIMARY KEY (school_id, session_id, variant, position),
    FOREIGN KEY (school_id, session_id, question_id) REFERENCES test_session_question (school_id, session_id, question_id) ON DELETE CASCADE
);

-- Extra minutes a teacher gave a student (with the reason in the audit log).
CREATE TABLE test_extension (
    school_id     uuid    NOT NULL,
    session_id    uuid    NOT NULL,
    student_id    uuid    NOT NULL,
    extra_minutes integer NOT NULL CHECK (extra_minutes BETWEEN 0 AND 600),
    PRIMARY KEY (school_id, session_id, student_id),
    FOREIGN KEY (school_id, session_id) REFERENCES test_session (school_id, id) ON DELETE CASCADE
);

CREATE TABLE test_attempt (
    school_id       uuid          NOT NULL,
    id              uuid          NOT NULL,
    session_id      uuid          NOT NULL,
    student_id      uuid          NOT NULL,
    account_id      uuid          NOT NULL,
    number          integer       NOT NULL,
    variant         text          NOT NULL,
    seed            bigint        NOT NULL,
    -- The questions in the order this attempt shows them, and each one's option order (seeded shuffle, stored).
    question_ids    uuid[]        NOT NULL,
    layout          jsonb         NOT NULL,
    status          text          NOT NULL CHECK (status IN ('IN_PROGRESS', 'SUBMITTED')),
    started_at      timestamptz   NOT NULL,
    deadline        timestamptz   NOT NULL,
    submitted_at    timestamptz,
    submitted_by    text CHECK (submitted_by IN ('STUDENT', 'TIMER', 'TEACHER')),
    max_points      numeric(8, 4) NOT NULL,
    points          numeric(8, 4),
    mark            numeric(4, 1),
    pending_essays  integer       NOT NULL DEFAULT 0,
    PRIMARY KEY (school_id, id),
    UNIQUE (school_id, session_id, student_id, number),
    FOREIGN KEY (school_id, session_id) REFERENCES test_session (school_id, id)
);
-- The sweeper's work list: attempts still open, by deadline.
CREATE INDEX test_attempt_open_by_deadline ON test_attempt (deadline) WHERE status = 'IN_PROGRESS';

-- One row per answered question, written by a single guarded upsert (the latest client sequence number wins).
CREATE TABLE test_answer (
    school_id     uuid          NOT NULL,
    attempt_id    uuid          NOT NULL,
    question_id   uuid          NOT NULL,
    seq           bigint        NOT NULL,
    response      jsonb         NOT NULL,
    saved_at      timestamptz   NOT NULL,
    points        numeric(8, 4),
    manual_points numeric(8, 4),
    graded_by     uuid,
    graded_at     timestamptz,
    PRIMARY KEY (school_id, attempt_id, question_id),
    FOREIGN KEY (school_id, attempt_id) REFERENCES test_attempt (school_id, id)
) WITH (fillfactor = 80);

-- Focus loss, tab switches and the like, reported by the taking page (logged, never blocking).
CREATE TABLE test_attempt_event (
    school_id  uuid        NOT NULL,
    id         uuid        NOT NULL,
    attempt_id uuid        NOT NULL,
    kind       text        NOT NULL,
    at         timestamptz NOT NULL,
    PRIMARY KEY (school_id, id),
    FOREIGN KEY (school_id, attempt_id) REFERENCES test_attempt (school_id, id)
);
CREATE INDEX test_attempt_event_by_attempt ON test_attempt_event (school_id, attempt_id);
