-- Question banks (ngân hàng câu hỏi). A bank belongs to a school and optionally to one of its subject groups (tổ
-- chuyên môn). status is the state in the materials module's appraisal workflow (thẩm định, phê duyệt), which banks
-- and questions will reuse rather than have a second workflow; until then everything stays DRAFT.
CREATE TABLE question_bank (
    school_id        uuid        NOT NULL REFERENCES school (school_id),
    id               uuid        NOT NULL,
    name             text        NOT NULL,
    description      text,
    subject_code     text,
    grade            smallint    CHECK (grade BETWEEN 1 AND 12),
    subject_group_id uuid,
    cognitive_scheme text,
    status           text        NOT NULL DEFAULT 'DRAFT'
                                 CHECK (status IN ('DRAFT', 'SUBMITTED', 'APPRAISED', 'APPROVED', 'REJECTED', 'ARCHIVED')),
    created_by       uuid        NOT NULL,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    PRIMARY KEY (school_id, id),
    FOREIGN KEY (school_id, subject_group_id) REFERENCES subject_group (school_id, id)
);

-- A question: the type-specific definition (options, answers, pairs, gaps, rubric, feedback) is the JSON body; what
-- search and blueprints filter on is in columns. Points are numeric, never floating point.
CREATE TABLE question (
    school_id        uuid        NOT NULL,
    id               uuid        NOT NULL,
    bank_id          uuid        NOT NULL,
    position         integer     NOT NULL,
    type             text        NOT NULL,
    title            text,
    stem             text        NOT NULL,
    points           numeric(8, 4) NOT NULL CHECK (points >= 0),
    body             jsonb       NOT NULL,
    subject_code     text,
    grade            smallint    CHECK (grade BETWEEN 1 AND 12),
    topic_id         uuid,
    outcome_id       uuid,
    cognitive_scheme text,
    cognitive_level  text,
    difficulty       smallint    CHECK (difficulty BETWEEN 1 AND 5),
    source           text,
    category         text,
    tags             text[]      NOT NULL DEFAULT '{}',
    search_key       text        NOT NULL,
    status           text        NOT NULL DEFAULT 'DRAFT'
                                 CHECK (status IN ('DRAFT', 'SUBMITTED', 'APPRAISED', 'APPROVED', 'REJECTED', 'ARCHIVED')),
    import_id        uuid,
    created_by       uuid        NOT NULL,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    PRIMARY KEY (school_id, id),
    FOREIGN KEY (school_id, bank_id) REFERENCES question_bank (school_id, id) ON DELETE CASCADE
);
CREATE INDEX question_of_bank ON question (school_id, bank_id, position);
CREATE INDEX question_classified ON question (school_id, subject_code, grade, topic_id, cognitive_level);
CREATE INDEX question_tags ON question USING gin (tags);

-- An uploaded file waiting for its commit. The bytes are in the BlobStore (content-addressed), so the commit can run
-- on any instance; the commit parses the file again and stores every question or none.
CREATE TABLE question_import (
    school_id      uuid        NOT NULL,
    id             uuid        NOT NULL,
    bank_id        uuid        NOT NULL,
    format         text        NOT NULL,
    filename       text,
    topic_id       uuid,
    sha256         text        NOT NULL,
    size_bytes     bigint      NOT NULL,
    question_count integer     NOT NULL,
    problem_count  integer     NOT NULL,
    uploaded_by    uuid        NOT NULL,
    created_at     timestamptz NOT NULL,
    committed_by   uuid,
    committed_at   timestamptz,
    PRIMARY KEY (school_id, id),
    FOREIGN KEY (school_id, bank_id) REFERENCES question_bank (school_id, id) ON DELETE CASCADE,
    CHECK ((committed_at IS NULL) = (committed_by IS NULL))
);
