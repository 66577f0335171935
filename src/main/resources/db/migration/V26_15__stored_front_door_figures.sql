-- Front-door figures computed once per whole-journey snapshot (issues 15 and 17): the figures of the 12 months to the
-- snapshot's date by team and worker, the caseloads, the step-down count and the data-quality findings (no child's id),
-- written after the snapshot is stored, or by the first reader that finds them missing or computed under other rules.
-- Keyed by the snapshot, so a reader sees one snapshot's figures whole, never a mix of two. LA-private: row-level
-- security (R__row_level_security.sql) keeps each LA's figures to that LA (and national scope).
CREATE TABLE front_door_figures (
    snapshot_id    UUID        NOT NULL,
    la_id          UUID        NOT NULL,
    as_of          DATE        NOT NULL,
    period_from    DATE        NOT NULL,
    period_to      DATE        NOT NULL,
    rules_version  TEXT        NOT NULL,
    computed_at    TIMESTAMPTZ NOT NULL,
    figures        JSONB       NOT NULL,
    CONSTRAINT pk_front_door_figures PRIMARY KEY (snapshot_id),
    CONSTRAINT fk_front_door_figures_la FOREIGN KEY (la_id) REFERENCES local_authority (id),
    CONSTRAINT chk_front_door_figures_period CHECK (period_from <= period_to)
);
COMMENT ON TABLE front_door_figures IS 'Front-door figures of one whole-journey snapshot for the 12 months to its date, by team and worker, computed once';
COMMENT ON COLUMN front_door_figures.rules_version IS 'Fingerprint of the timescale intervals and step-down standard in force when computed';
CREATE INDEX ix_front_door_figures_la ON front_door_figures (la_id);
