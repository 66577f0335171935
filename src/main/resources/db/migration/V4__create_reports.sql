-- Published Ofsted documents and their import (capability 3).
CREATE TABLE source_document (
    sha256        TEXT        NOT NULL,
    file_name     TEXT        NOT NULL,
    content_type  TEXT        NOT NULL,
    size_bytes    INTEGER     NOT NULL,
    content       BYTEA       NOT NULL,
    read_as       TEXT        NOT NULL,
    warnings      TEXT[]      NOT NULL DEFAULT '{}',
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    created_by    TEXT        NOT NULL,
    CONSTRAINT pk_source_document PRIMARY KEY (sha256),
    CONSTRAINT chk_source_document_sha256 CHECK (sha256 ~ '^[0-9a-f]{64}$')
);
COMMENT ON TABLE source_document IS 'A published Ofsted report or letter, stored once by the SHA-256 of its bytes';
COMMENT ON COLUMN source_document.read_as IS 'How the values were read, e.g. "inspection report (PDF text with positions)"';

ALTER TABLE inspection_activity ADD COLUMN source_document_sha256 TEXT;
ALTER TABLE inspection_activity ADD CONSTRAINT fk_inspection_activity_document
    FOREIGN KEY (source_document_sha256) REFERENCES source_document (sha256);
CREATE INDEX ix_inspection_activity_document ON inspection_activity (source_document_sha256);

CREATE TABLE import_job (
    id           UUID        NOT NULL DEFAULT gen_random_uuid(),
    kind         TEXT        NOT NULL,
    la_id        UUID,
    requested_by TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    finished_at  TIMESTAMPTZ,
    CONSTRAINT pk_import_job PRIMARY KEY (id),
    CONSTRAINT fk_import_job_la FOREIGN KEY (la_id) REFERENCES local_authority (id),
    CONSTRAINT chk_import_job_kind CHECK (kind IN ('OFSTED_REPORTS'))
);
COMMENT ON TABLE import_job IS 'An upload of several files, processed one file per transaction; the page polls its progress';
COMMENT ON COLUMN import_job.la_id IS 'The LA of the user who uploaded, when an LA user: files of other LAs are refused';

CREATE TABLE import_job_file (
    job_id       UUID    NOT NULL,
    ordinal      INTEGER NOT NULL,
    file_name    TEXT    NOT NULL,
    content      BYTEA,
    outcome      TEXT    NOT NULL DEFAULT 'WAITING',
    detail       TEXT,
    activity_id  UUID,
    la_name      TEXT,
    CONSTRAINT pk_import_job_file PRIMARY KEY (job_id, ordinal),
    CONSTRAINT fk_import_job_file_job FOREIGN KEY (job_id) REFERENCES import_job (id) ON DELETE CASCADE,
    CONSTRAINT chk_import_job_file_outcome CHECK (outcome IN ('WAITING', 'IMPORTED', 'UPDATED', 'UNCHANGED', 'FAILED'))
);
COMMENT ON COLUMN import_job_file.content IS 'The uploaded bytes until the file is processed, then cleared';
