package org.cleanblog.web.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import org.cleanblog.config.BlogConfiguration;
import org.cleanblog.persistence.BlogDatabase;
import org.cleanblog.persistence.Dialect;
import org.cleanblog.persistence.testing.Fixtures;
import org.cleanblog.persistence.testing.FlaskTutorialDatabase;
import org.cleanblog.persistence.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The copy-db command end to end: options, exit statuses, and what it prints where. */
class CopyDbCommandTest {
    @TempDir
    Path directory;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> environment, String... args) {
        Cli cli = new Cli(
                () -> BlogConfiguration.load(environment, new Properties(), directory),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return cli.run(args);
    }

    private int run(String... args) {
        return run(Map.of(), args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** A SQLite blog with two users, a post and a comment. */
    private static TestDatabase sourceBlog() {
        TestDatabase source = TestDatabase.sqlite();
        try (BlogDatabase blog = source.open()) {
            var owner = blog.users().create(Fixtures.newUser("owner@example.org"));
            var post = blog.posts().create(owner.id(), Fixtures.content("First post"));
            blog.comments().create(Fixtures.comment(post.id(), owner.id(), "a comment"));
        }
        return source;
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void shouldCopyAndPrintTheVerifiedReportOnStandardOutput(Dialect dialect) throws Exception {
        try (TestDatabase source = sourceBlog();
                TestDatabase target = TestDatabase.create(dialect, "cmdcopy")) {
            int status = run("copy-db", "--from", source.jdbcUrl(), "--to=" + target.jdbcUrl(), "--progress=lines");

            assertThat(status).as(err()).isZero();
            assertThat(out()).contains("verified:").containsPattern("(?m)^comments\\s+1\\s+0\\s+1 .* ok$");
            assertThat(out()).doesNotContain("DIFFERENT");
            assertThat(err()).contains("comments: copying 1 row", "verifying");
            try (BlogDatabase blog = target.open()) {
                assertThat(blog.posts().count()).isEqualTo(1);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void shouldExit2WhenTheTargetHoldsDataWithoutReplace(Dialect dialect) throws Exception {
        try (TestDatabase source = sourceBlog();
                TestDatabase target = TestDatabase.create(dialect, "cmdnotempty")) {
            try (BlogDatabase blog = target.open()) {
                blog.users().create(Fixtures.newUser("already@example.org"));
            }

            assertThat(run("copy-db", "--from", source.jdbcUrl(), "--to", target.jdbcUrl()))
                    .isEqualTo(2);
            assertThat(err()).contains("copy-db: the target already holds data", "--replace");
            assertThat(out()).isEmpty();

            assertThat(run("copy-db", "--from", source.jdbcUrl(), "--to", target.jdbcUrl(), "--replace"))
                    .isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void shouldExit1AndListTheRejectsWhenNotSkipping(Dialect dialect) throws Exception {
        try (TestDatabase flask = FlaskTutorialDatabase.create(Dialect.SQLITE);
                TestDatabase target = TestDatabase.create(dialect, "cmdrejects")) {
            assertThat(run("copy-db", "--from", flask.jdbcUrl(), "--to", target.jdbcUrl(), "--progress", "lines"))
                    .isEqualTo(1);
            assertThat(err())
                    .contains("rejected: comments id 2: post_id is NULL")
                    .contains("copy-db: 1 source row would be refused by the target", "--skip-invalid");
            assertThat(out()).isEmpty();
            assertThat(count(target, "users")).isZero();
        }
    }

    @Test
    void shouldCopyTheRestAndWriteTheNamedRejectsFileWhenSkipping() throws Exception {
        try (TestDatabase flask = FlaskTutorialDatabase.create(Dialect.SQLITE);
                TestDatabase target = TestDatabase.sqlite()) {
            Path rejects = directory.resolve("rejected.jsonl");

            int status = run(
                    "copy-db",
                    "--from",
                    flask.jdbcUrl(),
                    "--to",
                    target.jdbcUrl(),
                    "--skip-invalid",
                    "--rejects",
                    rejects.toString());

            assertThat(status).as(err()).isZero();
            assertThat(out()).contains("1 row rejected, listed in " + rejects);
            assertThat(Files.readString(rejects)).startsWith("{\"table\":\"comments\",\"id\":2,");
            assertThat(count(target, "users")).isEqualTo(2);
        }
    }

    @Test
    void shouldWriteTheRejectsToTheDefaultFileWhenSkippingWithoutRejects() throws Exception {
        Path defaultFile = Path.of(CopyDbCommand.DEFAULT_REJECTS);
        try (TestDatabase flask = FlaskTutorialDatabase.create(Dialect.SQLITE);
                TestDatabase target = TestDatabase.sqlite()) {
            int status = run("copy-db", "--from", flask.jdbcUrl(), "--to", target.jdbcUrl(), "--skip-invalid");

            assertThat(status).as(err()).isZero();
            assertThat(out()).contains("1 row rejected, listed in " + CopyDbCommand.DEFAULT_REJECTS);
            assertThat(Files.readAllLines(defaultFile))
                    .singleElement()
                    .asString()
                    .contains("post_id is NULL");
        } finally {
            Files.deleteIfExists(defaultFile);
        }
    }

    @Test
    void shouldExit2WhenTheSourceSqliteFileDoesNotExist() {
        Path missing = directory.resolve("nothing-here.db");

        assertThat(run("copy-db", "--from", "sqlite:///" + missing, "--to", "jdbc:sqlite:" + directory.resolve("t.db")))
                .isEqualTo(2);
        assertThat(err()).contains("copy-db: --from: ", "does not exist", missing.toString());
        assertThat(missing).doesNotExist();
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void shouldExit2WhenFromAndToAreOneDatabaseUnderTwoUrls(Dialect dialect) throws Exception {
        try (TestDatabase db = TestDatabase.create(dialect, "cmdsame")) {
            try (BlogDatabase blog = db.open()) {
                blog.users().create(Fixtures.newUser("kept@example.org"));
            }
            String sameAgain = dialect == Dialect.SQLITE
                    ? db.jdbcUrl().replace("/blog.db", "/./blog.db")
                    : db.jdbcUrl() + "&ApplicationName=copy-db-test";

            assertThat(run("copy-db", "--from", db.jdbcUrl(), "--to", sameAgain, "--replace"))
                    .isEqualTo(2);
            assertThat(err()).contains("reach the same database");
            assertThat(count(db, "users")).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void shouldCopyIntoTheConfiguredDatabaseWhenToIsAbsent(Dialect dialect) throws Exception {
        try (TestDatabase source = sourceBlog();
                TestDatabase target = TestDatabase.create(dialect, "cmddefaultto")) {
            int status = run(Map.of("DATABASE_URL", target.jdbcUrl()), "copy-db", "--from", source.jdbcUrl());

            assertThat(status).as(err()).isZero();
            assertThat(count(target, "posts")).isEqualTo(1);
        }
    }

    @Test
    void shouldExit2ForAnUnknownProgressStyle() {
        assertThat(run("copy-db", "--from", "jdbc:sqlite::memory:", "--progress", "fancy"))
                .isEqualTo(2);
        assertThat(err()).contains("--progress must be auto, bar or lines, not 'fancy'");
    }

    private static long count(TestDatabase db, String table) throws Exception {
        try (Connection connection = db.connect();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
