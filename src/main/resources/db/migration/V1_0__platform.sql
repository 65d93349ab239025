-- Platform: the tenancy tree, accounts, role grants, API tokens, the audit log and HTTP sessions.

CREATE EXTENSION IF NOT EXISTS pg_trgm;
-- Vietnamese order for names (the default C collation puts "Đ" after "Z" and "Ă" after "A" wrongly).
CREATE COLLATION IF NOT EXISTS vi_vn (provider = icu, locale = 'vi-VN');

-- Sở GDĐT → Phòng GDĐT → school. Every school-owned table keys on the school's org_unit id.
CREATE TABLE org_unit (
    id        uuid PRIMARY KEY,
    kind      text NOT NULL CHECK (kind IN ('SO', 'PHONG', 'SCHOOL')),
    parent_id uuid REFERENCES org_unit (id),
    code      text NOT NULL UNIQUE,
    name      text NOT NULL,
    CHECK ((kind = 'SO') = (parent_id IS NULL))
);
CREATE INDEX org_unit_parent ON org_unit (parent_id);

-- Accounts are the one global table of identities: sign-in finds a user by name before it knows the school.
CREATE TABLE user_account (
    id                   uuid PRIMARY KEY,
    username             text        NOT NULL,
    password_hash        text        NOT NULL,
    display_name         text        NOT NULL,
    home_org_id          uuid        NOT NULL REFERENCES org_unit (id),
    person_id            uuid,
    locale               text        NOT NULL DEFAULT 'vi',
    enabled              boolean     NOT NULL DEFAULT true,
    must_change_password boolean     NOT NULL DEFAULT false,
    failed_attempts      integer     NOT NULL DEFAULT 0,
    locked_until         timestamptz,
    password_changed_at  timestamptz NOT NULL,
    created_at           timestamptz NOT NULL
);
CREATE UNIQUE INDEX user_account_username ON user_account (lower(username));
CREATE INDEX user_account_home ON user_account (home_org_id);
CREATE INDEX user_account_person ON user_account (home_org_id, person_id);

CREATE TABLE role_grant (
    user_id     uuid NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
    role        text NOT NULL CHECK (role IN ('SYSTEM_ADMIN', 'SO_OFFICER', 'PHONG_OFFICER', 'PRINCIPAL', 'VICE_PRINCIPAL',
                                              'GROUP_HEAD', 'TEACHER', 'IT_STAFF', 'STUDENT', 'PARENT')),
    org_unit_id uuid NOT NULL REFERENCES org_unit (id),
    PRIMARY KEY (user_id, role, org_unit_id)
);

CREATE TABLE api_token (
    id           uuid PRIMARY KEY,
    user_id      uuid        NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
    name         text        NOT NULL,
    token_hash   text        NOT NULL UNIQUE,
    created_at   timestamptz NOT NULL,
    expires_at   timestamptz NOT NULL,
    revoked_at   timestamptz,
    last_used_at timestamptz
);

-- Append-only: the trigger below refuses UPDATE and DELETE, so history cannot be rewritten from the application.
CREATE TABLE audit_event (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at    timestamptz NOT NULL DEFAULT now(),
    actor_id       uuid,
    actor_name     text        NOT NULL,
    action         text        NOT NULL,
    org_unit_id    uuid,
    subject_type   text,
    subject_id     text,
    detail         jsonb       NOT NULL DEFAULT '{}',
    client_address text
);
CREATE INDEX audit_event_org_time ON audit_event (org_unit_id, occurred_at DESC);
CREATE INDEX audit_event_actor_time ON audit_event (actor_id, occurred_at DESC);

CREATE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only';
END;
$$;
CREATE TRIGGER audit_event_append_only
    BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();
CREATE TRIGGER audit_event_no_truncate
    BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only();

-- Spring Session's tables: sessions live in the database so any instance can serve any request.
CREATE TABLE spring_session (
    primary_id            char(36) NOT NULL PRIMARY KEY,
    session_id            char(36) NOT NULL UNIQUE,
    creation_time         bigint   NOT NULL,
    last_access_time      bigint   NOT NULL,
    max_inactive_interval integer  NOT NULL,
    expiry_time           bigint   NOT NULL,
    principal_name        varchar(100)
);
CREATE INDEX spring_session_expiry ON spring_session (expiry_time);
CREATE INDEX spring_session_principal ON spring_session (principal_name);

CREATE TABLE spring_session_attributes (
    session_primary_id char(36)     NOT NULL REFERENCES spring_session (primary_id) ON DELETE CASCADE,
    attribute_name     varchar(200) NOT NULL,
    attribute_bytes    bytea        NOT NULL,
    PRIMARY KEY (session_primary_id, attribute_name)
);
