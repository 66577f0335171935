-- National register: every English local authority with children's services (capability 1).
CREATE TABLE local_authority (
    id                 UUID        NOT NULL DEFAULT gen_random_uuid(),
    urn                INTEGER     NOT NULL,
    la_code            TEXT        NOT NULL,
    la_code_new        TEXT,
    name               TEXT        NOT NULL,
    also_known_as      TEXT[]      NOT NULL DEFAULT '{}',
    region_code        TEXT        NOT NULL,
    region_name        TEXT        NOT NULL,
    la_type            TEXT,
    population_0_25    INTEGER,
    web_domain         TEXT,
    active             BOOLEAN     NOT NULL,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT pk_local_authority PRIMARY KEY (id),
    CONSTRAINT uq_local_authority_urn UNIQUE (urn),
    CONSTRAINT uq_local_authority_la_code UNIQUE (la_code)
);
COMMENT ON TABLE local_authority IS 'English local authorities with children''s services, loaded from data/la-lookup.csv';
COMMENT ON COLUMN local_authority.urn IS 'Ofsted unique reference number of the LA''s children''s services';
COMMENT ON COLUMN local_authority.la_code IS 'DfE three-digit LA code (old code), e.g. 201 for City of London';
COMMENT ON COLUMN local_authority.la_code_new IS 'ONS/GSS code, e.g. E09000001';
COMMENT ON COLUMN local_authority.active IS 'False for LAs that no longer exist (e.g. Cumbria, Northamptonshire, Poole); kept for their history';

CREATE INDEX ix_local_authority_region ON local_authority (region_code);

CREATE TABLE statistical_neighbour (
    la_id           UUID    NOT NULL,
    rank            INTEGER NOT NULL,
    neighbour_la_id UUID    NOT NULL,
    CONSTRAINT pk_statistical_neighbour PRIMARY KEY (la_id, rank),
    CONSTRAINT fk_statistical_neighbour_la FOREIGN KEY (la_id) REFERENCES local_authority (id) ON DELETE CASCADE,
    CONSTRAINT fk_statistical_neighbour_neighbour FOREIGN KEY (neighbour_la_id) REFERENCES local_authority (id),
    CONSTRAINT chk_statistical_neighbour_rank CHECK (rank BETWEEN 1 AND 10)
);
COMMENT ON TABLE statistical_neighbour IS 'The ten DfE statistical neighbours of each LA, closest first';
