package org.cleanblog.persistence.copy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.cleanblog.core.comment.Comment;
import org.cleanblog.core.post.Post;
import org.cleanblog.core.user.User;
import org.cleanblog.persistence.BlogDatabase;
import org.cleanblog.persistence.testing.Fixtures;
import org.cleanblog.persistence.testing.TestDatabase;
import org.junit.jupiter.api.Test;

class RoundTripCopyTest {
    @Test
    void shouldGiveEqualDataWhenCopyingSqliteToPostgresqlAndBack() throws Exception {
        try (TestDatabase sqlite = TestDatabase.sqlite();
                TestDatabase postgres = TestDatabase.postgresql("roundtrip");
                TestDatabase back = TestDatabase.sqlite()) {
            try (BlogDatabase blog = sqlite.open()) {
                CopyTestData.writeBlog(blog);
            }
            Map<String, List<List<Object>>> original = CopyTestData.readAll(sqlite);

            CopyReport there = CopyTestData.copy(sqlite, postgres).run();
            CopyReport andBack = CopyTestData.copy(postgres, back).run();

            assertThat(there.verified()).isTrue();
            assertThat(andBack.verified()).isTrue();
            assertThat(CopyTestData.readAll(postgres)).isEqualTo(original);
            assertThat(CopyTestData.readAll(back)).isEqualTo(original);
            assertThat(original.get("posts")).extracting(row -> row.get(0)).containsExactly(1L, 3L);
            assertThat(there.tables())
                    .extracting(TableReport::table, TableReport::targetRows)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("users", 2L),
                            org.assertj.core.groups.Tuple.tuple("posts", 2L),
                            org.assertj.core.groups.Tuple.tuple("comments", 2L),
                            org.assertj.core.groups.Tuple.tuple("contact_messages", 1L),
                            org.assertj.core.groups.Tuple.tuple("row_counts", 5L));
            assertThat(CopyTestData.rowCounts(postgres))
                    .containsEntry("users", 2L)
                    .containsEntry("posts", 2L)
                    .containsEntry("contact_messages", 1L);
        }
    }

    @Test
    void shouldAcceptNewRowsOnPostgresqlAfterACopy() throws Exception {
        try (TestDatabase sqlite = TestDatabase.sqlite();
                TestDatabase postgres = TestDatabase.postgresql("afterwards")) {
            try (BlogDatabase blog = sqlite.open()) {
                CopyTestData.writeBlog(blog);
            }
            CopyTestData.copy(sqlite, postgres).run();

            try (BlogDatabase blog = postgres.open()) {
                User user = blog.users().create(Fixtures.newUser("new@example.org"));
                Post post = blog.posts().create(user.id(), Fixtures.content("new post"));
                Comment comment = blog.comments().create(Fixtures.comment(post.id(), user.id(), "new comment"));

                assertThat(user.id()).isEqualTo(3);
                assertThat(post.id()).isEqualTo(4);
                assertThat(comment.id()).isEqualTo(4);
                assertThat(blog.posts().count()).isEqualTo(3);
                assertThat(blog.users().count()).isEqualTo(3);
                assertThat(blog.comments().findByPost(1)).hasSize(1);
            }
        }
    }

    @Test
    void shouldNeverReuseACopiedIdOnSqliteAfterACopy() throws Exception {
        try (TestDatabase postgres = TestDatabase.postgresql("reuse");
                TestDatabase sqlite = TestDatabase.sqlite()) {
            try (BlogDatabase blog = postgres.open()) {
                CopyTestData.writeBlog(blog);
            }
            CopyTestData.copy(postgres, sqlite).run();

            try (BlogDatabase blog = sqlite.open()) {
                User user = blog.users().create(Fixtures.newUser("new@example.org"));
                blog.posts().delete(3);
                Post post = blog.posts().create(user.id(), Fixtures.content("after the newest was deleted"));

                assertThat(user.id()).isEqualTo(3);
                assertThat(post.id()).isEqualTo(4);
            }
        }
    }
}
