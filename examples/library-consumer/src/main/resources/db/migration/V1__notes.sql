-- The example program's own schema, in Flyway's default location and history table (flyway_schema_history); the
-- library keeps its own (db/cleanblog, cleanblog_schema_history), so both live in one database. Valid on both dialects.
CREATE TABLE reading_notes (
    id      INTEGER      PRIMARY KEY,
    post_id BIGINT       NOT NULL,
    note    VARCHAR(500) NOT NULL
);
