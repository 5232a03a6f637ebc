package org.cleanblog.persistence.copy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cleanblog.persistence.Dialect;
import org.cleanblog.persistence.testing.TestDatabase;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Rows the target would refuse, in a tutorial database, where nothing stopped them from being stored. */
class RejectPolicyTest {
    private static final String[] BAD_ROWS = {
        "INSERT INTO users (id, email, password, name) VALUES (3, 'OWNER@example.org',"
                + " 'pbkdf2:sha256:1$a$' || replace(hex(zeroblob(32)), '0', 'c'), 'Twin')",
        "INSERT INTO users (id, email, password, name) VALUES (4, 'nul@example.org', 'x', 'a' || char(0) || 'b')",
        "INSERT INTO users (id, email, password, name) VALUES (5, 'bytes@example.org', 'x', CAST(X'C328' AS TEXT))",
        "INSERT INTO blog_posts (id, author_id, title, subtitle, date, body, img_url)"
                + " VALUES (3, 1, replace(hex(zeroblob(150)), '0', 'x'), 's', 'May 1, 2021', 'b', '')",
        "INSERT INTO blog_posts (id, author_id, title, subtitle, date, body, img_url)"
                + " VALUES (4, 1, 'bad date', 's', 'yesterday', 'b', '')",
        "INSERT INTO blog_posts (id, author_id, title, subtitle, date, body, img_url)"
                + " VALUES (5, 3, 'by the twin', 's', 'May 1, 2021', 'b', '')",
        "INSERT INTO comments (id, post_id, author_id, text) VALUES (3, 1, 99, 'nobody wrote this')",
        "INSERT INTO comments (id, post_id, author_id, text) VALUES (4, 1, 2, 'fine')"
    };

    @TempDir
    Path folder;

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void shouldWriteNothingAndListEveryRejectWhenNotSkipping(Dialect dialect) throws Exception {
        try (TestDatabase flask = CopyTestData.flaskBlog(BAD_ROWS);
                TestDatabase target = TestDatabase.create(dialect, "rejectsdefault")) {
            List<Reject> heard = new ArrayList<>();

            CopyException failure = catchThrowableOfType(
                    CopyException.class,
                    () -> CopyTestData.copy(flask, target)
                            .listener(new CopyListener() {
                                @Override
                                public void rejected(Reject reject) {
                                    heard.add(reject);
                                }
                            })
                            .run());

            assertThat(failure.reason()).isEqualTo(CopyException.Reason.INVALID_ROWS);
            assertThat(failure)
                    .hasMessageContaining("8 source rows")
                    .hasMessageContaining("skip invalid rows")
                    .hasMessageNotContaining("--");
            assertThat(heard).isEqualTo(failure.rejects());
            assertThat(heard)
                    .extracting(r -> r.table() + " " + r.id())
                    .containsExactly(
                            "users 3",
                            "users 4",
                            "users 5",
                            "posts 3",
                            "posts 4",
                            "posts 5",
                            "comments 2",
                            "comments 3");
            assertThat(heard.get(0).reason()).contains("email_normalized 'owner@example.org'", "users id 1");
            assertThat(heard.get(1).reason()).contains("name contains a NUL character");
            assertThat(heard.get(2).reason()).contains("name is not valid UTF-8");
            assertThat(heard.get(3).reason()).contains("title is 300 characters long, the limit is 250");
            assertThat(heard.get(4).reason()).contains("'yesterday' is not a date like 'August 31, 2019'");
            assertThat(heard.get(5).reason()).contains("author_id 3: users has no such row (or it was rejected)");
            assertThat(heard.get(6).reason()).contains("post_id is NULL");
            assertThat(heard.get(7).reason()).contains("author_id 99");
            assertThat(CopyTestData.readAll(target).values())
                    .allSatisfy(rows -> assertThat(rows).isEmpty());
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void shouldCopyTheRestAndWriteTheRejectsFileWhenSkipping(Dialect dialect) throws Exception {
        try (TestDatabase flask = CopyTestData.flaskBlog(BAD_ROWS);
                TestDatabase target = TestDatabase.create(dialect, "rejectsskip")) {
            Path file = folder.resolve("rejects.jsonl");

            CopyReport report =
                    CopyTestData.copy(flask, target).skipInvalid(file).run();

            assertThat(report.verified()).isTrue();
            assertThat(report.rejectsFile()).isEqualTo(file);
            assertThat(report.tables())
                    .extracting(TableReport::table, TableReport::sourceRows, TableReport::rejectedRows)
                    .startsWith(
                            org.assertj.core.groups.Tuple.tuple("users", 5L, 3L),
                            org.assertj.core.groups.Tuple.tuple("posts", 4L, 3L),
                            org.assertj.core.groups.Tuple.tuple("comments", 4L, 2L));
            List<String> lines = Files.readAllLines(file);
            assertThat(lines).hasSize(8);
            assertThat(lines.get(3))
                    .isEqualTo("{\"table\":\"posts\",\"id\":3,\"reason\":\"title is 300 characters long, the limit"
                            + " is 250\"}");
            var rows = CopyTestData.readAll(target);
            assertThat(rows.get("users")).extracting(r -> r.get(0)).containsExactly(1L, 2L);
            assertThat(rows.get("posts")).extracting(r -> r.get(0)).containsExactly(1L);
            assertThat(rows.get("comments")).extracting(r -> r.get(0)).containsExactly(1L, 4L);
        }
    }
}
