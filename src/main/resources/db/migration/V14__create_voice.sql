-- The young person's voice (issue 7): care leavers and children in care sign in to a small portal of their own,
-- add their words to their plan, say what matters to them, rate the service and can say they do not feel safe.
-- Every table is LA-owned (la_id) and keyed to the child by the pseudonymous child_ref of the LA's own data.

CREATE TABLE yp_invitation (
    id          UUID        NOT NULL DEFAULT gen_random_uuid(),
    la_id       UUID        NOT NULL,
    child_ref   TEXT        NOT NULL,
    cohort      TEXT        NOT NULL,
    first_name  TEXT        NOT NULL,
    code_hash   TEXT        NOT NULL,
    issued_by   TEXT        NOT NULL,
    issued_at   TIMESTAMPTZ NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    used_at     TIMESTAMPTZ,
    revoked_at  TIMESTAMPTZ,
    CONSTRAINT pk_yp_invitation PRIMARY KEY (id),
    CONSTRAINT uq_yp_invitation_code UNIQUE (code_hash),
    CONSTRAINT fk_yp_invitation_la FOREIGN KEY (la_id) REFERENCES local_authority (id),
    CONSTRAINT chk_yp_invitation_expiry CHECK (expires_at > issued_at),
    CONSTRAINT chk_yp_invitation_cohort CHECK (cohort IN ('CHILD_IN_CARE', 'CARE_LEAVER'))
);
COMMENT ON TABLE yp_invitation IS 'One-time invitation codes issued by a worker; only the SHA-256 of the code is kept';

CREATE TABLE yp_account (
    id              UUID        NOT NULL DEFAULT gen_random_uuid(),
    la_id           UUID        NOT NULL,
    child_ref       TEXT        NOT NULL,
    cohort          TEXT        NOT NULL,
    first_name      TEXT        NOT NULL,
    sign_in_name    TEXT        NOT NULL,
    password_hash   TEXT        NOT NULL,
    invitation_id   UUID        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    revoked_at      TIMESTAMPTZ,
    revoked_by      TEXT,
    CONSTRAINT pk_yp_account PRIMARY KEY (id),
    CONSTRAINT uq_yp_account_sign_in_name UNIQUE (sign_in_name),
    CONSTRAINT fk_yp_account_la FOREIGN KEY (la_id) REFERENCES local_authority (id),
    CONSTRAINT fk_yp_account_invitation FOREIGN KEY (invitation_id) REFERENCES yp_invitation (id)
);
COMMENT ON TABLE yp_account IS 'A young person''s own sign-in; a fresh invitation revokes it';
CREATE UNIQUE INDEX uq_yp_account_current ON yp_account (la_id, child_ref) WHERE revoked_at IS NULL;

CREATE TABLE yp_plan_section (
    la_id       UUID        NOT NULL,
    child_ref   TEXT        NOT NULL,
    section     TEXT        NOT NULL,
    summary     TEXT        NOT NULL DEFAULT '',
    updated_by  TEXT        NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    CONSTRAINT pk_yp_plan_section PRIMARY KEY (la_id, child_ref, section),
    CONSTRAINT fk_yp_plan_section_la FOREIGN KEY (la_id) REFERENCES local_authority (id)
);
COMMENT ON TABLE yp_plan_section IS 'The worker''s plain-English summary of each section of the pathway plan or care plan';

CREATE TABLE yp_contribution (
    id          UUID        NOT NULL DEFAULT gen_random_uuid(),
    la_id       UUID        NOT NULL,
    child_ref   TEXT        NOT NULL,
    account_id  UUID        NOT NULL,
    section     TEXT        NOT NULL,
    words       TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    CONSTRAINT pk_yp_contribution PRIMARY KEY (id),
    CONSTRAINT fk_yp_contribution_la FOREIGN KEY (la_id) REFERENCES local_authority (id),
    CONSTRAINT fk_yp_contribution_account FOREIGN KEY (account_id) REFERENCES yp_account (id),
    CONSTRAINT chk_yp_contribution_words CHECK (length(btrim(words)) > 0)
);
COMMENT ON TABLE yp_contribution IS 'The young person''s own words per plan section (WHAT_MATTERS: what matters to me); never edited';
CREATE INDEX ix_yp_contribution_child ON yp_contribution (la_id, child_ref, created_at);

CREATE TABLE yp_feedback (
    id          UUID        NOT NULL DEFAULT gen_random_uuid(),
    la_id       UUID        NOT NULL,
    child_ref   TEXT        NOT NULL,
    account_id  UUID        NOT NULL,
    theme       TEXT        NOT NULL,
    rating      INTEGER,
    comment     TEXT,
    created_at  TIMESTAMPTZ NOT NULL,
    CONSTRAINT pk_yp_feedback PRIMARY KEY (id),
    CONSTRAINT fk_yp_feedback_la FOREIGN KEY (la_id) REFERENCES local_authority (id),
    CONSTRAINT fk_yp_feedback_account FOREIGN KEY (account_id) REFERENCES yp_account (id),
    CONSTRAINT chk_yp_feedback_rating CHECK (rating IS NULL OR rating BETWEEN 1 AND 5),
    CONSTRAINT chk_yp_feedback_something CHECK (rating IS NOT NULL OR comment IS NOT NULL)
);
CREATE INDEX ix_yp_feedback_la ON yp_feedback (la_id, theme);

CREATE TABLE yp_safety_alert (
    id               UUID        NOT NULL DEFAULT gen_random_uuid(),
    la_id            UUID        NOT NULL,
    child_ref        TEXT        NOT NULL,
    account_id       UUID        NOT NULL,
    message          TEXT,
    raised_at        TIMESTAMPTZ NOT NULL,
    acknowledged_by  TEXT,
    acknowledged_at  TIMESTAMPTZ,
    CONSTRAINT pk_yp_safety_alert PRIMARY KEY (id),
    CONSTRAINT fk_yp_safety_alert_la FOREIGN KEY (la_id) REFERENCES local_authority (id),
    CONSTRAINT fk_yp_safety_alert_account FOREIGN KEY (account_id) REFERENCES yp_account (id),
    CONSTRAINT chk_yp_safety_alert_ack CHECK ((acknowledged_by IS NULL) = (acknowledged_at IS NULL))
);
CREATE INDEX ix_yp_safety_alert_open ON yp_safety_alert (la_id) WHERE acknowledged_at IS NULL;

CREATE TABLE yp_access (
    id          BIGSERIAL   NOT NULL,
    la_id       UUID        NOT NULL,
    child_ref   TEXT        NOT NULL,
    account_id  UUID        NOT NULL,
    at          TIMESTAMPTZ NOT NULL,
    what        TEXT        NOT NULL,
    CONSTRAINT pk_yp_access PRIMARY KEY (id),
    CONSTRAINT fk_yp_access_la FOREIGN KEY (la_id) REFERENCES local_authority (id)
);
COMMENT ON TABLE yp_access IS 'Every access by a young person to their own record, and every refused attempt at anything else';
CREATE INDEX ix_yp_access_child ON yp_access (la_id, child_ref, at);

CREATE TABLE yp_sign_in_event (
    id          BIGSERIAL   NOT NULL,
    la_id       UUID,
    account_id  UUID,
    kind        TEXT        NOT NULL,
    subject     TEXT        NOT NULL,
    ip          TEXT        NOT NULL,
    outcome     TEXT        NOT NULL,
    at          TIMESTAMPTZ NOT NULL,
    CONSTRAINT pk_yp_sign_in_event PRIMARY KEY (id),
    CONSTRAINT fk_yp_sign_in_event_la FOREIGN KEY (la_id) REFERENCES local_authority (id),
    CONSTRAINT chk_yp_sign_in_event_kind CHECK (kind IN ('CODE', 'PASSWORD'))
);
COMMENT ON TABLE yp_sign_in_event IS 'Every sign-in attempt to the portal, for the log and the rate limit; la_id is null when a guessed code or name matched nothing';
COMMENT ON COLUMN yp_sign_in_event.subject IS 'The sign-in name tried, or the first 12 hex digits of the SHA-256 of the code tried (never the code)';
CREATE INDEX ix_yp_sign_in_event_ip ON yp_sign_in_event (ip, at);
CREATE INDEX ix_yp_sign_in_event_subject ON yp_sign_in_event (subject, at);

-- The young person's words are theirs: nobody edits or deletes them in place.
CREATE FUNCTION yp_words_are_theirs() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'a young person''s contribution cannot be changed or deleted';
END;
$$;
CREATE TRIGGER trg_yp_contribution_immutable BEFORE UPDATE OR DELETE ON yp_contribution
    FOR EACH ROW EXECUTE FUNCTION yp_words_are_theirs();
