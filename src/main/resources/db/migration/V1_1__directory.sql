-- Directory: schools, school years, classes, subject groups, staff, students, guardians, enrolments,
-- transfers and teaching assignments. school_id leads every primary key (the Citus distribution column).

CREATE TABLE school (
    school_id    uuid PRIMARY KEY REFERENCES org_unit (id),
    level        text NOT NULL CHECK (level IN ('MAM_NON', 'TIEU_HOC', 'THCS', 'THPT', 'LIEN_CAP')),
    ownership    text NOT NULL CHECK (ownership IN ('PUBLIC', 'PRIVATE')),
    lowest_grade  smallint NOT NULL CHECK (lowest_grade BETWEEN 0 AND 12),
    highest_grade smallint NOT NULL CHECK (highest_grade BETWEEN 0 AND 12),
    address      text,
    phone        text,
    email        text,
    CHECK (lowest_grade <= highest_grade)
);

-- Năm học with its two semesters (học kỳ I and II).
CREATE TABLE school_year (
    school_id        uuid     NOT NULL REFERENCES school (school_id),
    id               uuid     NOT NULL,
    start_year       smallint NOT NULL,
    starts_on        date     NOT NULL,
    semester1_ends_on date    NOT NULL,
    semester2_starts_on date  NOT NULL,
    ends_on          date     NOT NULL,
    is_current       boolean  NOT NULL DEFAULT false,
    PRIMARY KEY (school_id, id),
    UNIQUE (school_id, start_year),
    CHECK (starts_on < semester1_ends_on AND semester1_ends_on < semester2_starts_on AND semester2_starts_on < ends_on)
);
CREATE UNIQUE INDEX school_year_one_current ON school_year (school_id) WHERE is_current;

CREATE TABLE staff (
    school_id        uuid NOT NULL REFERENCES school (school_id),
    id               uuid NOT NULL,
    staff_code       text,
    full_name        text NOT NULL,
    given_name       text NOT NULL,
    name_folded      text NOT NULL,
    birth_date       date,
    sex              text CHECK (sex IN ('MALE', 'FEMALE')),
    citizen_id       text CHECK (citizen_id ~ '^[0-9]{12}$'),
    position         text NOT NULL CHECK (position IN ('PRINCIPAL', 'VICE_PRINCIPAL', 'TEACHER', 'IT_STAFF', 'STAFF')),
    subject_group_id uuid,
    email            text,
    phone            text,
    active           boolean NOT NULL DEFAULT true,
    PRIMARY KEY (school_id, id),
    UNIQUE (school_id, staff_code)
);
CREATE INDEX staff_name_search ON staff USING gin (name_folded gin_trgm_ops);
CREATE UNIQUE INDEX staff_email ON staff (school_id, lower(email)) WHERE email IS NOT NULL;

-- Tổ chuyên môn and its head (tổ trưởng).
CREATE TABLE subject_group (
    school_id     uuid NOT NULL REFERENCES school (school_id),
    id            uuid NOT NULL,
    name          text NOT NULL,
    head_staff_id uuid,
    PRIMARY KEY (school_id, id),
    UNIQUE (school_id, name),
    FOREIGN KEY (school_id, head_staff_id) REFERENCES staff (school_id, id)
);
ALTER TABLE staff ADD FOREIGN KEY (school_id, subject_group_id) REFERENCES subject_group (school_id, id);

CREATE TABLE school_class (
    school_id         uuid     NOT NULL REFERENCES school (school_id),
    id                uuid     NOT NULL,
    school_year_id    uuid     NOT NULL,
    grade             smallint NOT NULL CHECK (grade BETWEEN 0 AND 12),
    name              text     NOT NULL,
    homeroom_staff_id uuid,
    PRIMARY KEY (school_id, id),
    UNIQUE (school_id, school_year_id, name),
    FOREIGN KEY (school_id, school_year_id) REFERENCES school_year (school_id, id),
    FOREIGN KEY (school_id, homeroom_staff_id) REFERENCES staff (school_id, id)
);

CREATE TABLE student (
    school_id    uuid NOT NULL REFERENCES school (school_id),
    id           uuid NOT NULL,
    learner_code text NOT NULL,
    citizen_id   text CHECK (citizen_id ~ '^[0-9]{12}$'),
    full_name    text NOT NULL,
    given_name   text NOT NULL,
    name_folded  text NOT NULL,
    birth_date   date NOT NULL,
    sex          text NOT NULL CHECK (sex IN ('MALE', 'FEMALE')),
    ethnicity    text,
    birthplace   text,
    address      text,
    status       text NOT NULL DEFAULT 'STUDYING' CHECK (status IN ('STUDYING', 'TRANSFERRED_OUT', 'GRADUATED', 'DROPPED_OUT')),
    PRIMARY KEY (school_id, id),
    -- Mã định danh: unique, created at first entry, never changed (TT 42/2021 Đ10).
    UNIQUE (school_id, learner_code)
);
CREATE UNIQUE INDEX student_citizen_id ON student (school_id, citizen_id) WHERE citizen_id IS NOT NULL;
CREATE INDEX student_name_search ON student USING gin (name_folded gin_trgm_ops);

CREATE TABLE guardian (
    school_id   uuid NOT NULL REFERENCES school (school_id),
    id          uuid NOT NULL,
    full_name   text NOT NULL,
    name_folded text NOT NULL,
    phone       text,
    email       text,
    citizen_id  text CHECK (citizen_id ~ '^[0-9]{12}$'),
    PRIMARY KEY (school_id, id)
);
CREATE INDEX guardian_phone ON guardian (school_id, phone);

CREATE TABLE student_guardian (
    school_id    uuid NOT NULL,
    student_id   uuid NOT NULL,
    guardian_id  uuid NOT NULL,
    relationship text NOT NULL CHECK (relationship IN ('FATHER', 'MOTHER', 'GUARDIAN')),
    PRIMARY KEY (school_id, student_id, guardian_id),
    FOREIGN KEY (school_id, student_id) REFERENCES student (school_id, id),
    FOREIGN KEY (school_id, guardian_id) REFERENCES guardian (school_id, id)
);
CREATE INDEX student_guardian_by_guardian ON student_guardian (school_id, guardian_id);

CREATE TABLE enrolment (
    school_id      uuid NOT NULL,
    id             uuid NOT NULL,
    student_id     uuid NOT NULL,
    school_year_id uuid NOT NULL,
    class_id       uuid NOT NULL,
    starts_on      date NOT NULL,
    ends_on        date,
    PRIMARY KEY (school_id, id),
    FOREIGN KEY (school_id, student_id) REFERENCES student (school_id, id),
    FOREIGN KEY (school_id, school_year_id) REFERENCES school_year (school_id, id),
    FOREIGN KEY (school_id, class_id) REFERENCES school_class (school_id, id)
);
-- A student is in at most one class at a time in a year.
CREATE UNIQUE INDEX enrolment_one_open ON enrolment (school_id, student_id, school_year_id) WHERE ends_on IS NULL;
CREATE INDEX enrolment_by_class ON enrolment (school_id, class_id) WHERE ends_on IS NULL;

-- Chuyển trường: the history is kept; a transfer out closes the enrolment, a transfer in opens one.
CREATE TABLE transfer (
    school_id        uuid NOT NULL,
    id               uuid NOT NULL,
    student_id       uuid NOT NULL,
    direction        text NOT NULL CHECK (direction IN ('IN', 'OUT')),
    effective_on     date NOT NULL,
    other_school     text NOT NULL,
    reason           text,
    recorded_by      uuid,
    recorded_at      timestamptz NOT NULL,
    PRIMARY KEY (school_id, id),
    FOREIGN KEY (school_id, student_id) REFERENCES student (school_id, id)
);
CREATE INDEX transfer_by_student ON transfer (school_id, student_id);

-- Phân công chuyên môn: teacher × subject × class × year.
CREATE TABLE teaching_assignment (
    school_id      uuid NOT NULL,
    id             uuid NOT NULL,
    school_year_id uuid NOT NULL,
    staff_id       uuid NOT NULL,
    subject_code   text NOT NULL,
    class_id       uuid NOT NULL,
    PRIMARY KEY (school_id, id),
    UNIQUE (school_id, school_year_id, class_id, subject_code),
    FOREIGN KEY (school_id, school_year_id) REFERENCES school_year (school_id, id),
    FOREIGN KEY (school_id, staff_id) REFERENCES staff (school_id, id),
    FOREIGN KEY (school_id, class_id) REFERENCES school_class (school_id, id)
);
CREATE INDEX teaching_assignment_by_staff ON teaching_assignment (school_id, staff_id, school_year_id);
