-- Issue 16, way in 3: DfE children's social care API payloads, sent by an LA's own system with a token of its own.
-- la_api_token: machine credentials per LA, made by the LA's managers on a page, shown once and kept only as the
-- SHA-256 of the secret (32 random bytes), revocable. la_api_token_event: every use and every refusal of a bearer token
-- (which token, which LA, what was asked, the outcome and the counts), never the secret and never a child's data.
-- Both are LA-private: R__row_level_security.sql isolates every table with la_id (its list of tables names them, so it
-- runs again). A token is looked up by its hash before anyone's LA is known, in the system scope, as a young person's
-- sign-in is; a refusal of an unknown token has no LA (la_id null).

CREATE TABLE la_api_token (
    id           UUID        NOT NULL DEFAULT gen_random_uuid(),
    la_id        UUID        NOT NULL,
    name         TEXT        NOT NULL,
    token_hash   TEXT        NOT NULL,
    hint         TEXT        NOT NULL,
    created_by   TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    last_used_at TIMESTAMPTZ,
    uses         BIGINT      NOT NULL DEFAULT 0,
    revoked_by   TEXT,
    revoked_at   TIMESTAMPTZ,
    CONSTRAINT pk_la_api_token PRIMARY KEY (id),
    CONSTRAINT uq_la_api_token_hash UNIQUE (token_hash),
    CONSTRAINT fk_la_api_token_la FOREIGN KEY (la_id) REFERENCES local_authority (id),
    CONSTRAINT chk_la_api_token_name CHECK (length(btrim(name)) BETWEEN 1 AND 80),
    CONSTRAINT chk_la_api_token_hash CHECK (token_hash ~ '^[0-9a-f]{64}$')
);
COMMENT ON TABLE la_api_token IS 'An LA''s machine credential for the children''s social care API payload endpoint; the secret itself is never stored';
COMMENT ON COLUMN la_api_token.token_hash IS 'Hex SHA-256 of the whole token as sent (ovt_ and 43 base64url characters of 32 random bytes)';
COMMENT ON COLUMN la_api_token.hint IS 'The token''s last 4 characters, so a manager can tell tokens apart; not enough to guess it';
CREATE INDEX ix_la_api_token_la ON la_api_token (la_id, created_at);

CREATE TABLE la_api_token_event (
    id        BIGSERIAL   NOT NULL,
    la_id     UUID,
    token_id  UUID,
    at        TIMESTAMPTZ NOT NULL,
    method    TEXT        NOT NULL,
    path      TEXT        NOT NULL,
    outcome   TEXT        NOT NULL,
    status    INTEGER     NOT NULL,
    detail    TEXT        NOT NULL DEFAULT '',
    CONSTRAINT pk_la_api_token_event PRIMARY KEY (id),
    CONSTRAINT fk_la_api_token_event_la FOREIGN KEY (la_id) REFERENCES local_authority (id),
    CONSTRAINT fk_la_api_token_event_token FOREIGN KEY (token_id) REFERENCES la_api_token (id),
    CONSTRAINT chk_la_api_token_event_outcome CHECK (outcome IN ('ACCEPTED', 'REFUSED_PAYLOAD', 'UNKNOWN_TOKEN', 'REVOKED_TOKEN', 'OTHER_LA',
                                                                'NOT_ALLOWED'))
);
COMMENT ON TABLE la_api_token_event IS 'Every use and refusal of an LA machine token: which token and LA, what was asked, the outcome and counts (never the secret, never a child''s data); la_id is null when the token matched none';
CREATE INDEX ix_la_api_token_event_token ON la_api_token_event (token_id, at);
CREATE INDEX ix_la_api_token_event_la ON la_api_token_event (la_id, at);
