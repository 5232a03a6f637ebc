package org.cleanblog.web.content;

import org.cleanblog.core.content.HtmlSanitizer;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Turns what authors write (CommonMark, raw HTML allowed) into HTML that is safe to show as it is, by passing the
 * rendered HTML through the {@link HtmlSanitizer}. Runs once, when a post or comment is written; pages show the stored
 * result.
 *
 * <p>Thread-safe.
 */
public final class MarkdownRenderer {
    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer =
            HtmlRenderer.builder().escapeHtml(false).build();
    private final HtmlSanitizer sanitizer;

    public MarkdownRenderer(HtmlSanitizer sanitizer) {
        this.sanitizer = sanitizer;
    }

    /** Sanitised HTML for {@code markdown}; an empty string for null or blank input. */
    public String render(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        return sanitizer.sanitize(renderer.render(parser.parse(markdown)));
    }
}
