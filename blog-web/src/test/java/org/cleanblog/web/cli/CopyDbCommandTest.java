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
import org.cleanblog.persistence.copy.CopyException;
import org.cleanblog.persistence.testing.Fixtures;
import org.cleanblog.persistence.testing.FlaskTutorialDatabase;
import org.cleanblog.persistence.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The copy-db command end to end: options, exit statuses, and what it prints where. What the copy itself refuses or
 * does (a non-empty target, one database under two URLs, rejected rows) is tested on both dialects in
 * blog-persistence; here, once, how the command reports it.
 */
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

    @Test
    void shouldExit2NamingReplaceWhenTheTargetHoldsData() throws Exception {
        try (TestDatabase source = sourceBlog();
                TestDatabase target = TestDatabase.sqlite()) {
            try (BlogDatabase blog = target.open()) {
                blog.users().create(Fixtures.newUser("already@example.org"));
            }

            assertThat(run("copy-db", "--from", source.jdbcUrl(), "--to", target.jdbcUrl()))
                    .isEqualTo(2);
            assertThat(err().lines())
                    .singleElement()
                    .satisfies(line -> assertThat(line)
                            .startsWith("copy-db: the target already holds data")
                            .endsWith("(--replace)"));
            assertThat(out()).isEmpty();

            assertThat(run("copy-db", "--from", source.jdbcUrl(), "--to", target.jdbcUrl(), "--replace"))
                    .isZero();
        }
    }

    @Test
    void shouldExit1AndListTheRejectsNamingSkipInvalidWhenNotSkipping() throws Exception {
        try (TestDatabase flask = FlaskTutorialDatabase.create(Dialect.SQLITE);
                TestDatabase target = TestDatabase.sqlite()) {
            assertThat(run("copy-db", "--from", flask.jdbcUrl(), "--to", target.jdbcUrl(), "--progress", "lines"))
                    .isEqualTo(1);
            assertThat(err())
                    .contains("rejected: comments id 2: post_id is NULL")
                    .contains("copy-db: 1 source row would be refused by the target", "--skip-invalid");
            assertThat(out()).isEmpty();
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

    @Test
    void shouldExit2NamingFromAndToWhenTheyAreOneDatabase() throws Exception {
        try (TestDatabase db = sourceBlog()) {
            String sameAgain = db.jdbcUrl().replace("/blog.db", "/./blog.db");

            assertThat(run("copy-db", "--from", db.jdbcUrl(), "--to", sameAgain, "--replace"))
                    .isEqualTo(2);
            assertThat(err()).startsWith("copy-db: --from and --to: ").contains("reach the same database");
        }
    }

    @Test
    void shouldCopyIntoTheConfiguredDatabaseWhenToIsAbsent() throws Exception {
        try (TestDatabase source = sourceBlog();
                TestDatabase target = TestDatabase.sqlite()) {
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

    @Test
    void shouldExit2WhenRejectsIsGivenWithoutSkipInvalid() {
        assertThat(run("copy-db", "--from", "jdbc:sqlite::memory:", "--rejects", "r.jsonl"))
                .isEqualTo(2);
        assertThat(err().lines())
                .singleElement()
                .asString()
                .startsWith("copy-db: --rejects FILE only makes sense with --skip-invalid");
    }

    @Test
    void shouldExit2WhenAnOptionLacksItsValue() {
        assertThat(run("copy-db", "--from")).isEqualTo(2);
        assertThat(err().lines()).singleElement().asString().startsWith("copy-db: --from needs a value");
    }

    @Test
    void shouldListEveryOptionInItsHelp() {
        assertThat(run("copy-db", "--help")).isZero();
        assertThat(out())
                .contains("--from=URL", "--to=URL", "--replace", "--skip-invalid", "--rejects=FILE", "--progress=STYLE")
                .contains(CopyDbCommand.DEFAULT_REJECTS);
        assertThat(err()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(CopyException.Reason.class)
    void shouldExit2OnlyWhenTheCommandLineMustChange(CopyException.Reason reason) {
        boolean usage = switch (reason) {
            case UNSUPPORTED_DATABASE, SOURCE_NOT_FOUND, UNKNOWN_SOURCE, SAME_DATABASE, TARGET_NOT_EMPTY -> true;
            default -> false;
        };

        assertThat(CopyDbCommand.exitStatus(reason)).isEqualTo(usage ? 2 : 1);
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
