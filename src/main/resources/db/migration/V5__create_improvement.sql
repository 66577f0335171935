-- Improvement plans, governance and committee reports (capability 4). Every row carries its LA.
CREATE TABLE governance_body (
    id          UUID        NOT NULL DEFAULT gen_random_uuid(),
    la_id       UUID        NOT NULL,
    name        TEXT        NOT NULL,
    kind        TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT pk_governance_body PRIMARY KEY (id),
    CONSTRAINT fk_governance_body_la FOREIGN KEY (la_id) REFERENCES local_authority (id),
    CONSTRAINT uq_governance_body_name UNIQUE (la_id, name),
    CONSTRAINT chk_governance_body_kind CHECK (kind IN ('BOARD', 'COMMITTEE', 'SUB_COMMITTEE', 'PARTNERSHIP'))
);
COMMENT ON TABLE governance_body IS 'Boards and committees that oversee plans, e.g. Service Improvement Board, Safeguarding Sub Committee';

CREATE TABLE meeting (
    id            UUID        NOT NULL DEFAULT gen_random_uuid(),
    body_id       UUID        NOT NULL,
    la_id         UUID        NOT NULL,
    meeting_date  DATE        NOT NULL,
    CONSTRAINT pk_meeting PRIMARY KEY (id),
    CONSTRAINT fk_meeting_body FOREIGN KEY (body_id) REFERENCES governance_body (id) ON DELETE CASCADE,
    CONSTRAINT fk_meeting_la FOREIGN KEY (la_id) REFERENCES local_authority (id),
    CONSTRAINT uq_meeting UNIQUE (body_id, meeting_date)
);

CREATE TABLE improvement_plan (
    id           UUID        NOT NULL DEFAULT gen_random_uuid(),
    la_id        UUID        NOT NULL,
    activity_id  UUID,
    kind         TEXT        NOT NULL,
    title        TEXT        NOT NULL,
    start_date   DATE        NOT NULL,
    version      INTEGER     NOT NULL DEFAULT 0,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    created_by   TEXT        NOT NULL,
    CONSTRAINT pk_improvement_plan PRIMARY KEY (id),
    CONSTRAINT fk_improvement_plan_la FOREIGN KEY (la_id) REFERENCES local_authority (id),
    CONSTRAINT fk_improvement_plan_activity FOREIGN KEY (activity_id) REFERENCES inspection_activity (id),
    CONSTRAINT chk_improvement_plan_kind CHECK (kind IN ('SERVICE_IMPROVEMENT', 'POST_INSPECTION_ACTION', 'PRIORITY_ACTION'))
);
COMMENT ON TABLE improvement_plan IS 'Service improvement plan, post-inspection action plan or priority-action plan of an LA';
CREATE INDEX ix_improvement_plan_la ON improvement_plan (la_id);

CREATE TABLE plan_oversight (
    plan_id  UUID NOT NULL,
    body_id  UUID NOT NULL,
    CONSTRAINT pk_plan_oversight PRIMARY KEY (plan_id, body_id),
    CONSTRAINT fk_plan_oversight_plan FOREIGN KEY (plan_id) REFERENCES improvement_plan (id) ON DELETE CASCADE,
    CONSTRAINT fk_plan_oversight_body FOREIGN KEY (body_id) REFERENCES governance_body (id) ON DELETE CASCADE
);

CREATE TABLE plan_item (
    id          UUID        NOT NULL DEFAULT gen_random_uuid(),
    plan_id     UUID        NOT NULL,
    la_id       UUID        NOT NULL,
    finding_id  UUID,
    ordinal     INTEGER     NOT NULL,
    title       TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    created_by  TEXT        NOT NULL,
    CONSTRAINT pk_plan_item PRIMARY KEY (id),
    CONSTRAINT fk_plan_item_plan FOREIGN KEY (plan_id) REFERENCES improvement_plan (id) ON DELETE CASCADE,
    CONSTRAINT fk_plan_item_la FOREIGN KEY (la_id) REFERENCES local_authority (id),
    CONSTRAINT fk_plan_item_finding FOREIGN KEY (finding_id) REFERENCES finding (id) ON DELETE SET NULL
);
COMMENT ON COLUMN plan_item.finding_id IS 'The inspection finding this item answers; null for items added directly';
CREATE INDEX ix_plan_item_finding ON plan_item (finding_id);

CREATE TABLE plan_action (
    id             UUID        NOT NULL DEFAULT gen_random_uuid(),
    item_id        UUID        NOT NULL,
    la_id          UUID        NOT NULL,
    description    TEXT        NOT NULL,
    owner_id       UUID        NOT NULL,
    due_date       DATE        NOT NULL,
    status         TEXT        NOT NULL,
    measure_name   TEXT,
    baseline       NUMERIC,
    target         NUMERIC,
    current_value  NUMERIC,
    measured_on    DATE,
    version        INTEGER     NOT NULL DEFAULT 0,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    created_by     TEXT        NOT NULL,
    CONSTRAINT pk_plan_action PRIMARY KEY (id),
    CONSTRAINT fk_plan_action_item FOREIGN KEY (item_id) REFERENCES plan_item (id) ON DELETE CASCADE,
    CONSTRAINT fk_plan_action_la FOREIGN KEY (la_id) REFERENCES local_authority (id),
    CONSTRAINT fk_plan_action_owner FOREIGN KEY (owner_id) REFERENCES app_user (id),
    CONSTRAINT chk_plan_action_status CHECK (status IN ('NOT_STARTED', 'ON_TRACK', 'AT_RISK', 'OFF_TRACK', 'COMPLETE')),
    CONSTRAINT chk_plan_action_measure CHECK (measure_name IS NULL OR (baseline IS NOT NULL AND target IS NOT NULL AND baseline <> target))
);
COMMENT ON COLUMN plan_action.measure_name IS 'Impact measure: how far the action is from its target, not just a colour';

CREATE TABLE action_update (
    id          BIGSERIAL   NOT NULL,
    action_id   UUID        NOT NULL,
    la_id       UUID        NOT NULL,
    note        TEXT        NOT NULL,
    status      TEXT        NOT NULL,
    value       NUMERIC,
    written_by  TEXT        NOT NULL,
    written_at  TIMESTAMPTZ NOT NULL,
    CONSTRAINT pk_action_update PRIMARY KEY (id),
    CONSTRAINT fk_action_update_action FOREIGN KEY (action_id) REFERENCES plan_action (id) ON DELETE CASCADE,
    CONSTRAINT fk_action_update_la FOREIGN KEY (la_id) REFERENCES local_authority (id)
);

CREATE TABLE evidence (
    id            UUID        NOT NULL DEFAULT gen_random_uuid(),
    action_id     UUID        NOT NULL,
    la_id         UUID        NOT NULL,
    description   TEXT        NOT NULL,
    file_name     TEXT,
    content_type  TEXT,
    sha256        TEXT,
    content       BYTEA,
    url           TEXT,
    added_by      TEXT        NOT NULL,
    added_at      TIMESTAMPTZ NOT NULL,
    CONSTRAINT pk_evidence PRIMARY KEY (id),
    CONSTRAINT fk_evidence_action FOREIGN KEY (action_id) REFERENCES plan_action (id) ON DELETE CASCADE,
    CONSTRAINT fk_evidence_la FOREIGN KEY (la_id) REFERENCES local_authority (id),
    CONSTRAINT chk_evidence_kind CHECK ((content IS NOT NULL AND sha256 IS NOT NULL AND url IS NULL) OR (content IS NULL AND url IS NOT NULL))
);
COMMENT ON TABLE evidence IS 'An uploaded file (with its SHA-256) or a link that shows an action was done';

CREATE TABLE plan_history (
    id           BIGSERIAL   NOT NULL,
    plan_id      UUID        NOT NULL,
    la_id        UUID        NOT NULL,
    description  TEXT        NOT NULL,
    actor        TEXT        NOT NULL,
    at           TIMESTAMPTZ NOT NULL,
    CONSTRAINT pk_plan_history PRIMARY KEY (id),
    CONSTRAINT fk_plan_history_plan FOREIGN KEY (plan_id) REFERENCES improvement_plan (id) ON DELETE CASCADE
);

CREATE TABLE committee_report (
    id            UUID        NOT NULL DEFAULT gen_random_uuid(),
    plan_id       UUID        NOT NULL,
    la_id         UUID        NOT NULL,
    version_no    INTEGER     NOT NULL,
    draft         JSONB       NOT NULL,
    docx          BYTEA       NOT NULL,
    pdf           BYTEA       NOT NULL,
    html          TEXT        NOT NULL,
    generated_by  TEXT        NOT NULL,
    generated_at  TIMESTAMPTZ NOT NULL,
    CONSTRAINT pk_committee_report PRIMARY KEY (id),
    CONSTRAINT fk_committee_report_plan FOREIGN KEY (plan_id) REFERENCES improvement_plan (id) ON DELETE CASCADE,
    CONSTRAINT uq_committee_report_version UNIQUE (plan_id, version_no)
);
COMMENT ON TABLE committee_report IS 'Every generated version of a committee report is kept, with the text the officer edited';
