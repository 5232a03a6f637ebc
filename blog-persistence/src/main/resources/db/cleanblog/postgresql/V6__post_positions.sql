-- Each post's place in the home page's order (ADR 0033): position 1 is the oldest post in (created_at, id) order and
-- the positions are dense, so page N is the index range of positions below MAX(position) - (N - 1) * size, read
-- through posts_position_idx without skipping or counting rows. Kept by the triggers below; copy-db disables them for
-- its load and renumbers all posts in one statement afterwards (KeptPositions). created_at is never changed once
-- written (the blog updates only the content and updated_at), so only inserts and deletes move positions.
-- DEFAULT 0 only for the rows of a copy before it renumbers.
ALTER TABLE posts ADD COLUMN position bigint;

UPDATE posts SET position = numbered.n
FROM (SELECT id, row_number() OVER (ORDER BY created_at, id) AS n FROM posts) AS numbered
WHERE posts.id = numbered.id;

ALTER TABLE posts ALTER COLUMN position SET DEFAULT 0, ALTER COLUMN position SET NOT NULL;

-- Not unique: the triggers move ranges of positions by one in a single UPDATE.
CREATE INDEX posts_position_idx ON posts (position);

-- Writers of posts take turns: two concurrent inserts must not both follow the same predecessor. The lock is the
-- 'posts' row of row_counts, which every insert and delete of a post updates anyway (ADR 0007), so taking it first
-- adds no new lock order. Statement-level and BEFORE: a DELETE waits here before it locks any post, so it never holds
-- a post that the transaction ahead of it has to move. Under READ COMMITTED the statements of the row triggers
-- (VOLATILE) then see what that transaction committed; under REPEATABLE READ, FOR UPDATE fails with a serialization
-- error instead of numbering from an old snapshot.
CREATE FUNCTION posts_position_lock() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1 FROM row_counts WHERE table_name = 'posts' FOR UPDATE;
    RETURN NULL;
END;
$$;

-- The new post follows its predecessor in (created_at, id) order, found on posts_created_at_id_idx (no count), and the
-- posts after it move up by one: none for the usual newest post.
CREATE FUNCTION posts_position_insert() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    predecessor bigint;
BEGIN
    SELECT position INTO predecessor FROM posts
    WHERE (created_at, id) < (NEW.created_at, NEW.id)
    ORDER BY created_at DESC, id DESC
    LIMIT 1;
    NEW.position := coalesce(predecessor, 0) + 1;
    UPDATE posts SET position = position + 1 WHERE position >= NEW.position;
    RETURN NEW;
END;
$$;

-- The posts after a deleted one move down by one: deleting an old post updates every newer post (admin-only, rare).
CREATE FUNCTION posts_position_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE posts SET position = position - 1 WHERE position > OLD.position;
    RETURN NULL;
END;
$$;

-- A plpgsql function plans each statement once per connection and may keep a generic plan made while posts was
-- small or never analysed: a sequential scan, which then runs on every insert as the blog grows (a pooled
-- connection lives for hours). Without sequential scans the only plans left are the indexes', at any size.
ALTER FUNCTION posts_position_insert() SET enable_seqscan = off;
ALTER FUNCTION posts_position_delete() SET enable_seqscan = off;

CREATE TRIGGER posts_position_lock BEFORE INSERT OR DELETE ON posts
    FOR EACH STATEMENT EXECUTE FUNCTION posts_position_lock();
CREATE TRIGGER posts_position_insert BEFORE INSERT ON posts
    FOR EACH ROW EXECUTE FUNCTION posts_position_insert();
CREATE TRIGGER posts_position_delete AFTER DELETE ON posts
    FOR EACH ROW EXECUTE FUNCTION posts_position_delete();
