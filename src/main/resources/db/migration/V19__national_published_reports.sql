-- The national record of published Ofsted reports (issue 19): the bundled national dataset, and the nightly sync.
-- Public data, like the published inspections it describes: keyed by URN, not la_id, so no row-level security applies.
CREATE TABLE published_report (
    sha256             TEXT        NOT NULL,
    urn                INTEGER     NOT NULL,
    file_name          TEXT        NOT NULL,
    size_bytes         INTEGER,
    publication_date   DATE,
    ofsted_url         TEXT,
    extractor_version  TEXT        NOT NULL,
    status             TEXT        NOT NULL,
    reason             TEXT,
    not_read           TEXT[]      NOT NULL DEFAULT '{}',
    notes              TEXT[]      NOT NULL DEFAULT '{}',
    activity_id        UUID,
    row_sha256         TEXT,
    source             TEXT        NOT NULL,
    recorded_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT pk_published_report PRIMARY KEY (sha256),
    CONSTRAINT fk_published_report_activity FOREIGN KEY (activity_id) REFERENCES inspection_activity (id) ON DELETE SET NULL,
    CONSTRAINT chk_published_report_sha256 CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    CONSTRAINT chk_published_report_status CHECK (status IN ('RECORDED', 'NOT_RECORDED')),
    CONSTRAINT chk_published_report_source CHECK (source IN ('NATIONAL_DATASET', 'SYNC'))
);
COMMENT ON TABLE published_report IS 'A published Ofsted report known by its SHA-256: where it is on Ofsted''s site, which extractor read it, which values it could not read, and the activity it became (or why it did not)';
COMMENT ON COLUMN published_report.not_read IS 'Dataset columns the extractor could not read from the report, e.g. {lead_inspector}: shown as "not read from the report"';
CREATE INDEX ix_published_report_activity ON published_report (activity_id);
CREATE INDEX ix_published_report_urn ON published_report (urn);
CREATE INDEX ix_published_report_url ON published_report (ofsted_url);

CREATE TABLE national_dataset_load (
    rows_sha256         TEXT        NOT NULL,
    rows                INTEGER     NOT NULL,
    extractor_version   TEXT        NOT NULL,
    source              TEXT        NOT NULL,
    activities_added    INTEGER     NOT NULL,
    activities_updated  INTEGER     NOT NULL,
    loaded_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    loaded_by           TEXT        NOT NULL,
    CONSTRAINT pk_national_dataset_load PRIMARY KEY (rows_sha256)
);
COMMENT ON TABLE national_dataset_load IS 'Each version of the bundled national dataset loaded, by the checksum of its rows: loading the same one again changes nothing';

CREATE TABLE report_sync_link (
    url               TEXT        NOT NULL,
    urn               INTEGER     NOT NULL,
    title             TEXT        NOT NULL,
    publication_date  DATE,
    sha256            TEXT,
    outcome           TEXT        NOT NULL,
    detail            TEXT,
    first_seen        TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_attempt      TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT pk_report_sync_link PRIMARY KEY (url),
    CONSTRAINT chk_report_sync_link_outcome CHECK (outcome IN ('IMPORTED', 'UPDATED', 'ALREADY_KNOWN', 'NOT_RECORDED', 'FAILED'))
);
COMMENT ON TABLE report_sync_link IS 'Every report link sync-reports has followed on Ofsted''s site and what became of it; a link that FAILED is tried again on the next run';

CREATE TABLE report_sync_run (
    id            UUID        NOT NULL DEFAULT gen_random_uuid(),
    base_url      TEXT        NOT NULL,
    started_at    TIMESTAMPTZ NOT NULL,
    finished_at   TIMESTAMPTZ NOT NULL,
    pages_read    INTEGER     NOT NULL,
    links_seen    INTEGER     NOT NULL,
    new_reports   INTEGER     NOT NULL,
    problems      TEXT[]      NOT NULL DEFAULT '{}',
    CONSTRAINT pk_report_sync_run PRIMARY KEY (id)
);
COMMENT ON TABLE report_sync_run IS 'One run of sync-reports: what it read, what was new, and every page or download it could not use';
