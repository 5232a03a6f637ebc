-- Token buckets shared by every instance (ADR 0030). Not copied by copy-db: they expire within minutes.
CREATE TABLE throttle_buckets (
    bucket        TEXT    PRIMARY KEY,
    capacity      INTEGER NOT NULL,
    refill_millis INTEGER NOT NULL,
    tokens        REAL    NOT NULL,
    granted       INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL,
    expires_at    INTEGER NOT NULL
);
CREATE INDEX throttle_buckets_expires_at ON throttle_buckets (expires_at);
