-- Kho học liệu số: materials, their versions, files, the appraisal and approval workflow, use, and the principal's plan.
-- Every row belongs to the school that owns the material (school_id leads each primary key). The owning school's Phòng
-- and Sở are copied onto the material so that the district and city repositories are read without walking the tree.

CREATE TABLE material_settings (
    school_id        uuid PRIMARY KEY REFERENCES org_unit (id),
    -- SINGLE: the group head appraises alone; COUNCIL: the group head names several appraisers (hội đồng thẩm định).
    appraisal_mode   text        NOT NULL DEFAULT 'SINGLE' CHECK (appraisal_mode IN ('SINGLE', 'COUNCIL')),
    -- The rubric's criteria codes, in order (accuracy, outcomes, pedagogy, technical, copyright by default).
    rubric           text[]      NOT NULL,
    updated_at       timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE material (
    school_id        uuid        NOT NULL REFERENCES org_unit (id),
    id               uuid        NOT NULL,
    phong_id         uuid REFERENCES org_unit (id),
    so_id            uuid REFERENCES org_unit (id),
    -- How far the approved version reaches: NOT_PUBLISHED, PUBLISHED (school), PROPOSED_DISTRICT, SHARED_DISTRICT,
    -- PROPOSED_CITY, SHARED_CITY, ARCHIVED.
    reach            text        NOT NULL DEFAULT 'NOT_PUBLISHED',
    live_version_id  uuid,
    created_by       uuid        NOT NULL REFERENCES user_account (id),
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    view_count       bigint      NOT NULL DEFAULT 0,
    download_count   bigint      NOT NULL DEFAULT 0,
    row_version      integer     NOT NULL DEFAULT 0,
    PRIMARY KEY (school_id, id)
);
CREATE INDEX material_phong ON material (phong_id, reach);
CREATE INDEX material_so ON material (so_id, reach);

CREATE TABLE material_version (
    school_id        uuid        NOT NULL,
    id               uuid        NOT NULL,
    material_id      uuid        NOT NULL,
    number           integer     NOT NULL,
    -- DRAFT, SUBMITTED, UNDER_APPRAISAL, RETURNED, APPRAISED, APPROVED, REJECTED, SUPERSEDED, WITHDRAWN.
    status           text        NOT NULL DEFAULT 'DRAFT',
    title            text        NOT NULL,
    description      text        NOT NULL DEFAULT '',
    kind             text        NOT NULL,
    subject_code     text        NOT NULL,
    grades           integer[]   NOT NULL,
    topic_ids        uuid[]      NOT NULL DEFAULT '{}',
    outcome_ids      uuid[]      NOT NULL DEFAULT '{}',
    competencies     text[]      NOT NULL DEFAULT '{}',
    language         text        NOT NULL DEFAULT 'vi',
    licence          text        NOT NULL,
    authors          text[]      NOT NULL DEFAULT '{}',
    link_url         text,
    -- The council (or single appraiser) named when the appraisal started.
    appraiser_ids    uuid[]      NOT NULL DEFAULT '{}',
    -- Each start of an appraisal opens a new round; only the current round's appraisals decide.
    appraisal_round  integer     NOT NULL DEFAULT 0,
    -- For full-text search (added by another part of the module): the text extracted from the files, nullable.
    search_text      text,
    created_by       uuid        NOT NULL REFERENCES user_account (id),
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (school_id, id),
    UNIQUE (school_id, material_id, number),
    FOREIGN KEY (school_id, material_id) REFERENCES material (school_id, id)
);
ALTER TABLE material ADD FOREIGN KEY (school_id, live_version_id) REFERENCES material_version (school_id, id);
CREATE INDEX material_version_subject ON material_version (school_id, subject_code);

-- Every transition of the workflow: who, when, from which state to which, and why. Append-only.
CREATE TABLE material_transition (
    school_id        uuid        NOT NULL,
    id               uuid        NOT NULL,
    material_id      uuid        NOT NULL,
    version_id       uuid,
    action           text        NOT NULL,
    from_state       text        NOT NULL,
    to_state         text        NOT NULL,
    actor_id         uuid        NOT NULL REFERENCES user_account (id),
    actor_name       text        NOT NULL,
    comment          text,
    at               timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (school_id, id),
    FOREIGN KEY (school_id, material_id) REFERENCES material (school_id, id)
);
CREATE INDEX material_transition_material ON material_transition (school_id, material_id, at);

-- One appraiser's appraisal of a version: a verdict and comment per rubric criterion and an overall recommendation.
CREATE TABLE material_appraisal (
    school_id        uuid        NOT NULL,
    id               uuid        NOT NULL,
    material_id      uuid        NOT NULL,
    version_id       uuid        NOT NULL,
    -- SCHOOL (tổ chuyên môn) or DISTRICT (Phòng) or CITY (Sở).
    level            text        NOT NULL DEFAULT 'SCHOOL',
    round            integer     NOT NULL,
    appraiser_id     uuid        NOT NULL REFERENCES user_account (id),
    appraiser_name   text        NOT NULL,
    recommendation   text        NOT NULL CHECK (recommendation IN ('APPROVE', 'RETURN')),
    comment          text,
    criteria         jsonb       NOT NULL,
    at               timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (school_id, id),
    UNIQUE (school_id, version_id, level, round, appraiser_id),
    FOREIGN KEY (school_id, version_id) REFERENCES material_version (school_id, id)
);

CREATE TABLE material_file (
    school_id        uuid        NOT NULL,
    id               uuid        NOT NULL,
    material_id      uuid        NOT NULL,
    version_id       uuid        NOT NULL,
    sha256           char(64)    NOT NULL,
    size             bigint      NOT NULL,
    media_type       text        NOT NULL,
    file_type        text        NOT NULL,
    file_name        text        NOT NULL,
    uploaded_by      uuid        NOT NULL REFERENCES user_account (id),
    uploaded_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (school_id, id),
    FOREIGN KEY (school_id, version_id) REFERENCES material_version (school_id, id)
);
CREATE INDEX material_file_version ON material_file (school_id, version_id);

-- A teacher's rating (1-5) and comment; one per user per material, replaced when she rates again.
CREATE TABLE material_rating (
    school_id        uuid        NOT NULL,
    material_id      uuid        NOT NULL,
    user_id          uuid        NOT NULL REFERENCES user_account (id),
    user_name        text        NOT NULL,
    stars            smallint    NOT NULL CHECK (stars BETWEEN 1 AND 5),
    comment          text,
    at               timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (school_id, material_id, user_id),
    FOREIGN KEY (school_id, material_id) REFERENCES material (school_id, id)
);

-- The principal's plan (kế hoạch xây dựng học liệu): which subject group covers which subject and grade by when.
CREATE TABLE material_plan_target (
    school_id        uuid        NOT NULL REFERENCES org_unit (id),
    id               uuid        NOT NULL,
    subject_group    text        NOT NULL,
    subject_code     text        NOT NULL,
    grade            integer     NOT NULL CHECK (grade BETWEEN 1 AND 12),
    -- Share of the grade's topics that must have an approved material, in whole percent.
    target_percent   integer     NOT NULL DEFAULT 100 CHECK (target_percent BETWEEN 1 AND 100),
    due_on           date        NOT NULL,
    note             text,
    created_by       uuid        NOT NULL REFERENCES user_account (id),
    created_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (school_id, id),
    UNIQUE (school_id, subject_code, grade)
);
