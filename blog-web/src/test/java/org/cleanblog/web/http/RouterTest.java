package org.cleanblog.web.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How the route table binds paths to patterns: whole {@code {name}} segments, and ones with a literal suffix. */
class RouterTest {
    private final Handler post = ex -> {};
    private final Handler part = ex -> {};
    private final Router router =
            new Router().get("/post/{id}", post).get("/sitemap.xml", ex -> {}).get("/sitemap/{n}.xml", part);

    @Test
    void shouldBindAWholeSegment() {
        Router.Match match = router.match("GET", "/post/42");

        assertThat(match.handler()).isSameAs(post);
        assertThat(match.params()).isEqualTo(Map.of("id", "42"));
    }

    @Test
    void shouldBindASegmentWithASuffixToWhatComesBeforeTheSuffix() {
        Router.Match match = router.match("HEAD", "/sitemap/12.xml");

        assertThat(match.handler()).isSameAs(part);
        assertThat(match.params()).isEqualTo(Map.of("n", "12"));
        // The value is whatever precedes the suffix; the handler decides whether it names a page.
        assertThat(router.match("GET", "/sitemap/a.b.xml").params()).isEqualTo(Map.of("n", "a.b"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/sitemap/.xml", "/sitemap/12", "/sitemap/12.json", "/sitemap/12.xml/", "/sitemap/xml"})
    void shouldNotMatchASegmentWithoutTheSuffixOrWithNothingBeforeIt(String path) {
        assertThatThrownBy(() -> router.match("GET", path))
                .isInstanceOfSatisfying(
                        HttpError.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void shouldListAPatternWithASuffixAsDeclared() {
        assertThat(router.routes()).containsExactly("GET /post/{id}", "GET /sitemap.xml", "GET /sitemap/{n}.xml");
    }
}
