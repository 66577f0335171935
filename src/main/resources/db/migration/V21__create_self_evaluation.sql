-- The self-evaluation of social work practice and the annual engagement meeting (issue 21). Every table is LA-owned
-- (la_id) and isolated by row-level security (R__row_level_security.sql). A citation is evidence frozen as it stood on
-- the day it was cited: its value, date and source never change (a trigger refuses it); a citation may only be
-- withdrawn, which keeps the row.

CREATE TABLE self_evaluation (
    id              UUID        NOT NULL DEFAULT gen_random_uuid(),
    la_id           UUID        NOT NULL,
    year            INT         NOT NULL,
    title           TEXT        NOT NULL,
    started_from    UUID,
    status          TEXT        NOT NULL DEFAULT 'DRAFT',
    signed_off_by   TEXT,
    signed_off_name TEXT,
    signed_off_at   TIMESTAMPTZ,
    created_by      TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    CONSTRAINT pk_self_evaluation PRIMARY KEY (id),
    CONSTRAINT uq_self_evaluation_year UNIQUE (la_id, year),
    CONSTRAINT fk_self_evaluation_la FOREIGN KEY (la_id) REFERENCES local_authority (id),
    CONSTRAINT fk_self_evaluation_from FOREIGN KEY (started_from) REFERENCES self_evaluation (id),
    CONSTRAINT chk_self_evaluation_year CHECK (year BETWEEN 2018 AND 2100),
    CONSTRAINT chk_self_evaluation_status CHECK (status IN ('DRAFT', 'SIGNED_OFF')),
    CONSTRAINT chk_self_evaluation_signed CHECK ((status = 'SIGNED_OFF') = (signed_off_at IS NOT NULL))
);
COMMENT ON TABLE self_evaluation IS 'An LA''s self-evaluation of social work practice for one year, shared with Ofsted before the annual engagement meeting';

CREATE TABLE self_evaluation_section (
    id                 UUID        NOT NULL DEFAULT gen_random_uuid(),
    la_id              UUID        NOT NULL,
    self_evaluation_id UUID        NOT NULL,
    area               TEXT        NOT NULL,
    ordinal            INT         NOT NULL,
    know               TEXT        NOT NULL DEFAULT '',
    how                TEXT        NOT NULL DEFAULT '',
    plans              TEXT        NOT NULL DEFAULT '',
    author             TEXT,
    due_date           DATE,
    version            INT         NOT NULL DEFAULT 0,
    updated_by         TEXT,
    updated_at         TIMESTAMPTZ,
    CONSTRAINT pk_self_evaluation_section PRIMARY KEY (id),
    CONSTRAINT uq_self_evaluation_section UNIQUE (self_evaluation_id, area),
    CONSTRAINT fk_self_evaluation_section_se FOREIGN KEY (self_evaluation_id) REFERENCES self_evaluation (id),
    CONSTRAINT fk_self_evaluation_section_la FOREIGN KEY (la_id) REFERENCES local_authority (id),
    CONSTRAINT chk_self_evaluation_section_area CHECK (area IN ('LEADERS', 'HELP_AND_PROTECTION', 'IN_CARE', 'CARE_LEAVERS'))
);
COMMENT ON TABLE self_evaluation_section IS 'One ILACS judgement area of a self-evaluation: the three questions answered; version is the optimistic lock';

CREATE TABLE self_evaluation_section_version (
    section_id UUID        NOT NULL,
    la_id      UUID        NOT NULL,
    version    INT         NOT NULL,
    know       TEXT        NOT NULL,
    how        TEXT        NOT NULL,
    plans      TEXT        NOT NULL,
    written_by TEXT        NOT NULL,
    written_at TIMESTAMPTZ NOT NULL,
    CONSTRAINT pk_self_evaluation_section_version PRIMARY KEY (section_id, version),
    CONSTRAINT fk_self_evaluation_section_version FOREIGN KEY (section_id) REFERENCES self_evaluation_section (id),
    CONSTRAINT fk_self_evaluation_section_version_la FOREIGN KEY (la_id) REFERENCES local_authority (id)
);
COMMENT ON TABLE self_evaluation_section_version IS 'Every saved text of a section, so versions can be compared';

CREATE TABLE self_evaluation_citation (
    id            UUID        NOT NULL DEFAULT gen_random_uuid(),
    la_id         UUID        NOT NULL,
    section_id    UUID        NOT NULL,
    evidence_key  TEXT        NOT NULL,
    kind          TEXT        NOT NULL,
    label         TEXT        NOT NULL,
    value_text    TEXT        NOT NULL,
    value_number  NUMERIC,
    as_of         DATE        NOT NULL,
    source        TEXT        NOT NULL,
    rating        TEXT,
    cited_by      TEXT        NOT NULL,
    cited_at      TIMESTAMPTZ NOT NULL,
    withdrawn_by  TEXT,
    withdrawn_at  TIMESTAMPTZ,
    CONSTRAINT pk_self_evaluation_citation PRIMARY KEY (id),
    CONSTRAINT fk_self_evaluation_citation_section FOREIGN KEY (section_id) REFERENCES self_evaluation_section (id),
    CONSTRAINT fk_self_evaluation_citation_la FOREIGN KEY (la_id) REFERENCES local_authority (id),
    CONSTRAINT chk_self_evaluation_citation_rating CHECK (rating IS NULL OR rating IN ('RED', 'AMBER', 'GREEN'))
);
COMMENT ON TABLE self_evaluation_citation IS 'Evidence cited by a section, frozen as it stood on the day (value, date, source)';
CREATE UNIQUE INDEX uq_self_evaluation_citation_current ON self_evaluation_citation (section_id, evidence_key) WHERE withdrawn_at IS NULL;

CREATE FUNCTION self_evaluation_citation_frozen() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'A cited figure is kept as it stood on the day it was cited; withdraw the citation instead';
    END IF;
    IF (NEW.id, NEW.la_id, NEW.section_id, NEW.evidence_key, NEW.kind, NEW.label, NEW.value_text, NEW.value_number, NEW.as_of,
        NEW.source, NEW.rating, NEW.cited_by, NEW.cited_at)
       IS DISTINCT FROM
       (OLD.id, OLD.la_id, OLD.section_id, OLD.evidence_key, OLD.kind, OLD.label, OLD.value_text, OLD.value_number, OLD.as_of,
        OLD.source, OLD.rating, OLD.cited_by, OLD.cited_at) THEN
        RAISE EXCEPTION 'A cited figure is kept as it stood on the day it was cited: its value, date and source cannot change';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER trg_self_evaluation_citation_frozen BEFORE UPDATE OR DELETE ON self_evaluation_citation
    FOR EACH ROW EXECUTE FUNCTION self_evaluation_citation_frozen();

CREATE TABLE self_evaluation_comment (
    id         UUID        NOT NULL DEFAULT gen_random_uuid(),
    la_id      UUID        NOT NULL,
    section_id UUID        NOT NULL,
    body       TEXT        NOT NULL,
    written_by TEXT        NOT NULL,
    written_at TIMESTAMPTZ NOT NULL,
    CONSTRAINT pk_self_evaluation_comment PRIMARY KEY (id),
    CONSTRAINT fk_self_evaluation_comment_section FOREIGN KEY (section_id) REFERENCES self_evaluation_section (id),
    CONSTRAINT fk_self_evaluation_comment_la FOREIGN KEY (la_id) REFERENCES local_authority (id)
);

CREATE TABLE self_evaluation_event (
    id                 UUID        NOT NULL DEFAULT gen_random_uuid(),
    la_id              UUID        NOT NULL,
    self_evaluation_id UUID        NOT NULL,
    description        TEXT        NOT NULL,
    actor              TEXT        NOT NULL,
    at                 TIMESTAMPTZ NOT NULL,
    CONSTRAINT pk_self_evaluation_event PRIMARY KEY (id),
    CONSTRAINT fk_self_evaluation_event_se FOREIGN KEY (self_evaluation_id) REFERENCES self_evaluation (id),
    CONSTRAINT fk_self_evaluation_event_la FOREIGN KEY (la_id) REFERENCES local_authority (id)
);
COMMENT ON TABLE self_evaluation_event IS 'History of a self-evaluation: starts, assignments, sign-off, shares and every inspector''s read';

CREATE TABLE self_evaluation_director (
    la_id         UUID        NOT NULL,
    username      TEXT        NOT NULL,
    designated_by TEXT        NOT NULL,
    designated_at TIMESTAMPTZ NOT NULL,
    CONSTRAINT pk_self_evaluation_director PRIMARY KEY (la_id),
    CONSTRAINT fk_self_evaluation_director_la FOREIGN KEY (la_id) REFERENCES local_authority (id)
);
COMMENT ON TABLE self_evaluation_director IS 'The LA''s director of children''s services: the one account that signs the self-evaluation off';

CREATE TABLE self_evaluation_share (
    id                 UUID        NOT NULL DEFAULT gen_random_uuid(),
    la_id              UUID        NOT NULL,
    self_evaluation_id UUID        NOT NULL,
    inspector          TEXT        NOT NULL,
    shared_by          TEXT        NOT NULL,
    shared_at          TIMESTAMPTZ NOT NULL,
    expires_on         DATE        NOT NULL,
    revoked_by         TEXT,
    revoked_at         TIMESTAMPTZ,
    CONSTRAINT pk_self_evaluation_share PRIMARY KEY (id),
    CONSTRAINT fk_self_evaluation_share_se FOREIGN KEY (self_evaluation_id) REFERENCES self_evaluation (id),
    CONSTRAINT fk_self_evaluation_share_la FOREIGN KEY (la_id) REFERENCES local_authority (id)
);
COMMENT ON TABLE self_evaluation_share IS 'A signed-off self-evaluation shared read-only with a named Ofsted inspector until a date';

CREATE TABLE engagement_meeting (
    id                 UUID        NOT NULL DEFAULT gen_random_uuid(),
    la_id              UUID        NOT NULL,
    self_evaluation_id UUID        NOT NULL,
    activity_id        UUID,
    meeting_date       DATE        NOT NULL,
    attendees          TEXT        NOT NULL DEFAULT '',
    kloes              TEXT        NOT NULL DEFAULT '',
    notes              TEXT        NOT NULL DEFAULT '',
    next_steps         TEXT        NOT NULL DEFAULT '',
    version            INT         NOT NULL DEFAULT 0,
    updated_by         TEXT        NOT NULL,
    updated_at         TIMESTAMPTZ NOT NULL,
    CONSTRAINT pk_engagement_meeting PRIMARY KEY (id),
    CONSTRAINT uq_engagement_meeting_se UNIQUE (self_evaluation_id),
    CONSTRAINT fk_engagement_meeting_se FOREIGN KEY (self_evaluation_id) REFERENCES self_evaluation (id),
    CONSTRAINT fk_engagement_meeting_la FOREIGN KEY (la_id) REFERENCES local_authority (id),
    CONSTRAINT fk_engagement_meeting_activity FOREIGN KEY (activity_id) REFERENCES inspection_activity (id)
);
COMMENT ON TABLE engagement_meeting IS 'The annual engagement meeting with Ofsted: attendees, key lines of enquiry, notes and what comes next';

CREATE TABLE engagement_action (
    id           UUID        NOT NULL DEFAULT gen_random_uuid(),
    la_id        UUID        NOT NULL,
    meeting_id   UUID        NOT NULL,
    ordinal      INT         NOT NULL,
    text         TEXT        NOT NULL,
    plan_id      UUID,
    plan_item_id UUID,
    created_by   TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    CONSTRAINT pk_engagement_action PRIMARY KEY (id),
    CONSTRAINT fk_engagement_action_meeting FOREIGN KEY (meeting_id) REFERENCES engagement_meeting (id),
    CONSTRAINT fk_engagement_action_la FOREIGN KEY (la_id) REFERENCES local_authority (id),
    CONSTRAINT fk_engagement_action_item FOREIGN KEY (plan_item_id) REFERENCES plan_item (id)
);
COMMENT ON TABLE engagement_action IS 'An action agreed at the engagement meeting; it may become an improvement plan item (linked both ways)';
