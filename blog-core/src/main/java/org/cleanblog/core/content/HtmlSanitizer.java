package org.cleanblog.core.content;

/**
 * Turns untrusted HTML into HTML that is safe to show as it is (an allow-list of elements and attributes).
 * blog-persistence holds the one implementation: its repositories pass every stored HTML through it, and the data
 * mover takes it for HTML imported from the Flask tutorial's database, so imported and newly written content obey the
 * same rules.
 *
 * <p>Implementations must be thread-safe and must be pure: the same input always gives the same output.
 */
@FunctionalInterface
public interface HtmlSanitizer {
    /**
     * The safe form of {@code html}; an empty string for an empty input.
     *
     * @throws NullPointerException when {@code html} is null
     */
    String sanitize(String html);
}
