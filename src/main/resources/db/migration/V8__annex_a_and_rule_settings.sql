-- Annex A workbooks (lists 8 and 9) come in as their own snapshots beside the SSDA903 return: they bring what the
-- return does not hold (allocated team and worker, social work visits, health assessments, pathway plan reviews).
ALTER TABLE import_snapshot ADD COLUMN kind TEXT NOT NULL DEFAULT 'SSDA903';
ALTER TABLE import_snapshot ADD CONSTRAINT chk_import_snapshot_kind CHECK (kind IN ('SSDA903', 'ANNEX_A'));
ALTER TABLE import_snapshot ADD COLUMN as_at DATE;
COMMENT ON COLUMN import_snapshot.as_at IS 'The date the data describes: its latest event, never after the end of the collection year';
DROP INDEX uq_import_snapshot_current;
CREATE UNIQUE INDEX uq_import_snapshot_current ON import_snapshot (la_id, kind, collection_year) WHERE superseded_at IS NULL;

CREATE TABLE annex_a_child (
    snapshot_id          UUID NOT NULL,
    la_id                UUID NOT NULL,
    list                 SMALLINT NOT NULL,
    child_ref            TEXT NOT NULL,
    team                 TEXT,
    worker               TEXT,
    last_visit           DATE,
    last_iro_contact     DATE,
    last_health          DATE,
    last_dental          DATE,
    placement_start      DATE,
    permanence_plan      TEXT,
    pathway_review       DATE,
    latest_contact       DATE,
    eligibility          TEXT,
    CONSTRAINT pk_annex_a_child PRIMARY KEY (snapshot_id, list, child_ref),
    CONSTRAINT fk_annex_a_child_snapshot FOREIGN KEY (snapshot_id) REFERENCES import_snapshot (id) ON DELETE CASCADE,
    CONSTRAINT fk_annex_a_child_la FOREIGN KEY (la_id) REFERENCES local_authority (id),
    CONSTRAINT chk_annex_a_child_list CHECK (list IN (8, 9))
);
COMMENT ON TABLE annex_a_child IS 'One row of Annex A list 8 (children in care) or 9 (care leavers): the facts compliance needs';
CREATE INDEX ix_annex_a_child_la ON annex_a_child (la_id);

-- Intervals an administrator has changed, for the rules marked configurable. The latest row for a rule and regime
-- wins; older rows are the history of who changed what, when and why.
CREATE TABLE timescale_interval_setting (
    id          BIGSERIAL   NOT NULL,
    rule_id     TEXT        NOT NULL,
    regime      TEXT        NOT NULL,
    amount      INTEGER     NOT NULL,
    unit        TEXT        NOT NULL,
    reason      TEXT        NOT NULL,
    changed_by  TEXT        NOT NULL,
    changed_at  TIMESTAMPTZ NOT NULL,
    CONSTRAINT pk_timescale_interval_setting PRIMARY KEY (id),
    CONSTRAINT chk_timescale_interval_amount CHECK (amount > 0 AND amount <= 1000),
    CONSTRAINT chk_timescale_interval_unit CHECK (unit IN ('DAYS', 'WEEKS', 'MONTHS', 'WORKING_DAYS'))
);
CREATE INDEX ix_timescale_interval_setting ON timescale_interval_setting (rule_id, regime, changed_at DESC);

ALTER TABLE plan_action DROP CONSTRAINT chk_plan_action_bound_measure;
ALTER TABLE plan_action ADD CONSTRAINT chk_plan_action_bound_measure CHECK (bound_measure IS NULL OR bound_measure IN
    ('REVIEWS_ON_TIME', 'CARE_LEAVERS_IN_TOUCH', 'VISITS_ON_TIME', 'HEALTH_ASSESSMENTS_ON_TIME', 'PATHWAY_REVIEWS_ON_TIME'));

-- Finding which LA a return's children belong to (the wrong-LA check) looks children up by reference.
CREATE INDEX ix_child_ref ON child (child_ref);
