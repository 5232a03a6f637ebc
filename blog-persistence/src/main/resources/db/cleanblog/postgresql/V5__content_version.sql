-- The content version (ADR 0034): one number that changes whenever a row that a page shows changes (users, posts,
-- comments), whoever writes it: this blog, another instance, copy-db, psql, a later migration. Every instance reads it
-- a few times a second to know when the pages it keeps in memory are out of date. Not copied by copy-db: the copy's
-- own writes bump the target's.
CREATE TABLE content_version (
    id      smallint PRIMARY KEY CHECK (id = 1),
    version bigint   NOT NULL
);
INSERT INTO content_version (id, version) VALUES (1, 1);

-- Statement-level: one update per statement, however many rows it touches, so that a COPY of a million comments
-- costs one update (one dead tuple) per statement, not one per row. The row stays locked until the writing
-- transaction commits, so the new version becomes visible exactly when the data does.
CREATE FUNCTION content_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE content_version SET version = version + 1 WHERE id = 1;
    RETURN NULL;
END;
$$;

CREATE TRIGGER users_content_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON users
    FOR EACH STATEMENT EXECUTE FUNCTION content_version_bump();
CREATE TRIGGER posts_content_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON posts
    FOR EACH STATEMENT EXECUTE FUNCTION content_version_bump();
CREATE TRIGGER comments_content_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON comments
    FOR EACH STATEMENT EXECUTE FUNCTION content_version_bump();
