package org.cleanblog.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;

class JsoupHtmlSanitizerTest {
    private final JsoupHtmlSanitizer sanitizer = new JsoupHtmlSanitizer();

    @Test
    void shouldRemoveScriptsHandlersAndDangerousUrls() {
        String html = sanitizer.sanitize("<script>alert(1)</script><p><img src=x onerror=alert(2)></p>"
                + "<p><a href=\"javascript:alert(3)\">a</a> <a href=\"JaVaScRiPt:alert(4)\">b</a>"
                + " <img src=\"data:image/png;base64,AA\"></p>"
                + "<style>body{}</style><iframe src=\"https://e.example\"></iframe><form><input></form>");

        assertThat(html)
                .doesNotContainIgnoringCase("script")
                .contains("<a rel=\"nofollow\">a</a>", "<a rel=\"nofollow\">b</a>")
                .doesNotContain("onerror", "data:", "<style", "<iframe", "<form", "<input");
    }

    @Test
    void shouldKeepSafeMarkupRelativeLinksAndImages() {
        String html = "<h1>Title</h1>\n<p>Some <strong>bold</strong>, <del>gone</del> and <a href=\"/post/1\">rel</a>"
                + " <img src=\"https://example.org/a.png\" alt=\"pic\"></p>\n<hr>\n";

        assertThat(sanitizer.sanitize(html)).isEqualTo(html);
    }

    @Test
    void shouldGiveEmptyHtmlForBlankInputAndRefuseNull() {
        assertThat(sanitizer.sanitize("")).isEmpty();
        assertThat(sanitizer.sanitize(" \n")).isEmpty();
        assertThatNullPointerException().isThrownBy(() -> sanitizer.sanitize(null));
    }
}
