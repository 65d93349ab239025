-- Curriculum reference data for CT GDPT 2018 (Thông tư 32/2018/TT-BGDĐT). National data carries no school id;
-- owner_org_id, when set, marks a subject or topic that a Sở, Phòng or school added for itself.

CREATE TABLE subject (
    code            text PRIMARY KEY,
    name_vi         text NOT NULL,
    name_en         text NOT NULL,
    -- Circular 22: comment-only subjects (Đạt/Chưa đạt) versus subjects with marks and comments.
    assessment_mode text NOT NULL CHECK (assessment_mode IN ('COMMENT', 'MARK')),
    owner_org_id    uuid REFERENCES org_unit (id)
);

CREATE TABLE subject_grade (
    subject_code     text     NOT NULL REFERENCES subject (code),
    grade            smallint NOT NULL CHECK (grade BETWEEN 1 AND 12),
    periods_per_year smallint NOT NULL CHECK (periods_per_year > 0),
    compulsory       boolean  NOT NULL DEFAULT true,
    PRIMARY KEY (subject_code, grade)
);

-- Chủ đề / chương and the yêu cầu cần đạt beneath them.
CREATE TABLE topic (
    id           uuid PRIMARY KEY,
    subject_code text     NOT NULL REFERENCES subject (code),
    grade        smallint NOT NULL CHECK (grade BETWEEN 1 AND 12),
    code         text     NOT NULL,
    title        text     NOT NULL,
    position     integer  NOT NULL,
    owner_org_id uuid REFERENCES org_unit (id),
    UNIQUE (subject_code, grade, code)
);

CREATE TABLE required_outcome (
    id       uuid PRIMARY KEY,
    topic_id uuid    NOT NULL REFERENCES topic (id) ON DELETE CASCADE,
    code     text    NOT NULL,
    text     text    NOT NULL,
    position integer NOT NULL,
    UNIQUE (topic_id, code)
);

-- Cognitive-level schemes: Biết/Hiểu/Vận dụng, the 4-level one, and primary Mức 1/2/3.
CREATE TABLE cognitive_scheme (
    code    text PRIMARY KEY,
    name_vi text NOT NULL,
    name_en text NOT NULL
);

CREATE TABLE cognitive_level (
    scheme_code text     NOT NULL REFERENCES cognitive_scheme (code),
    rank        smallint NOT NULL,
    code        text     NOT NULL,
    name_vi     text     NOT NULL,
    name_en     text     NOT NULL,
    PRIMARY KEY (scheme_code, code),
    UNIQUE (scheme_code, rank)
);
