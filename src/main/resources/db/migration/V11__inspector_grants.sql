-- Inspector access (capability 8): an LA manager grants a named inspector read-only access to the LA's child-level
-- data for the on-site dates of an activity; it starts and ends on its own. Access-control data, read when working
-- out a request's tenant scope, so it is not itself behind row-level security (see R__row_level_security.sql).
CREATE TABLE inspector_grant (
    id            UUID        NOT NULL DEFAULT gen_random_uuid(),
    la_id         UUID        NOT NULL,
    activity_id   UUID        NOT NULL,
    inspector_id  UUID        NOT NULL,
    starts_on     DATE        NOT NULL,
    ends_on       DATE        NOT NULL,
    granted_by    TEXT        NOT NULL,
    granted_at    TIMESTAMPTZ NOT NULL,
    revoked_by    TEXT,
    revoked_at    TIMESTAMPTZ,
    CONSTRAINT pk_inspector_grant PRIMARY KEY (id),
    CONSTRAINT fk_inspector_grant_la FOREIGN KEY (la_id) REFERENCES local_authority (id),
    CONSTRAINT fk_inspector_grant_user FOREIGN KEY (inspector_id) REFERENCES app_user (id),
    CONSTRAINT chk_inspector_grant_dates CHECK (ends_on >= starts_on)
);
CREATE INDEX ix_inspector_grant_inspector ON inspector_grant (inspector_id, starts_on, ends_on) WHERE revoked_at IS NULL;
