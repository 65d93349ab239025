-- Bộ ôn tập: a teacher's chapter review set of questions from the school's banks, assigned to classes with a publish
-- date (students see it from then) and a due date. Questions are referenced, not copied: an archived question stays
-- readable by id, so a set never breaks.
CREATE TABLE practice_set (
    school_id    uuid        NOT NULL REFERENCES school (school_id),
    id           uuid        NOT NULL,
    title        text        NOT NULL,
    description  text,
    bank_id      uuid,
    publish_on   date        NOT NULL,
    due_on       date,
    created_by   uuid        NOT NULL,
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL,
    PRIMARY KEY (school_id, id),
    FOREIGN KEY (school_id, bank_id) REFERENCES question_bank (school_id, id) ON DELETE SET NULL (bank_id),
    CHECK (due_on IS NULL OR due_on >= publish_on)
);

CREATE TABLE practice_set_question (
    school_id   uuid    NOT NULL,
    set_id      uuid    NOT NULL,
    question_id uuid    NOT NULL,
    position    integer NOT NULL,
    PRIMARY KEY (school_id, set_id, question_id),
    FOREIGN KEY (school_id, set_id) REFERENCES practice_set (school_id, id) ON DELETE CASCADE,
    FOREIGN KEY (school_id, question_id) REFERENCES question (school_id, id) ON DELETE CASCADE
);

CREATE TABLE practice_set_class (
    school_id uuid NOT NULL,
    set_id    uuid NOT NULL,
    class_id  uuid NOT NULL,
    PRIMARY KEY (school_id, set_id, class_id),
    FOREIGN KEY (school_id, set_id) REFERENCES practice_set (school_id, id) ON DELETE CASCADE,
    FOREIGN KEY (school_id, class_id) REFERENCES school_class (school_id, id)
);
CREATE INDEX practice_set_class_by_class ON practice_set_class (school_id, class_id);

-- A student's result per question of a set: the last and the best points, and how many times she answered.
CREATE TABLE practice_result (
    school_id   uuid          NOT NULL,
    set_id      uuid          NOT NULL,
    student_id  uuid          NOT NULL,
    question_id uuid          NOT NULL,
    last_points numeric(8, 4) NOT NULL,
    best_points numeric(8, 4) NOT NULL,
    attempts    integer       NOT NULL,
    answered_at timestamptz   NOT NULL,
    PRIMARY KEY (school_id, set_id, student_id, question_id),
    FOREIGN KEY (school_id, set_id) REFERENCES practice_set (school_id, id) ON DELETE CASCADE,
    FOREIGN KEY (school_id, student_id) REFERENCES student (school_id, id)
);
