package org.cleanblog.web.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.cleanblog.persistence.internal.JsoupHtmlSanitizer;
import org.junit.jupiter.api.Test;

/** Markdown as the blog renders it, and what the library's allow-list then keeps of it (as the repositories store). */
class MarkdownRendererTest {
    private final MarkdownRenderer markdown = new MarkdownRenderer();
    private final JsoupHtmlSanitizer sanitizer = new JsoupHtmlSanitizer();

    private String stored(String source) {
        return sanitizer.sanitize(markdown.render(source));
    }

    @Test
    void shouldRenderMarkdownWithRawHtmlAllowed() {
        assertThat(stored("# Title\n\nSome **bold** and <em>raw</em> HTML.\n\n---"))
                .isEqualTo("<h1>Title</h1>\n<p>Some <strong>bold</strong> and <em>raw</em> HTML.</p>\n<hr>\n");
    }

    @Test
    void shouldRemoveScriptsHandlersAndDangerousUrls() {
        String html = stored("<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n"
                + "[a](javascript:alert(3)) <a href=\"JaVaScRiPt:alert(4)\">b</a> <img src=\"data:image/png;base64,AA\">"
                + "\n\n<style>body{}</style><iframe src=\"https://e.example\"></iframe><form><input></form>");

        assertThat(html)
                .doesNotContainIgnoringCase("script")
                .contains("<a rel=\"nofollow\">a</a>", "<a rel=\"nofollow\">b</a>")
                .doesNotContain("onerror", "data:", "<style", "<iframe", "<form", "<input");
    }

    @Test
    void shouldKeepSafeLinksAndImagesAndMarkExternalLinksNofollow() {
        String html = stored("[site](https://example.org) [rel](/post/1) ![pic](https://example.org/a.png)");

        assertThat(html)
                .contains("<a href=\"https://example.org\" rel=\"nofollow\">site</a>")
                .contains("<a href=\"/post/1\">rel</a>")
                .contains("<img src=\"https://example.org/a.png\" alt=\"pic\">");
    }

    @Test
    void shouldGiveEmptyHtmlForEmptyInput() {
        assertThat(markdown.render("  ")).isEmpty();
        assertThat(markdown.render(null)).isEmpty();
    }

    @Test
    void shouldLeaveSanitisingToTheLibrary() {
        assertThat(markdown.render("<script>x</script>")).contains("<script>");
    }
}
