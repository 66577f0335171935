-- Issue 16, way in 3: the history of DfE children's social care API payloads, and rate limits for machine tokens.
-- csc_payload_receipt: every payload received for an LA (by one of its API tokens or by one of its managers, through the
-- API, the command line or the upload page), accepted or refused: when, who, how big, its SHA-256, what it changed
-- (counts only) and, when refused, its first 100 problems and how many there were. Never the payload itself: it holds
-- children's data. LA-private (R__row_level_security.sql lists it).
-- la_api_token gains a per-minute request window (its start and its count), so a valid token's requests are limited
-- per token across every instance; la_api_token_event gains the outcome RATE_LIMITED (recorded once per window).

CREATE TABLE csc_payload_receipt (
    id               UUID        NOT NULL DEFAULT gen_random_uuid(),
    la_id            UUID        NOT NULL,
    received_at      TIMESTAMPTZ NOT NULL,
    channel          TEXT        NOT NULL,
    sender_kind      TEXT        NOT NULL,
    sender_name      TEXT        NOT NULL,
    token_id         UUID,
    file_name        TEXT,
    size_bytes       BIGINT      NOT NULL,
    sha256           TEXT        NOT NULL,
    accepted         BOOLEAN     NOT NULL,
    status           INTEGER     NOT NULL,
    snapshot_id      UUID,
    snapshot_created BOOLEAN     NOT NULL DEFAULT FALSE,
    children         INTEGER     NOT NULL DEFAULT 0,
    children_created INTEGER     NOT NULL DEFAULT 0,
    children_updated INTEGER     NOT NULL DEFAULT 0,
    children_purged  INTEGER     NOT NULL DEFAULT 0,
    items            JSONB       NOT NULL DEFAULT '{}',
    not_stored       JSONB       NOT NULL DEFAULT '{}',
    ignored          JSONB       NOT NULL DEFAULT '[]',
    refusal          TEXT,
    error_count      INTEGER     NOT NULL DEFAULT 0,
    errors           JSONB       NOT NULL DEFAULT '[]',
    CONSTRAINT pk_csc_payload_receipt PRIMARY KEY (id),
    CONSTRAINT fk_csc_payload_receipt_la FOREIGN KEY (la_id) REFERENCES local_authority (id),
    CONSTRAINT fk_csc_payload_receipt_token FOREIGN KEY (token_id) REFERENCES la_api_token (id),
    CONSTRAINT chk_csc_payload_receipt_channel CHECK (channel IN ('API', 'PAGE', 'COMMAND_LINE')),
    CONSTRAINT chk_csc_payload_receipt_sender CHECK (sender_kind IN ('TOKEN', 'PERSON', 'SYSTEM')),
    CONSTRAINT chk_csc_payload_receipt_sha CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    CONSTRAINT chk_csc_payload_receipt_counts CHECK (children >= 0 AND children_created >= 0 AND children_updated >= 0 AND children_purged >= 0
                                                      AND error_count >= 0 AND size_bytes >= 0),
    CONSTRAINT chk_csc_payload_receipt_errors CHECK (jsonb_typeof(errors) = 'array' AND jsonb_array_length(errors) <= 100)
);
COMMENT ON TABLE csc_payload_receipt IS 'Every DfE children''s social care API payload received for an LA, accepted or refused: who, when, size, SHA-256, counts and (refused) its first 100 problems; never the payload';
COMMENT ON COLUMN csc_payload_receipt.sha256 IS 'Hex SHA-256 of the body as received, to tell two payloads apart or find a resend; the body itself is not kept';
COMMENT ON COLUMN csc_payload_receipt.sender_name IS 'The API token''s name, the person''s name, or "command line"';
COMMENT ON COLUMN csc_payload_receipt.errors IS 'The first 100 problems of a refused payload: [{child, field, message}], field being the JSON path';
CREATE INDEX ix_csc_payload_receipt_la ON csc_payload_receipt (la_id, received_at DESC);

ALTER TABLE la_api_token ADD COLUMN rate_window_start TIMESTAMPTZ;
ALTER TABLE la_api_token ADD COLUMN rate_window_requests INTEGER NOT NULL DEFAULT 0;
COMMENT ON COLUMN la_api_token.rate_window_start IS 'Start of the token''s current minute of requests (oversight.api-tokens.requests-per-minute)';

ALTER TABLE la_api_token_event DROP CONSTRAINT chk_la_api_token_event_outcome;
ALTER TABLE la_api_token_event ADD CONSTRAINT chk_la_api_token_event_outcome CHECK (outcome IN ('ACCEPTED', 'REFUSED_PAYLOAD', 'UNKNOWN_TOKEN',
    'REVOKED_TOKEN', 'OTHER_LA', 'NOT_ALLOWED', 'RATE_LIMITED'));
