-- Roster uploads (nhập danh sách trường từ Excel). The preview stores the file so that the commit can run on any
-- instance; the bytes are erased once committed or after the retention period, only the SHA-256 stays for the audit.
CREATE TABLE roster_upload (
    school_id            uuid        NOT NULL REFERENCES school (school_id),
    id                   uuid        NOT NULL,
    uploaded_by          uuid        NOT NULL,
    created_at           timestamptz NOT NULL,
    filename             text,
    file                 bytea,
    sha256               text        NOT NULL,
    size_bytes           integer     NOT NULL,
    committed_by         uuid,
    committed_at         timestamptz,
    -- The new accounts' temporary passwords, AES-GCM encrypted, for one download by the committer; erased when
    -- downloaded or when credentials_until has passed.
    credentials          bytea,
    credentials_until    timestamptz,
    credentials_taken_at timestamptz,
    PRIMARY KEY (school_id, id),
    CHECK ((committed_at IS NULL) = (committed_by IS NULL))
);
CREATE INDEX roster_upload_pending ON roster_upload (created_at) WHERE file IS NOT NULL;
CREATE INDEX roster_upload_credentials ON roster_upload (credentials_until) WHERE credentials IS NOT NULL;

-- The key that encrypts those passwords when no key is configured (truongso.roster.credentials-key); one row.
CREATE TABLE roster_key (
    name  text PRIMARY KEY,
    value bytea NOT NULL
);
