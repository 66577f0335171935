-- Inspection lifecycle (capability 2).
CREATE TABLE inspection_activity (
    id                     UUID        NOT NULL DEFAULT gen_random_uuid(),
    la_id                  UUID        NOT NULL,
    type                   TEXT        NOT NULL,
    theme                  TEXT,
    partner_inspectorates  TEXT[]      NOT NULL DEFAULT '{}',
    notification_date      DATE,
    feedback_date          DATE,
    publication_date       DATE,
    lead_inspector         TEXT,
    inspection_team        TEXT,
    summary                TEXT,
    source                 TEXT        NOT NULL DEFAULT 'MANUAL',
    version                INTEGER     NOT NULL DEFAULT 0,
    created_at             TIMESTAMPTZ NOT NULL DEFAULT now(),
    created_by             TEXT        NOT NULL,
    updated_at             TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_by             TEXT        NOT NULL,
    CONSTRAINT pk_inspection_activity PRIMARY KEY (id),
    CONSTRAINT fk_inspection_activity_la FOREIGN KEY (la_id) REFERENCES local_authority (id),
    CONSTRAINT chk_inspection_activity_type CHECK (type IN ('STANDARD_INSPECTION', 'SHORT_INSPECTION', 'SIF_INSPECTION',
        'FOCUSED_VISIT', 'MONITORING_VISIT', 'JTAI', 'ANNUAL_ENGAGEMENT_MEETING', 'SELF_EVALUATION')),
    CONSTRAINT chk_inspection_activity_source CHECK (source IN ('MANUAL', 'DEMO', 'IMPORT')),
    CONSTRAINT chk_inspection_activity_feedback CHECK (feedback_date IS NULL OR notification_date IS NULL OR feedback_date >= notification_date)
);
COMMENT ON TABLE inspection_activity IS 'An Ofsted activity at one LA: inspection, visit, JTAI, engagement meeting or self-evaluation. Status is derived from the dates';
COMMENT ON COLUMN inspection_activity.theme IS 'Focused visit or JTAI theme; free text so new themes need no code change';
CREATE INDEX ix_inspection_activity_la ON inspection_activity (la_id);

CREATE TABLE on_site_range (
    activity_id  UUID    NOT NULL,
    ordinal      INTEGER NOT NULL,
    start_date   DATE    NOT NULL,
    end_date     DATE    NOT NULL,
    CONSTRAINT pk_on_site_range PRIMARY KEY (activity_id, ordinal),
    CONSTRAINT fk_on_site_range_activity FOREIGN KEY (activity_id) REFERENCES inspection_activity (id) ON DELETE CASCADE,
    CONSTRAINT chk_on_site_range_order CHECK (end_date >= start_date)
);
COMMENT ON TABLE on_site_range IS 'On-site dates; an inspection may be split across several ranges (e.g. Devon 2024/25)';

CREATE TABLE judgement (
    activity_id  UUID NOT NULL,
    area         TEXT NOT NULL,
    grade        TEXT NOT NULL,
    CONSTRAINT pk_judgement PRIMARY KEY (activity_id, area),
    CONSTRAINT fk_judgement_activity FOREIGN KEY (activity_id) REFERENCES inspection_activity (id) ON DELETE CASCADE,
    CONSTRAINT chk_judgement_area CHECK (area IN ('OVERALL', 'LEADERS', 'HELP_AND_PROTECTION', 'IN_CARE', 'CARE_LEAVERS')),
    CONSTRAINT chk_judgement_grade CHECK (grade IN ('OUTSTANDING', 'GOOD', 'REQUIRES_IMPROVEMENT', 'INADEQUATE'))
);
COMMENT ON TABLE judgement IS 'Graded judgements; fixed area codes, printed labels depend on the era of the activity''s start date';

CREATE TABLE finding (
    id                   UUID        NOT NULL DEFAULT gen_random_uuid(),
    activity_id          UUID        NOT NULL,
    kind                 TEXT        NOT NULL,
    ordinal              INTEGER     NOT NULL,
    text                 TEXT        NOT NULL,
    framework_reference  TEXT,
    created_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    created_by           TEXT        NOT NULL,
    CONSTRAINT pk_finding PRIMARY KEY (id),
    CONSTRAINT fk_finding_activity FOREIGN KEY (activity_id) REFERENCES inspection_activity (id) ON DELETE CASCADE,
    CONSTRAINT chk_finding_kind CHECK (kind IN ('STRENGTH', 'AREA_FOR_IMPROVEMENT', 'PRIORITY_ACTION', 'RECOMMENDATION'))
);
COMMENT ON COLUMN finding.framework_reference IS 'National framework reference printed from 2025, e.g. "outcome 1, national framework"';
CREATE INDEX ix_finding_activity ON finding (activity_id, kind, ordinal);

CREATE TABLE activity_history (
    id           BIGSERIAL   NOT NULL,
    activity_id  UUID        NOT NULL,
    la_id        UUID        NOT NULL,
    action       TEXT        NOT NULL,
    description  TEXT        NOT NULL,
    actor        TEXT        NOT NULL,
    at           TIMESTAMPTZ NOT NULL,
    CONSTRAINT pk_activity_history PRIMARY KEY (id),
    CONSTRAINT fk_activity_history_la FOREIGN KEY (la_id) REFERENCES local_authority (id)
);
COMMENT ON TABLE activity_history IS 'Who changed which activity or finding, and when; written in the same transaction as the change';
CREATE INDEX ix_activity_history_activity ON activity_history (activity_id, at);
