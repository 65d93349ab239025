-- cmi5: the launch's fetch URL hands out an xAPI auth token once (kept as its SHA-256); the AU then sends xAPI
-- statements and state documents under the player's isolated path with that token. Statements and documents belong
-- to the learner's attempt (the learner's own school).
ALTER TABLE content_package_launch
    ADD COLUMN cmi5_auth_sha256 text,
    ADD COLUMN cmi5_fetched_at  timestamptz;
CREATE UNIQUE INDEX content_package_launch_cmi5_auth ON content_package_launch (cmi5_auth_sha256) WHERE cmi5_auth_sha256 IS NOT NULL;

CREATE TABLE xapi_statement (
    school_id   uuid        NOT NULL,
    id          uuid        NOT NULL,
    attempt_id  uuid        NOT NULL,
    account_id  uuid        NOT NULL REFERENCES user_account (id),
    verb        text        NOT NULL,
    statement   jsonb       NOT NULL,
    stored_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (school_id, id),
    FOREIGN KEY (school_id, attempt_id) REFERENCES content_package_attempt (school_id, id) ON DELETE CASCADE
);
CREATE INDEX xapi_statement_attempt ON xapi_statement (school_id, attempt_id, stored_at);

-- Activity state documents the AU writes (and reads back), per attempt, activity and state id.
CREATE TABLE xapi_state (
    school_id     uuid        NOT NULL,
    attempt_id    uuid        NOT NULL,
    activity_id   text        NOT NULL,
    state_id      text        NOT NULL,
    content_type  text        NOT NULL,
    document      text        NOT NULL,
    updated_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (school_id, attempt_id, activity_id, state_id),
    FOREIGN KEY (school_id, attempt_id) REFERENCES content_package_attempt (school_id, id) ON DELETE CASCADE
);
