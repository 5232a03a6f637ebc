-- Each post's place in the home page's order (ADR 0033): position 1 is the oldest post in (created_at, id) order and
-- the positions are dense, so page N is the index range of positions below MAX(position) - (N - 1) * size, read
-- through posts_position_idx without skipping or counting rows. Kept by the triggers below; copy-db suspends them for
-- its load and renumbers all posts in one statement afterwards (KeptPositions). created_at is never changed once
-- written (the blog updates only the content and updated_at), so only inserts and deletes move positions.
-- DEFAULT 0 only so that the column can be added to existing rows, and for the rows of a copy before it renumbers.
ALTER TABLE posts ADD COLUMN position INTEGER NOT NULL DEFAULT 0;

UPDATE posts SET position = numbered.n
FROM (SELECT id, row_number() OVER (ORDER BY created_at, id) AS n FROM posts) AS numbered
WHERE posts.id = numbered.id;

-- Not unique: the triggers move ranges of positions by one in a single UPDATE.
CREATE INDEX posts_position_idx ON posts (position);

-- The new post follows its predecessor in (created_at, id) order, found on posts_created_at_id_idx (no count), and the
-- posts after it move up by one: none for the usual newest post. SQLite writes one transaction at a time, so no other
-- writer can number a post meanwhile.
CREATE TRIGGER posts_position_insert AFTER INSERT ON posts
BEGIN
    UPDATE posts SET position = position + 1
    WHERE id <> NEW.id
      AND position > coalesce((SELECT position FROM posts
                               WHERE (created_at, id) < (NEW.created_at, NEW.id)
                               ORDER BY created_at DESC, id DESC LIMIT 1), 0);
    UPDATE posts SET position = 1 + coalesce((SELECT position FROM posts
                                              WHERE (created_at, id) < (NEW.created_at, NEW.id)
                                              ORDER BY created_at DESC, id DESC LIMIT 1), 0)
    WHERE id = NEW.id;
END;

-- The posts after a deleted one move down by one: deleting an old post updates every newer post (admin-only, rare).
CREATE TRIGGER posts_position_delete AFTER DELETE ON posts
BEGIN
    UPDATE posts SET position = position - 1 WHERE position > OLD.position;
END;
