-- The content version (ADR 0034): one number that changes whenever a row that a page shows changes (users, posts,
-- comments), whoever writes it: this blog, another process on the same file, copy-db, the sqlite3 shell, a later
-- migration. Every instance reads it a few times a second to know when the pages it keeps in memory are out of date.
-- Not copied by copy-db: the copy's own writes bump the target's.
CREATE TABLE content_version (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    version INTEGER NOT NULL
);
INSERT INTO content_version (id, version) VALUES (1, 1);

-- SQLite has row triggers only: one in-place update of this one row per row written. SQLite writes one transaction at
-- a time, so the row is never contended, and it keeps no dead versions.
CREATE TRIGGER users_content_version_insert AFTER INSERT ON users
BEGIN
    UPDATE content_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER users_content_version_update AFTER UPDATE ON users
BEGIN
    UPDATE content_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER users_content_version_delete AFTER DELETE ON users
BEGIN
    UPDATE content_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER posts_content_version_insert AFTER INSERT ON posts
BEGIN
    UPDATE content_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER posts_content_version_update AFTER UPDATE ON posts
BEGIN
    UPDATE content_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER posts_content_version_delete AFTER DELETE ON posts
BEGIN
    UPDATE content_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER comments_content_version_insert AFTER INSERT ON comments
BEGIN
    UPDATE content_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER comments_content_version_update AFTER UPDATE ON comments
BEGIN
    UPDATE content_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER comments_content_version_delete AFTER DELETE ON comments
BEGIN
    UPDATE content_version SET version = version + 1 WHERE id = 1;
END;
