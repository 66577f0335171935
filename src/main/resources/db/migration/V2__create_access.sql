-- Users and roles (start of capability 8). Every user belongs to one LA or to the national level (la_id null).
CREATE TABLE app_user (
    id             UUID        NOT NULL DEFAULT gen_random_uuid(),
    username       TEXT        NOT NULL,
    display_name   TEXT        NOT NULL,
    password_hash  TEXT,
    role           TEXT        NOT NULL,
    la_id          UUID,
    enabled        BOOLEAN     NOT NULL DEFAULT TRUE,
    demo           BOOLEAN     NOT NULL DEFAULT FALSE,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT pk_app_user PRIMARY KEY (id),
    CONSTRAINT uq_app_user_username UNIQUE (username),
    CONSTRAINT fk_app_user_la FOREIGN KEY (la_id) REFERENCES local_authority (id),
    CONSTRAINT chk_app_user_role CHECK (role IN ('ADMIN', 'LA_MANAGER', 'LA_STAFF', 'COUNCILLOR', 'INSPECTOR', 'NATIONAL_ANALYST')),
    CONSTRAINT chk_app_user_scope CHECK (
        (role IN ('LA_MANAGER', 'LA_STAFF', 'COUNCILLOR') AND la_id IS NOT NULL)
        OR (role IN ('ADMIN', 'INSPECTOR', 'NATIONAL_ANALYST') AND la_id IS NULL))
);
COMMENT ON TABLE app_user IS 'Local accounts. LA roles must name their LA; national roles must not';
