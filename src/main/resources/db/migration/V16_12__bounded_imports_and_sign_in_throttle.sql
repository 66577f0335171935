-- Issue 12: imports under limits, partial returns, and sign-in throttling that cannot lock the right person out.

-- An uploaded file is kept in parts of at most 1 MB, so a job reads it back as a stream and never holds it whole.
ALTER TABLE child_import_job_file ADD COLUMN part INTEGER NOT NULL DEFAULT 0;
ALTER TABLE child_import_job_file DROP CONSTRAINT pk_child_import_job_file;
ALTER TABLE child_import_job_file ADD CONSTRAINT pk_child_import_job_file PRIMARY KEY (job_id, ordinal, part);
COMMENT ON COLUMN child_import_job_file.part IS 'The file''s bytes in order, in parts of at most 1 MB (part 0 first)';

-- A partial update (only some tables, the rest kept from the current snapshot), a confirmed drop in the number of
-- children, a job waiting for that confirmation, and every error kept as a gzipped CSV for download.
ALTER TABLE child_import_job ADD COLUMN partial BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE child_import_job ADD COLUMN confirm_drop BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE child_import_job ADD COLUMN confirmation TEXT;
ALTER TABLE child_import_job ADD COLUMN errors_csv BYTEA;
ALTER TABLE child_import_job DROP CONSTRAINT chk_child_import_job_stage;
ALTER TABLE child_import_job ADD CONSTRAINT chk_child_import_job_stage
    CHECK (stage IN ('RECEIVED', 'CHECKING', 'STORING', 'DONE', 'FAILED', 'NEEDS_CONFIRMATION', 'CANCELLED'));
ALTER TABLE child_import_job ALTER COLUMN error_count TYPE BIGINT;
COMMENT ON COLUMN child_import_job.errors IS 'The first errors (oversight.imports.errors-shown) as JSON; error_count has them all';
COMMENT ON COLUMN child_import_job.errors_csv IS 'Every error kept (up to oversight.imports.max-errors) as gzipped CSV, for download';
COMMENT ON COLUMN child_import_job.confirmation IS 'Why the job waits for a person to confirm (the share of children it would drop)';

ALTER TABLE import_snapshot ADD COLUMN based_on UUID;
ALTER TABLE import_snapshot ADD CONSTRAINT fk_import_snapshot_based_on FOREIGN KEY (based_on) REFERENCES import_snapshot (id);
COMMENT ON COLUMN import_snapshot.based_on IS 'For a partial update: the snapshot whose other tables it kept';

-- Staff and young people's sign-in throttling: a counter per account, address or device, changed by one atomic
-- statement per attempt. Failures make the next attempt wait longer (never a lock that someone else can aim).
CREATE TABLE sign_in_throttle (
    throttle_key    TEXT        NOT NULL,
    failures        INTEGER     NOT NULL DEFAULT 0,
    last_failure_at TIMESTAMPTZ,
    next_allowed_at TIMESTAMPTZ NOT NULL,
    in_flight       INTEGER     NOT NULL DEFAULT 0,
    in_flight_at    TIMESTAMPTZ,
    CONSTRAINT pk_sign_in_throttle PRIMARY KEY (throttle_key)
);
COMMENT ON TABLE sign_in_throttle IS 'Failed sign-ins per key (staff account, staff address, young person''s name hash, address, device): attempts wait until next_allowed_at';
COMMENT ON COLUMN sign_in_throttle.in_flight IS 'Passwords being checked now under this key: past the free failures only one at a time';
CREATE INDEX ix_sign_in_throttle_stale ON sign_in_throttle (last_failure_at);

-- A browser that has signed in to an account before: its correct password skips the per-account and per-address waits.
CREATE TABLE sign_in_device (
    token_hash    TEXT        NOT NULL,
    principal_key TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    last_used_at  TIMESTAMPTZ NOT NULL,
    CONSTRAINT pk_sign_in_device PRIMARY KEY (token_hash, principal_key)
);
COMMENT ON TABLE sign_in_device IS 'Device cookies: the SHA-256 of the cookie and the account (staff:<id> or yp:<id>) it has signed in to';

-- Sign-in data is read before anyone's LA is known, like app_user: not behind row-level security, used by the app role.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'oversight_app') THEN
        GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE sign_in_throttle, sign_in_device TO oversight_app;
    END IF;
END
$$;

-- The young person's sign-in log keeps the name tried only as a hash: a password typed in the name box must not be kept.
UPDATE yp_sign_in_event SET subject = 'name:' || left(encode(sha256(convert_to(substring(subject FROM 6), 'UTF8')), 'hex'), 32)
 WHERE subject LIKE 'name:%' AND subject !~ '^name:[0-9a-f]{32}$';
COMMENT ON COLUMN yp_sign_in_event.subject IS 'The first 32 hex digits of the SHA-256 of the sign-in name tried (name:...) or of the code tried (code:..., 12 digits); never the name or code itself';
