-- Case audits (issue 7): templates in versions, programmes with a reproducible sample, audits graded per question
-- with evidence, moderation, and findings linked to improvement plan items. Every LA-owned row carries its LA.

CREATE TABLE audit_template (
    id           UUID        NOT NULL DEFAULT gen_random_uuid(),
    family       TEXT        NOT NULL,
    version_no   INTEGER     NOT NULL,
    name         TEXT        NOT NULL,
    cohort       TEXT,
    description  TEXT        NOT NULL,
    questions    JSONB       NOT NULL,
    based_on     UUID,
    created_by   TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT pk_audit_template PRIMARY KEY (id),
    CONSTRAINT uq_audit_template_version UNIQUE (family, version_no),
    CONSTRAINT fk_audit_template_based_on FOREIGN KEY (based_on) REFERENCES audit_template (id),
    CONSTRAINT chk_audit_template_cohort CHECK (cohort IS NULL OR cohort IN ('CHILD_IN_CARE', 'CARE_LEAVER'))
);
COMMENT ON TABLE audit_template IS 'Case-audit forms; a version is never changed once written: an edit is a new version, audits keep the one they used';
COMMENT ON COLUMN audit_template.questions IS 'Questions grouped by ILACS judgement area and theme, each with the seed finding it comes from';

CREATE TABLE audit_programme (
    id            UUID        NOT NULL DEFAULT gen_random_uuid(),
    la_id         UUID        NOT NULL,
    title         TEXT        NOT NULL,
    template_id   UUID        NOT NULL,
    period_start  DATE        NOT NULL,
    period_end    DATE        NOT NULL,
    auditors      TEXT[]      NOT NULL,
    moderators    TEXT[]      NOT NULL,
    sampling_rule TEXT        NOT NULL,
    sampling_method TEXT      NOT NULL,
    sample_size   INTEGER     NOT NULL,
    sample_seed   BIGINT      NOT NULL,
    sampled_at    TIMESTAMPTZ,
    sampled_from  TEXT,
    population    INTEGER,
    created_by    TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT pk_audit_programme PRIMARY KEY (id),
    CONSTRAINT fk_audit_programme_la FOREIGN KEY (la_id) REFERENCES local_authority (id),
    CONSTRAINT fk_audit_programme_template FOREIGN KEY (template_id) REFERENCES audit_template (id),
    CONSTRAINT chk_audit_programme_period CHECK (period_end >= period_start),
    CONSTRAINT chk_audit_programme_size CHECK (sample_size BETWEEN 1 AND 500)
);
COMMENT ON COLUMN audit_programme.sample_seed IS 'The seed of the sample: the same seed, rule and data give the same children';
COMMENT ON COLUMN audit_programme.sampled_from IS 'The child-level data the sample was drawn from (snapshot collection year and date measured)';
CREATE INDEX ix_audit_programme_la ON audit_programme (la_id);

CREATE TABLE case_audit (
    id              UUID        NOT NULL DEFAULT gen_random_uuid(),
    programme_id    UUID        NOT NULL,
    la_id           UUID        NOT NULL,
    position        INTEGER     NOT NULL,
    child_ref       TEXT        NOT NULL,
    cohort          TEXT        NOT NULL,
    team            TEXT        NOT NULL,
    template_id     UUID        NOT NULL,
    auditor         TEXT        NOT NULL,
    status          TEXT        NOT NULL DEFAULT 'OPEN',
    auditor_grade   TEXT,
    summary         TEXT,
    submitted_at    TIMESTAMPTZ,
    moderator       TEXT,
    moderator_grade TEXT,
    agreed_grade    TEXT,
    agreed_reason   TEXT,
    moderated_at    TIMESTAMPTZ,
    version         INTEGER     NOT NULL DEFAULT 0,
    CONSTRAINT pk_case_audit PRIMARY KEY (id),
    CONSTRAINT fk_case_audit_programme FOREIGN KEY (programme_id) REFERENCES audit_programme (id) ON DELETE CASCADE,
    CONSTRAINT fk_case_audit_la FOREIGN KEY (la_id) REFERENCES local_authority (id),
    CONSTRAINT fk_case_audit_template FOREIGN KEY (template_id) REFERENCES audit_template (id),
    CONSTRAINT uq_case_audit_child UNIQUE (programme_id, child_ref),
    CONSTRAINT chk_case_audit_status CHECK (status IN ('OPEN', 'SUBMITTED', 'MODERATED')),
    CONSTRAINT chk_case_audit_grades CHECK (
        (auditor_grade IS NULL OR auditor_grade IN ('OUTSTANDING', 'GOOD', 'REQUIRES_IMPROVEMENT', 'INADEQUATE'))
        AND (moderator_grade IS NULL OR moderator_grade IN ('OUTSTANDING', 'GOOD', 'REQUIRES_IMPROVEMENT', 'INADEQUATE'))
        AND (agreed_grade IS NULL OR agreed_grade IN ('OUTSTANDING', 'GOOD', 'REQUIRES_IMPROVEMENT', 'INADEQUATE'))),
    CONSTRAINT chk_case_audit_moderated CHECK (status <> 'MODERATED' OR (moderator_grade IS NOT NULL AND agreed_grade IS NOT NULL AND agreed_reason IS NOT NULL))
);
COMMENT ON TABLE case_audit IS 'One sampled child''s audit: the sample row (position, child, team at sampling) and the audit of it';
CREATE INDEX ix_case_audit_la ON case_audit (la_id);

CREATE TABLE audit_answer (
    audit_id     UUID    NOT NULL,
    la_id        UUID    NOT NULL,
    question_id  TEXT    NOT NULL,
    grade        TEXT    NOT NULL,
    evidence     TEXT    NOT NULL,
    CONSTRAINT pk_audit_answer PRIMARY KEY (audit_id, question_id),
    CONSTRAINT fk_audit_answer_audit FOREIGN KEY (audit_id) REFERENCES case_audit (id) ON DELETE CASCADE,
    CONSTRAINT fk_audit_answer_la FOREIGN KEY (la_id) REFERENCES local_authority (id),
    CONSTRAINT chk_audit_answer_grade CHECK (grade IN ('OUTSTANDING', 'GOOD', 'REQUIRES_IMPROVEMENT', 'INADEQUATE'))
);

CREATE TABLE audit_finding (
    id            UUID        NOT NULL DEFAULT gen_random_uuid(),
    programme_id  UUID        NOT NULL,
    la_id         UUID        NOT NULL,
    question_id   TEXT        NOT NULL,
    text          TEXT        NOT NULL,
    plan_id       UUID,
    plan_item_id  UUID,
    created_by    TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT pk_audit_finding PRIMARY KEY (id),
    CONSTRAINT fk_audit_finding_programme FOREIGN KEY (programme_id) REFERENCES audit_programme (id) ON DELETE CASCADE,
    CONSTRAINT fk_audit_finding_la FOREIGN KEY (la_id) REFERENCES local_authority (id),
    CONSTRAINT fk_audit_finding_item FOREIGN KEY (plan_item_id) REFERENCES plan_item (id) ON DELETE SET NULL
);
COMMENT ON TABLE audit_finding IS 'A finding of an audit programme about one question; plan_item_id links it to the improvement plan item it created';

CREATE TABLE audit_event (
    id            BIGSERIAL   NOT NULL,
    la_id         UUID        NOT NULL,
    programme_id  UUID,
    audit_id      UUID,
    description   TEXT        NOT NULL,
    actor         TEXT        NOT NULL,
    at            TIMESTAMPTZ NOT NULL,
    CONSTRAINT pk_audit_event PRIMARY KEY (id),
    CONSTRAINT fk_audit_event_la FOREIGN KEY (la_id) REFERENCES local_authority (id)
);
COMMENT ON TABLE audit_event IS 'History of a programme: sampling, submissions, moderation, findings, and refused attempts (e.g. editing a closed audit)';

-- Improvement (minimal): a plan item can come from a source other than an inspection finding, e.g. a case-audit finding.
ALTER TABLE plan_item ADD COLUMN source_label TEXT;
ALTER TABLE plan_item ADD COLUMN source_url TEXT;
COMMENT ON COLUMN plan_item.source_label IS 'Where an item not answering an inspection finding comes from, e.g. "Case audit: Care leavers Q3 2026, question CL2"';
