-- Child-level data (capability 5): each import is a dated snapshot of an LA's SSDA903 return; a newer snapshot
-- supersedes the older one for the same collection year without deleting it. Children are LA-internal.
CREATE TABLE import_snapshot (
    id               UUID        NOT NULL DEFAULT gen_random_uuid(),
    la_id            UUID        NOT NULL,
    collection_year  TEXT        NOT NULL,
    source           TEXT        NOT NULL,
    imported_by      TEXT        NOT NULL,
    imported_at      TIMESTAMPTZ NOT NULL,
    superseded_at    TIMESTAMPTZ,
    rows_accepted    INTEGER     NOT NULL,
    rows_rejected    INTEGER     NOT NULL,
    CONSTRAINT pk_import_snapshot PRIMARY KEY (id),
    CONSTRAINT fk_import_snapshot_la FOREIGN KEY (la_id) REFERENCES local_authority (id),
    CONSTRAINT chk_import_snapshot_year CHECK (collection_year ~ '^[0-9]{4}-[0-9]{2}$')
);
COMMENT ON TABLE import_snapshot IS 'One import of child-level data; the current snapshot of an LA and year has superseded_at null';
CREATE UNIQUE INDEX uq_import_snapshot_current ON import_snapshot (la_id, collection_year) WHERE superseded_at IS NULL;

CREATE TABLE child (
    snapshot_id  UUID NOT NULL,
    la_id        UUID NOT NULL,
    child_ref    TEXT NOT NULL,
    sex          TEXT,
    dob          DATE NOT NULL,
    ethnic       TEXT,
    uasc         BOOLEAN NOT NULL DEFAULT FALSE,
    CONSTRAINT pk_child PRIMARY KEY (snapshot_id, child_ref),
    CONSTRAINT fk_child_snapshot FOREIGN KEY (snapshot_id) REFERENCES import_snapshot (id) ON DELETE CASCADE,
    CONSTRAINT fk_child_la FOREIGN KEY (la_id) REFERENCES local_authority (id)
);
COMMENT ON COLUMN child.child_ref IS 'The pseudonymous CHILD id of the return, never a name';

CREATE TABLE episode (
    snapshot_id  UUID NOT NULL,
    la_id        UUID NOT NULL,
    child_ref    TEXT NOT NULL,
    decom        DATE NOT NULL,
    rne          TEXT,
    legal_status TEXT,
    cin          TEXT,
    place        TEXT,
    place_provider TEXT,
    dec          DATE,
    rec          TEXT,
    CONSTRAINT pk_episode PRIMARY KEY (snapshot_id, child_ref, decom),
    CONSTRAINT fk_episode_child FOREIGN KEY (snapshot_id, child_ref) REFERENCES child (snapshot_id, child_ref) ON DELETE CASCADE,
    CONSTRAINT chk_episode_dates CHECK (dec IS NULL OR dec >= decom)
);
CREATE INDEX ix_episode_la ON episode (la_id);

CREATE TABLE review (
    snapshot_id  UUID NOT NULL,
    la_id        UUID NOT NULL,
    child_ref    TEXT NOT NULL,
    review_date  DATE NOT NULL,
    review_code  TEXT,
    CONSTRAINT pk_review PRIMARY KEY (snapshot_id, child_ref, review_date),
    CONSTRAINT fk_review_child FOREIGN KEY (snapshot_id, child_ref) REFERENCES child (snapshot_id, child_ref) ON DELETE CASCADE
);

CREATE TABLE care_leaver (
    snapshot_id  UUID NOT NULL,
    la_id        UUID NOT NULL,
    child_ref    TEXT NOT NULL,
    in_touch     TEXT,
    activity     TEXT,
    accommodation TEXT,
    CONSTRAINT pk_care_leaver PRIMARY KEY (snapshot_id, child_ref),
    CONSTRAINT fk_care_leaver_child FOREIGN KEY (snapshot_id, child_ref) REFERENCES child (snapshot_id, child_ref) ON DELETE CASCADE
);

CREATE TABLE missing_episode (
    snapshot_id  UUID NOT NULL,
    la_id        UUID NOT NULL,
    child_ref    TEXT NOT NULL,
    kind         TEXT NOT NULL,
    started      DATE NOT NULL,
    ended        DATE,
    CONSTRAINT pk_missing_episode PRIMARY KEY (snapshot_id, child_ref, started, kind),
    CONSTRAINT fk_missing_child FOREIGN KEY (snapshot_id, child_ref) REFERENCES child (snapshot_id, child_ref) ON DELETE CASCADE
);

CREATE TABLE child_access (
    id           BIGSERIAL   NOT NULL,
    la_id        UUID        NOT NULL,
    child_ref    TEXT        NOT NULL,
    viewed_by    TEXT        NOT NULL,
    viewed_at    TIMESTAMPTZ NOT NULL,
    what         TEXT        NOT NULL,
    CONSTRAINT pk_child_access PRIMARY KEY (id),
    CONSTRAINT fk_child_access_la FOREIGN KEY (la_id) REFERENCES local_authority (id)
);
COMMENT ON TABLE child_access IS 'Every view of a child''s record: who, when, which child, what';
CREATE INDEX ix_child_access_child ON child_access (la_id, child_ref, viewed_at);
