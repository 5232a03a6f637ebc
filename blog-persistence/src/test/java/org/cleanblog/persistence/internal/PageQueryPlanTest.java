package org.cleanblog.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.datasource.unpooled.UnpooledDataSource;
import org.cleanblog.persistence.BlogDatabase;
import org.cleanblog.persistence.Dialect;
import org.cleanblog.persistence.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * "Page 1 must not cost more as the number of posts grows, and a deep page no more than page 1" (ADR 0033): each
 * database's planner, given thousands of posts and comments, reads page 1 and a page near the oldest post as a range
 * of posts_position_idx, with no sort and no scan of posts or comments, so no page skips or counts the posts before it.
 * The feed's newest posts are the first entries of posts_created_at_id_idx: no plan sorts every post to find them. A
 * sitemap's slice of stamps, oldest first, is a range of posts_position_idx read in order, at the start and near the
 * end alike (ADR 0038).
 */
class PageQueryPlanTest {
    private static final String FIND_PAGE = "org.cleanblog.persistence.internal.mapper.PostMapper.findPage";
    private static final String FIND_NEWEST = "org.cleanblog.persistence.internal.mapper.PostMapper.findNewest";
    private static final String FIND_STAMPS = "org.cleanblog.persistence.internal.mapper.PostMapper.findStamps";
    private static final int POSTS = 5_000;
    private static final int COMMENTS = 20_000;
    /** Page 491 of 10 posts each: all but the oldest 100 posts come before it. */
    private static final long DEEP_OFFSET = 4_900;
    /** A slice of stamps that is 5% of the posts, as a sitemap part of 5,000 is of 100,000 posts. */
    private static final int SLICE = 250;

    @Test
    void shouldReadPagesThroughTheIndexesOnSqlite() throws SQLException {
        try (TestDatabase sqlite = TestDatabase.sqlite();
                BlogDatabase db = sqlite.open();
                Connection connection = sqlite.connect();
                Statement statement = connection.createStatement()) {
            fill(statement, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %d) ");
            statement.execute("ANALYZE");

            for (long offset : new long[] {0, DEEP_OFFSET}) {
                List<String> plan = rows(statement, "EXPLAIN QUERY PLAN " + pageSql(Dialect.SQLITE, offset), 4);

                assertThat(plan)
                        .as("plan at offset %d", offset)
                        .anyMatch(step -> step.matches("SEARCH p USING INDEX posts_position_idx \\(position<\\?\\)"))
                        .anyMatch(step -> step.contains("comments_post_id_idx"))
                        .noneMatch(step -> step.contains("TEMP B-TREE"))
                        .noneMatch(step -> step.matches("SCAN (p|c|posts|comments)( .*)?"));
            }
            assertThat(rows(statement, "EXPLAIN QUERY PLAN " + newestSql(), 4))
                    .as("plan of the feed's newest posts")
                    .anyMatch(step -> step.matches("SCAN p USING INDEX posts_created_at_id_idx"))
                    .noneMatch(step -> step.contains("TEMP B-TREE"));
            for (long skip : new long[] {0, POSTS - SLICE}) {
                assertThat(rows(statement, "EXPLAIN QUERY PLAN " + stampsSql(Dialect.SQLITE, skip), 4))
                        .as("plan of the stamps after %d", skip)
                        .containsExactly("SEARCH posts USING INDEX posts_position_idx (position>? AND position<?)");
            }
        }
    }

    @Test
    void shouldReadPagesThroughTheIndexesOnPostgresql() throws SQLException {
        try (TestDatabase postgresql = TestDatabase.postgresql("plan");
                BlogDatabase db = postgresql.open();
                Connection connection = postgresql.connect();
                Statement statement = connection.createStatement()) {
            fill(statement, "WITH n(i) AS (SELECT generate_series(1, %d)) ");
            statement.execute("ANALYZE");

            for (long offset : new long[] {0, DEEP_OFFSET}) {
                List<String> plan = rows(statement, "EXPLAIN " + pageSql(Dialect.POSTGRESQL, offset), 1);

                assertThat(plan)
                        .as("plan at offset %d", offset)
                        .anyMatch(step -> step.contains("Index Scan Backward using posts_position_idx on posts p"))
                        .anyMatch(step -> step.contains("Index Cond: (\"position\" <= ("))
                        .anyMatch(step -> step.contains("comments_post_id_idx"))
                        .noneMatch(step -> step.contains("Sort"))
                        .noneMatch(step -> step.contains("Seq Scan on posts"))
                        .noneMatch(step -> step.contains("Seq Scan on comments"));
            }
            assertThat(rows(statement, "EXPLAIN " + newestSql(), 1))
                    .as("plan of the feed's newest posts")
                    .anyMatch(step -> step.contains("Index Scan using posts_created_at_id_idx on posts p"))
                    .noneMatch(step -> step.contains("Sort"))
                    .noneMatch(step -> step.contains("Seq Scan on posts"));
            for (long skip : new long[] {0, POSTS - SLICE}) {
                assertThat(rows(statement, "EXPLAIN " + stampsSql(Dialect.POSTGRESQL, skip), 1))
                        .as("plan of the stamps after %d", skip)
                        .anyMatch(step -> step.startsWith("Index Scan using posts_position_idx on posts"))
                        .anyMatch(step -> step.startsWith("Index Cond: ((\"position\" > ")
                                && step.contains("AND (\"position\" <= "))
                        .noneMatch(step -> step.contains("Sort"))
                        .noneMatch(step -> step.contains("Seq Scan"));
            }
        }
    }

    /**
     * The position triggers (ADR 0033) run their statements with the plans plpgsql keeps per connection, which may be
     * generic plans made while posts was small or never analysed; they turn sequential scans off, so that such a plan
     * is still a range of posts_position_idx: otherwise every new post would read every post, as a seeded blog of
     * 100,000 posts showed (each insert slower than the one before).
     */
    @Test
    void shouldShiftPositionsThroughTheIndexWithPlansMadeWithoutStatisticsOnPostgresql() throws SQLException {
        try (TestDatabase postgresql = TestDatabase.postgresql("plan_triggers");
                BlogDatabase db = postgresql.open();
                Connection connection = postgresql.connect();
                Statement statement = connection.createStatement()) {
            fill(statement, "WITH n(i) AS (SELECT generate_series(1, %d)) ");

            for (String function : new String[] {"posts_position_insert", "posts_position_delete"}) {
                assertThat(rows(
                                statement,
                                "SELECT array_to_string(proconfig, ',') FROM pg_proc WHERE proname = '" + function
                                        + "'",
                                1))
                        .as("settings of %s()", function)
                        .containsExactly("enable_seqscan=off");
            }
            statement.execute("SET enable_seqscan = off");
            statement.execute("SET plan_cache_mode = force_generic_plan");
            statement.execute("PREPARE shift(bigint) AS UPDATE posts SET position = position + 1 WHERE position >= $1");
            assertThat(rows(statement, "EXPLAIN EXECUTE shift(" + (POSTS + 1) + ")", 1))
                    .as("generic plan of the shift after a new post, posts not analysed")
                    .anyMatch(step -> step.contains("posts_position_idx"))
                    .noneMatch(step -> step.contains("Seq Scan"));
        }
    }

    /** One author, {@value POSTS} posts an hour apart, {@value COMMENTS} comments spread over them; SQL only. */
    private static void fill(Statement statement, String numbers) throws SQLException {
        statement.executeUpdate("INSERT INTO users (email, email_normalized, name, password_hash, is_admin, created_at,"
                + " sessions_valid_from) VALUES ('a@example.org', 'a@example.org', 'A', 'h', "
                + (isSqlite(statement) ? "1" : "true")
                + ", '2020-01-01T00:00:00.000000Z', '2020-01-01T00:00:00.000000Z')");
        String time = isSqlite(statement)
                ? "strftime('%Y-%m-%dT%H:%M:%f000Z', '2020-01-01', '+' || i || ' hours')"
                : "timestamptz '2020-01-01 00:00:00Z' + i * interval '1 hour'";
        statement.executeUpdate(numbers.formatted(POSTS)
                + "INSERT INTO posts (author_id, title, subtitle, img_url, body, body_html, created_at, updated_at) "
                + "SELECT (SELECT MIN(id) FROM users), 't' || i, '', '', 'b', 'b', " + time + ", " + time + " FROM n");
        statement.executeUpdate(numbers.formatted(COMMENTS)
                + "INSERT INTO comments (post_id, author_id, body, body_html, created_at) "
                + "SELECT (SELECT MIN(id) FROM posts) + (i % " + POSTS + "), (SELECT MIN(id) FROM users), 'c', 'c', "
                + time + " FROM n");
    }

    private static boolean isSqlite(Statement statement) throws SQLException {
        return statement.getConnection().getMetaData().getDatabaseProductName().equals("SQLite");
    }

    /** The page statement exactly as MyBatis sends it, with a page of 10 at {@code offset} in place of its parameters. */
    private static String pageSql(Dialect dialect, long offset) {
        String sql = sql(dialect, FIND_PAGE, Map.of("limit", 10, "offset", offset));
        return sql.replaceFirst("\\?", Long.toString(offset)).replaceFirst("\\?", "10");
    }

    /** The feed's statement (shared by both dialects) for its 20 entries. */
    private static String newestSql() {
        return sql(Dialect.SQLITE, FIND_NEWEST, Map.of("limit", 20)).replaceFirst("\\?", "20");
    }

    /** A sitemap's statement for the {@value SLICE} stamps after the oldest {@code skip} posts. */
    private static String stampsSql(Dialect dialect, long skip) {
        long last = skip + SLICE;
        return sql(dialect, FIND_STAMPS, Map.of("after", skip, "last", last))
                .replaceFirst("\\?", Long.toString(skip))
                .replaceFirst("\\?", Long.toString(last));
    }

    private static String sql(Dialect dialect, String statement, Map<String, Object> parameters) {
        return MyBatisSessions.factory(new UnpooledDataSource(), dialect)
                .getConfiguration()
                .getMappedStatement(statement)
                .getBoundSql(parameters)
                .getSql();
    }

    private static List<String> rows(Statement statement, String sql, int column) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                rows.add(result.getString(column).strip());
            }
        }
        return rows;
    }
}
