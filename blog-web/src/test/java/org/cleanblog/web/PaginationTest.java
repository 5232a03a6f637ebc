package org.cleanblog.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.cleanblog.core.post.PostContent;
import org.cleanblog.persistence.Dialect;
import org.cleanblog.web.support.BlogHttpTest;
import org.cleanblog.web.support.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

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
    }
}
