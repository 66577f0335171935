-- Compliance figures computed once per SSDA903 snapshot (issue 15): written in the transaction that stores the
-- snapshot, or that changes a rule's interval, so a reader sees the old figures or the new, never a mix. Each row
-- says what it was computed from (the Annex A snapshot, the rules in force, the date measured); a reader that finds
-- them different computes afresh rather than show figures that no longer hold. LA-private: row-level security
-- (R__row_level_security.sql) keeps each LA's figures to that LA (and national scope).
CREATE TABLE compliance_figures (
    snapshot_id          UUID        NOT NULL,
    la_id                UUID        NOT NULL,
    annex_a_snapshot_id  UUID,
    as_of                DATE        NOT NULL,
    rules_version        TEXT        NOT NULL,
    computed_at          TIMESTAMPTZ NOT NULL,
    children_in_care     INTEGER     NOT NULL,
    care_leavers         INTEGER     NOT NULL,
    reviews_percent      INTEGER     NOT NULL,
    figures              JSONB       NOT NULL,
    overdue              JSONB       NOT NULL,
    CONSTRAINT pk_compliance_figures PRIMARY KEY (snapshot_id),
    CONSTRAINT fk_compliance_figures_la FOREIGN KEY (la_id) REFERENCES local_authority (id)
);
COMMENT ON TABLE compliance_figures IS 'Compliance figures of one SSDA903 snapshot (by rule, by team, children out of timescale), computed once';
COMMENT ON COLUMN compliance_figures.overdue IS 'The children out of timescale, most overdue first, with each overdue rule and why';
COMMENT ON COLUMN compliance_figures.rules_version IS 'Fingerprint of the timescale intervals in force when computed';
CREATE INDEX ix_compliance_figures_la ON compliance_figures (la_id);
