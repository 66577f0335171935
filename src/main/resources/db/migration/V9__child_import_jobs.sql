-- Uploads of child-level data run as jobs: the page shows their progress (received, checking, storing, done) and
-- then the result with every error. The import itself stays one transaction; a job left unfinished by a stop is run
-- again on start, which is safe because nothing of it was stored.
CREATE TABLE child_import_job (
    id                    UUID        NOT NULL DEFAULT gen_random_uuid(),
    la_id                 UUID        NOT NULL,
    requested_by          TEXT        NOT NULL,
    created_at            TIMESTAMPTZ NOT NULL,
    collection_start_year INTEGER     NOT NULL,
    accept_good_rows      BOOLEAN     NOT NULL,
    stage                 TEXT        NOT NULL DEFAULT 'RECEIVED',
    finished_at           TIMESTAMPTZ,
    stored                BOOLEAN,
    snapshot_id           UUID,
    annex_snapshot_id     UUID,
    rows_accepted         INTEGER,
    rows_rejected         INTEGER,
    error_count           INTEGER,
    errors                JSONB,
    failure               TEXT,
    CONSTRAINT pk_child_import_job PRIMARY KEY (id),
    CONSTRAINT fk_child_import_job_la FOREIGN KEY (la_id) REFERENCES local_authority (id),
    CONSTRAINT chk_child_import_job_stage CHECK (stage IN ('RECEIVED', 'CHECKING', 'STORING', 'DONE', 'FAILED'))
);
COMMENT ON COLUMN child_import_job.errors IS 'The first 1000 validation errors (file, row, column, value, rule, message); error_count has them all';
CREATE INDEX ix_child_import_job_unfinished ON child_import_job (created_at) WHERE finished_at IS NULL;

CREATE TABLE child_import_job_file (
    job_id     UUID    NOT NULL,
    la_id      UUID    NOT NULL,
    ordinal    INTEGER NOT NULL,
    file_name  TEXT    NOT NULL,
    content    BYTEA,
    CONSTRAINT pk_child_import_job_file PRIMARY KEY (job_id, ordinal),
    CONSTRAINT fk_child_import_job_file_job FOREIGN KEY (job_id) REFERENCES child_import_job (id) ON DELETE CASCADE,
    CONSTRAINT fk_child_import_job_file_la FOREIGN KEY (la_id) REFERENCES local_authority (id)
);
COMMENT ON COLUMN child_import_job_file.content IS 'The uploaded bytes until the job has run, then cleared: children''s data is not kept twice';
