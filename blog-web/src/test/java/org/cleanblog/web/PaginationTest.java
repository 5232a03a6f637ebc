package org.cleanblog.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.cleanblog.core.post.PostContent;
import org.cleanblog.persistence.Dialect;
import org.cleanblog.web.support.BlogHttpTest;
import org.cleanblog.web.support.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PaginationTest {
    @Nested
    class OnSqlite extends Cases {
        OnSqlite() {
            super(Dialect.SQLITE);
        }
    }

    @Nested
    class OnPostgresql extends Cases {
        OnPostgresql() {
            super(Dialect.POSTGRESQL);
        }
    }

    abstract static class Cases extends BlogHttpTest {
        Cases(Dialect dialect) {
            super(dialect);
        }

        @BeforeAll
        void writeTwentyThreePosts() {
            long authorId = blog.db()
                    .users()
                    .findByEmail("ada@example.org")
                    .orElseThrow()
                    .id();
            for (int i = 1; i <= 23; i++) {
                blog.db().posts().create(authorId, new PostContent("Post number " + i, "", "", "Body", "<p>Body</p>"));
            }
        }

        @Test
        void shouldShowTenPostsNewestFirstWithLinksToOlderPages() {
            Response first = blog.browser().get("/");

            assertThat(first.count("class=\"post-preview\"")).isEqualTo(10);
            assertThat(first.body().indexOf("Post number 23"))
                    .isLessThan(first.body().indexOf("Post number 14"));
            assertThat(first.body())
                    .doesNotContain("Post number 13<")
                    .contains("href=\"/?page=2\"", "href=\"/?page=3\"", "Older posts")
                    .doesNotContain("Newer posts");
        }

        @Test
        void shouldShowTheRestOnTheLastPage() {
            Response second = blog.browser().get("/?page=2");
            Response last = blog.browser().get("/?page=3");

            assertThat(second.count("class=\"post-preview\"")).isEqualTo(10);
            assertThat(second.body()).contains("Post number 13<", "Newer posts", "Older posts");
            assertThat(last.count("class=\"post-preview\"")).isEqualTo(3);
            assertThat(last.body()).contains("Post number 1<", "Newer posts").doesNotContain("Older posts");
        }

        @Test
        void shouldAnswer404PastTheLastPage() {
            assertThat(blog.browser().get("/?page=4").status()).isEqualTo(404);
        }

        /** One rule for page numbers and ids: ASCII digits, no leading zero, at least 1; anything else is a 404. */
        @ParameterizedTest
        @ValueSource(
                strings = {
                    "/?page=0",
                    "/?page=00",
                    "/?page=01",
                    "/?page=%EF%BC%91",
                    "/?page=+1",
                    "/?page=-1",
                    "/?page=",
                    "/?page=1.0",
                    "/?page=99999999999999999999",
                    "/post/01",
                    "/post/%EF%BC%91",
                    "/post/+1",
                    "/messages?page=00",
                    "/messages?page=01",
                    "/messages?page=0",
                    "/messages?page=%D9%A1"
                })
        void shouldAnswer404ForEveryNumberThatBreaksTheRule(String path) {
            assertThat(admin.get(path).status()).as(path).isEqualTo(404);
        }

        @Test
        void shouldAcceptPlainPageNumbersEverywhere() {
            assertThat(admin.get("/?page=1").status()).isEqualTo(200);
            assertThat(admin.get("/messages?page=1").status()).isEqualTo(200);
        }
    }
}
