-- Blueprints (ma trận đề kiểm tra) and the test papers (đề kiểm tra) generated from them.
--
-- A blueprint's cells (topic × cognitive level × question type → number of questions and points each) and its
-- specification rows (bảng đặc tả: what each topic × level must test) are JSON: they are read and written whole with
-- the blueprint and never queried on their own. Its source banks are rows, so a bank cannot silently vanish from one.
CREATE TABLE blueprint (
    school_id        uuid          NOT NULL REFERENCES school (school_id),
    id               uuid          NOT NULL,
    name             text          NOT NULL,
    subject_code     text,
    grade            smallint      CHECK (grade BETWEEN 1 AND 12),
    duration_minutes integer       NOT NULL CHECK (duration_minutes > 0),
    cognitive_scheme text          NOT NULL,
    total_points     numeric(8, 4) NOT NULL CHECK (total_points > 0),
    cells            jsonb         NOT NULL,
    specs            jsonb         NOT NULL DEFAULT '[]',
    created_by       uuid          NOT NULL,
    created_at       timestamptz   NOT NULL,
    updated_at       timestamptz   NOT NULL,
    PRIMARY KEY (school_id, id)
);

CREATE TABLE blueprint_bank (
    school_id    uuid    NOT NULL,
    blueprint_id uuid    NOT NULL,
    bank_id      uuid    NOT NULL,
    position     integer NOT NULL,
    PRIMARY KEY (school_id, blueprint_id, bank_id),
    FOREIGN KEY (school_id, blueprint_id) REFERENCES blueprint (school_id, id) ON DELETE CASCADE,
    FOREIGN KEY (school_id, bank_id) REFERENCES question_bank (school_id, id) ON DELETE CASCADE
);

-- A generated paper: the blueprint as it was (so the paper explains itself after the blueprint changes), the seed
-- and mode that drew it, and its variants (mã đề). mode SAME = one draw shuffled per variant; FRESH = a draw per variant.
CREATE TABLE test_paper (
    school_id        uuid          NOT NULL REFERENCES school (school_id),
    id               uuid          NOT NULL,
    blueprint_id     uuid,
    title            text          NOT NULL,
    subject_code     text,
    grade            smallint,
    duration_minutes integer       NOT NULL,
    total_points     numeric(8, 4) NOT NULL,
    mode             text          NOT NULL CHECK (mode IN ('SAME', 'FRESH')),
    seed             bigint        NOT NULL,
    blueprint        jsonb         NOT NULL,
    created_by       uuid          NOT NULL,
    created_at       timestamptz   NOT NULL,
    PRIMARY KEY (school_id, id)
);
CREATE INDEX test_paper_recent ON test_paper (school_id, created_at);

CREATE TABLE test_paper_variant (
    school_id uuid    NOT NULL,
    paper_id  uuid    NOT NULL,
    code      text    NOT NULL,
    position  integer NOT NULL,
    PRIMARY KEY (school_id, paper_id, code),
    FOREIGN KEY (school_id, paper_id) REFERENCES test_paper (school_id, id) ON DELETE CASCADE
);

-- One question of a variant, in paper order: its part (PHẦN I, II, III, …), the points the paper gives it and the
-- order its options are shown in (choice ids; empty = the stored order).
CREATE TABLE test_paper_item (
    school_id    uuid          NOT NULL,
    paper_id     uuid          NOT NULL,
    variant_code text          NOT NULL,
    position     integer       NOT NULL,
    part         smallint      NOT NULL,
    question_id  uuid          NOT NULL,
    points       numeric(8, 4) NOT NULL CHECK (points >= 0),
    option_order text[]        NOT NULL DEFAULT '{}',
    PRIMARY KEY (school_id, paper_id, variant_code, position),
    FOREIGN KEY (school_id, paper_id, variant_code) REFERENCES test_paper_variant (school_id, paper_id, code) ON DELETE CASCADE
);
CREATE INDEX test_paper_item_question ON test_paper_item (school_id, question_id);

-- The questions as they were when the paper was drawn: later edits to the bank (or its deletion) never change a
-- printed paper or its answer key.
CREATE TABLE test_paper_question (
    school_id   uuid  NOT NULL,
    paper_id    uuid  NOT NULL,
    question_id uuid  NOT NULL,
    body        jsonb NOT NULL,
    PRIMARY KEY (school_id, paper_id, question_id),
    FOREIGN KEY (school_id, paper_id) REFERENCES test_paper (school_id, id) ON DELETE CASCADE
);
