-- Token buckets shared by every instance (ADR 0030). Not copied by copy-db: they expire within minutes.
CREATE TABLE throttle_buckets (
    bucket        TEXT             PRIMARY KEY,
    capacity      INTEGER          NOT NULL,
    refill_millis BIGINT           NOT NULL,
    tokens        DOUBLE PRECISION NOT NULL,
    granted       SMALLINT         NOT NULL,
    updated_at    BIGINT           NOT NULL,
    expires_at    BIGINT           NOT NULL
);
CREATE INDEX throttle_buckets_expires_at ON throttle_buckets (expires_at);
