package org.cleanblog.web.content;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Turns what authors write (CommonMark, raw HTML allowed) into HTML. Runs once, when a post or comment is written;
 * the repositories of blog-persistence sanitise that HTML with the library's allow-list as they store it, and pages
 * show the stored result. The output of this class alone is <em>not</em> safe to show.
 *
 * <p>Thread-safe.
 */
public final class MarkdownRenderer {
    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer =
            HtmlRenderer.builder().escapeHtml(false).build();

    /** Unsanitised HTML for {@code markdown}; an empty string for null or blank input. */
    public String render(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        return renderer.render(parser.parse(markdown));
    }
}
