package org.cleanblog.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The judge of {@link XssPayloadsTest} itself: it must see what a browser would run, and pass the blog's own page. */
class ExecutableMarkupTest {
    private static final String PAGE = "<!DOCTYPE html><html><head><meta charset=utf-8>"
            + "<meta name=viewport content=x><link rel=stylesheet href=/static/blog.css></head><body>"
            + "<form method=post action=/logout><input type=hidden name=csrf_token value=t></form>"
            + "<article class=post-body>%s</article></body></html>";

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<script>alert(1)</script>",
                "<img src=x onerror=alert(1)>",
                "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
                "<a href=\" JAVASCRIPT:alert(1)\">x</a>",
                "<img src=\"data:image/svg+xml,x\">",
                "<meta http-equiv=refresh content=\"0;url=https://evil.example/\">",
                "<iframe src=https://evil.example/></iframe>",
                "<form action=https://evil.example/><input name=p></form>",
                "<button formaction=javascript:alert(1)>x</button>",
                "<div style=\"width: expr/**/ession(alert(1))\">x</div>",
                "<svg><a xlink:href=javascript:alert(1)>x</a></svg>",
                "<base href=https://evil.example/>"
            })
    void shouldFindExecutableOrPhishingMarkup(String markup) {
        assertThat(ExecutableMarkup.findings(Jsoup.parse(PAGE.formatted(markup)), "test"))
                .isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<p>Hello <a href=\"https://example.org/\">there</a></p>",
                "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>",
                "<img src=\"https://example.org/x.png\" alt=\"&quot; onerror=&quot;alert(1)\">"
            })
    void shouldPassHarmlessMarkupAndTheBlogsOwnForms(String markup) {
        assertThat(ExecutableMarkup.findings(Jsoup.parse(PAGE.formatted(markup)), "test"))
                .isEmpty();
    }
}
