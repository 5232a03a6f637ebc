-- Clean Blog schema, SQLite. Column names are shared with db/migration/postgresql and relied on by the web
-- application and the data mover. Times are ISO-8601 UTC text with exactly six fractional digits
-- ('2024-01-02T03:04:05.123456Z'), so that text order is time order; booleans are 0/1. SQLite does not enforce
-- lengths: the blog-core records validate them before any insert, so data that fits here fits PostgreSQL too.
-- Ids are AUTOINCREMENT so that, as with PostgreSQL identities, an id is never handed out twice (docs/adr/0010).

CREATE TABLE users (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    email            TEXT    NOT NULL,
    -- lower-cased in Java (Locale.ROOT) so that both dialects compare e-mails identically
    email_normalized TEXT    NOT NULL UNIQUE,
    name             TEXT    NOT NULL,
    password_hash    TEXT    NOT NULL,
    is_admin         INTEGER NOT NULL DEFAULT 0 CHECK (is_admin IN (0, 1)),
    created_at       TEXT    NOT NULL,
    -- sessions issued before this instant are no longer valid (logout ends them; docs/adr/0010)
    sessions_valid_from TEXT NOT NULL
);

CREATE TABLE posts (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    author_id  INTEGER NOT NULL REFERENCES users (id),
    title      TEXT    NOT NULL,
    subtitle   TEXT    NOT NULL,
    img_url    TEXT    NOT NULL,
    body       TEXT    NOT NULL,
    body_html  TEXT    NOT NULL,
    created_at TEXT    NOT NULL,
    updated_at TEXT    NOT NULL
);
CREATE INDEX posts_author_id_idx ON posts (author_id);
CREATE INDEX posts_created_at_id_idx ON posts (created_at DESC, id DESC);

CREATE TABLE comments (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    post_id    INTEGER NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    author_id  INTEGER NOT NULL REFERENCES users (id),
    body       TEXT    NOT NULL,
    body_html  TEXT    NOT NULL,
    created_at TEXT    NOT NULL
);
CREATE INDEX comments_post_id_idx ON comments (post_id);
CREATE INDEX comments_author_id_idx ON comments (author_id);

CREATE TABLE contact_messages (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    name       TEXT NOT NULL,
    email      TEXT NOT NULL,
    phone      TEXT NOT NULL,
    message    TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX contact_messages_created_at_id_idx ON contact_messages (created_at DESC, id DESC);

-- Row counts kept by triggers, so that a page's total and count() never scan a table (docs/adr/0007).
CREATE TABLE row_counts (
    table_name TEXT    PRIMARY KEY,
    row_count  INTEGER NOT NULL CHECK (row_count >= 0)
);
INSERT INTO row_counts (table_name, row_count) VALUES ('users', 0), ('posts', 0), ('contact_messages', 0);

CREATE TRIGGER users_row_count_insert AFTER INSERT ON users
BEGIN
    UPDATE row_counts SET row_count = row_count + 1 WHERE table_name = 'users';
END;
CREATE TRIGGER users_row_count_delete AFTER DELETE ON users
BEGIN
    UPDATE row_counts SET row_count = row_count - 1 WHERE table_name = 'users';
END;
CREATE TRIGGER posts_row_count_insert AFTER INSERT ON posts
BEGIN
    UPDATE row_counts SET row_count = row_count + 1 WHERE table_name = 'posts';
END;
CREATE TRIGGER posts_row_count_delete AFTER DELETE ON posts
BEGIN
    UPDATE row_counts SET row_count = row_count - 1 WHERE table_name = 'posts';
END;
CREATE TRIGGER contact_messages_row_count_insert AFTER INSERT ON contact_messages
BEGIN
    UPDATE row_counts SET row_count = row_count + 1 WHERE table_name = 'contact_messages';
END;
CREATE TRIGGER contact_messages_row_count_delete AFTER DELETE ON contact_messages
BEGIN
    UPDATE row_counts SET row_count = row_count - 1 WHERE table_name = 'contact_messages';
END;
