package org.cleanblog.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link PlainHtml} may only say "kept as it is" of HTML the full allow-list returns unchanged: checked here against
 * {@link JsoupHtmlSanitizer#clean} for every UTF-16 character in several places, for generated inputs built from
 * tags, near-tags and awkward characters, and for the XSS payloads. Each test also checks that the fast path said yes
 * often enough to have been tested at all.
 */
class PlainHtmlTest {
    private final JsoupHtmlSanitizer sanitizer = new JsoupHtmlSanitizer();

    @Test
    void shouldKeepOnlyCharactersTheAllowListKeepsWhereverTheyStand() {
        int kept = 0;
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            String ch = String.valueOf((char) c);
            for (String html : List.of(
                    ch,
                    "<p>a" + ch + "b</p>",
                    "<p>" + ch + "</p>",
                    "<em>" + ch + ch + "</em>",
                    "x<strong>y</strong>" + ch + "<p>z</p>",
                    "<p><em>" + ch + "</em><strong>" + ch + "</strong></p>")) {
                kept += checked(html);
            }
        }
        assertThat(kept).as("inputs the fast path kept").isGreaterThan(6 * 60_000);
    }

    @Test
    void shouldAgreeWithTheAllowListOnGeneratedHtml() {
        List<String> pieces = List.of(
                "<p>",
                "</p>",
                "<em>",
                "</em>",
                "<strong>",
                "</strong>",
                "<P>",
                "<p >",
                "<p/>",
                "<b>",
                "</b>",
                "<br>",
                "<i>",
                "<div>",
                "</div>",
                "<em",
                "</em",
                "strong>",
                "<",
                ">",
                "&",
                "&amp;",
                "&lt;",
                "&#60;",
                "a",
                "b c",
                " ",
                "\t",
                "\n",
                "\r",
                "\r\n",
                "\f",
                "\0",
                "\u00a0",
                "\u3000",
                "\u2028",
                "é",
                "✓",
                "\ud83d\ude00",
                "\ud83d",
                "\ufeff",
                "\ufffd",
                "\"",
                "'",
                "=",
                "<!--",
                "-->",
                "<script>",
                "</script>",
                "<a href=x>",
                "</a>",
                "<![CDATA[",
                "]]>",
                "<?",
                "javascript:alert(1)",
                "<img src=x onerror=alert(1)>",
                "/");
        Random random = new Random(20261129);
        int kept = 0;
        for (int n = 0; n < 300_000; n++) {
            StringBuilder html = new StringBuilder();
            int count = random.nextInt(10);
            for (int i = 0; i < count; i++) {
                // Mostly the grammar's own pieces, so that many inputs get far into it.
                int range = random.nextInt(3) == 0 ? pieces.size() : 6;
                html.append(random.nextInt(4) == 0 ? "text" : pieces.get(random.nextInt(range)));
            }
            kept += checked(html.toString());
        }
        assertThat(kept).as("generated inputs the fast path kept").isGreaterThan(10_000);
    }

    @Test
    void shouldAgreeWithTheAllowListOnXssPayloads() throws IOException {
        int kept = 0;
        for (String payload : payloads()) {
            for (String html : List.of(payload, "<p>" + payload + "</p>", "<p>a</p>" + payload, "<em>" + payload)) {
                kept += checked(html);
            }
        }
        // Hand-picked: what the blog's own tests and CKEditor produce.
        for (String html : List.of(
                "<p>Some <strong>CKEditor</strong> text for post 1.</p><p>xxxx</p>",
                "<p>Comment 1 with a tab\tand a \\ backslash, é ✓ and <em>some</em> more words.</p>",
                "<p>one</p>\n<p>two <em>and <strong>three</strong></em></p>",
                "plain text",
                "<em>a</em><strong>b</strong>")) {
            assertThat(PlainHtml.keptAsIs(html)).as(html).isTrue();
            kept += checked(html);
        }
        assertThat(kept).as("payloads the fast path kept").isGreaterThanOrEqualTo(5);
    }

    @Test
    void shouldLeaveToTheAllowListWhatItWouldChange() {
        for (String html : List.of(
                "",
                " ",
                "<p>a</p>\n",
                " <p>a</p>",
                "<p>a<p>b</p></p>",
                "<em><p>a</p></em>",
                "<em><em>a</em></em>",
                "<p>a",
                "a</p>",
                "<p><em>a</p></em>",
                "<p>a &amp; b</p>",
                "<p>a > b</p>",
                "<p>a\u00a0b</p>",
                "<p>a\rb</p>",
                "<P>a</P>",
                "<p class=x>a</p>",
                "<script>alert(1)</script>",
                "\ud83d\ude00")) {
            assertThat(PlainHtml.keptAsIs(html)).as("%s", html).isFalse();
        }
    }

    /** 1 when the fast path kept {@code html}, after checking that the allow-list keeps it too; 0 otherwise. */
    private int checked(String html) {
        if (!PlainHtml.keptAsIs(html)) {
            return 0;
        }
        assertThat(sanitizer.clean(html))
                .as("the allow-list's output for %s", escaped(html))
                .isEqualTo(html);
        assertThat(sanitizer.sanitize(html)).isSameAs(html);
        return 1;
    }

    private static String escaped(String html) {
        StringBuilder out = new StringBuilder();
        html.chars().forEach(c -> out.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : (char) c));
        return out.toString();
    }

    private static List<String> payloads() throws IOException {
        List<String> payloads = new ArrayList<>();
        try (InputStream in = Objects.requireNonNull(
                        PlainHtmlTest.class.getResourceAsStream("/org/cleanblog/persistence/testing/xss-payloads.txt"),
                        "xss-payloads.txt");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isEmpty() && !line.startsWith("#")) {
                    payloads.add(line);
                }
            }
        }
        assertThat(payloads).hasSizeGreaterThan(50);
        return payloads;
    }
}
