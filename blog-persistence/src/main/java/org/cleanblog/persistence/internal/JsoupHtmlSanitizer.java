package org.cleanblog.persistence.internal;

import java.util.Objects;
import org.cleanblog.core.content.HtmlSanitizer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * The library's one allow-list for HTML (jsoup {@link Safelist#relaxed()} plus {@code hr}, {@code del}, {@code s}):
 * scripts, styles, frames, forms, event handler attributes and {@code javascript:}/{@code data:} URLs are removed;
 * links may use http, https, ftp and mailto and get {@code rel="nofollow"}; images load only over http or https.
 * Relative links stay relative. The repositories pass every HTML they store through it, and the data mover every HTML
 * it imports, from any source (ADR 0023).
 *
 * <p><strong>Internal:</strong> public only so that the data mover, in another package of this library, applies the
 * same list; not part of the API, and it may change in any release without notice. Thread-safe and pure.
 */
public final class JsoupHtmlSanitizer implements HtmlSanitizer {
    // Relative links are resolved against this only to check their protocol; the output keeps them relative.
    private static final String CHECK_BASE = "https://blog.invalid/";

    /**
     * The allow-list, built when the first HTML needs cleaning rather than when the blog opens: jsoup's entity tables
     * and selectors cost tens of milliseconds of CPU that start-up does not need (ADR 0036). Only read once built.
     */
    private static final class Rules {
        static final Safelist SAFELIST = Safelist.relaxed()
                .addTags("hr", "del", "s")
                .addEnforcedAttribute("a", "rel", "nofollow")
                .preserveRelativeLinks(true);
        static final Document.OutputSettings OUTPUT =
                new Document.OutputSettings().prettyPrint(false).charset("UTF-8");
    }

    /**
     * Returns {@code html} itself when it is plain enough to be exactly what the allow-list would return
     * ({@link PlainHtml}), which saves parsing most stored HTML; parses everything else.
     */
    @Override
    public String sanitize(String html) {
        Objects.requireNonNull(html, "html");
        return PlainHtml.keptAsIs(html) ? html : clean(html);
    }

    /** The full allow-list, whatever the input. */
    String clean(String html) {
        if (html.isBlank()) {
            return "";
        }
        return Jsoup.clean(html, CHECK_BASE, Rules.SAFELIST, Rules.OUTPUT);
    }
}
