package org.cleanblog.web.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.cleanblog.core.user.User;
import org.cleanblog.persistence.BlogDatabase;
import org.cleanblog.persistence.testing.Fixtures;
import org.cleanblog.persistence.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real command, in a JVM of its own with a 64 MB heap, copies a blog whose post body is 80 MB (issue 9, 1.7):
 * the body is refused by the database's size check before it is read, so the row is a reject and the rest is copied.
 * Without that check the JVM runs out of memory. blog-persistence's OversizedValueTest covers both source dialects.
 */
class CopyDbOversizedValueTest {
    private static final int HUGE = 80_000_000;

    @TempDir
    Path folder;

    @Test
    void shouldRejectAnEightyMegabyteBodyWithoutReadingItIntoASixtyFourMegabyteHeap() throws Exception {
        try (TestDatabase source = TestDatabase.sqlite()) {
            try (BlogDatabase blog = source.open()) {
                User owner = blog.users().create(Fixtures.newUser("owner@example.org"));
                blog.posts().create(owner.id(), Fixtures.content("Huge"));
                blog.posts().create(owner.id(), Fixtures.content("Fine"));
            }
            try (Connection connection = source.connect();
                    Statement statement = connection.createStatement()) {
                statement.executeUpdate(
                        "UPDATE posts SET body = replace(hex(zeroblob(" + HUGE / 2 + ")), '0', 'x') WHERE id = 1");
            }
            Path target = folder.resolve("target.db");
            Path rejects = folder.resolve("rejects.jsonl");
            Path output = folder.resolve("output.txt");

            Process copy = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-Xmx64m",
                            "-cp",
                            System.getProperty("java.class.path"),
                            Main.class.getName(),
                            "copy-db",
                            "--from",
                            source.jdbcUrl(),
                            "--to",
                            "jdbc:sqlite:" + target,
                            "--skip-invalid",
                            "--rejects",
                            rejects.toString(),
                            "--progress",
                            "lines")
                    .directory(folder.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            boolean ended = copy.waitFor(3, TimeUnit.MINUTES);
            if (!ended) {
                copy.destroyForcibly().waitFor();
            }
            String printed = Files.readString(output, StandardCharsets.UTF_8);

            assertThat(ended)
                    .as("the copy ended within 3 minutes:\n%s", printed)
                    .isTrue();
            assertThat(copy.exitValue()).as(printed).isZero();
            assertThat(printed)
                    .doesNotContain("OutOfMemoryError")
                    .contains("rejected: posts id 1: body is " + HUGE + " bytes long")
                    .contains("1 row rejected, listed in " + rejects);
            assertThat(Files.readString(rejects)).contains("\"id\":1,", "bytes long");
            try (BlogDatabase blog = BlogDatabase.open("jdbc:sqlite:" + target, null, null)) {
                assertThat(blog.posts().count()).isEqualTo(1);
                assertThat(blog.posts().findById(2)).isPresent();
            }
        }
    }
}
