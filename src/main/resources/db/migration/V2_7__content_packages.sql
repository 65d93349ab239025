-- Standard content packages (SCORM 1.2, SCORM 2004, cmi5) imported by a school, the index of their files (each file's
-- bytes live once in the content-addressed BlobStore), short-lived launch tokens for the sandboxed player, and the
-- SCORM tracking data of each learner. school_id leads every primary key.

CREATE TABLE content_package (
    school_id     uuid        NOT NULL REFERENCES school (school_id),
    id            uuid        NOT NULL,
    title         text        NOT NULL,
    standard      text        NOT NULL CHECK (standard IN ('SCORM_12', 'SCORM_2004', 'CMI5')),
    version       text        NOT NULL,
    identifier    text,
    launch_path   text        NOT NULL,
    structure     jsonb       NOT NULL,
    file_count    integer     NOT NULL,
    total_bytes   bigint      NOT NULL,
    archive_sha256 text       NOT NULL,
    imported_by   uuid        NOT NULL REFERENCES user_account (id),
    imported_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (school_id, id)
);
CREATE INDEX content_package_recent ON content_package (school_id, imported_at DESC);

CREATE TABLE content_package_file (
    school_id   uuid   NOT NULL,
    package_id  uuid   NOT NULL,
    path        text   NOT NULL,
    sha256      text   NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    media_type  text   NOT NULL,
    size        bigint NOT NULL CHECK (size >= 0),
    PRIMARY KEY (school_id, package_id, path),
    FOREIGN KEY (school_id, package_id) REFERENCES content_package (school_id, id) ON DELETE CASCADE
);

-- One learner's tracking data for one SCO (item) of a package: the SCORM data model as committed, plus the few
-- values reports need as columns. Resumed on the next launch (suspend data, location).
CREATE TABLE content_package_attempt (
    school_id          uuid        NOT NULL,
    id                 uuid        NOT NULL,
    package_id         uuid        NOT NULL,
    account_id         uuid        NOT NULL REFERENCES user_account (id),
    item_id            text        NOT NULL,
    cmi                jsonb       NOT NULL DEFAULT '{}'::jsonb,
    lesson_status      text,
    completion_status  text,
    success_status     text,
    score_raw          numeric(12, 4),
    score_scaled       numeric(7, 6),
    total_seconds      numeric(14, 2) NOT NULL DEFAULT 0,
    commits            integer     NOT NULL DEFAULT 0,
    started_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (school_id, id),
    UNIQUE (school_id, package_id, account_id, item_id),
    FOREIGN KEY (school_id, package_id) REFERENCES content_package (school_id, id) ON DELETE CASCADE
);

-- A launch: the capability the sandboxed content presents on every request instead of the session cookie (which an
-- opaque-origin frame must not have). Only the SHA-256 of the token is kept.
CREATE TABLE content_package_launch (
    school_id    uuid        NOT NULL,
    token_sha256 text        NOT NULL,
    package_id   uuid        NOT NULL,
    attempt_id   uuid        NOT NULL,
    account_id   uuid        NOT NULL,
    expires_at   timestamptz NOT NULL,
    PRIMARY KEY (school_id, token_sha256),
    FOREIGN KEY (school_id, attempt_id) REFERENCES content_package_attempt (school_id, id) ON DELETE CASCADE
);
CREATE INDEX content_package_launch_expiry ON content_package_launch (school_id, expires_at);
