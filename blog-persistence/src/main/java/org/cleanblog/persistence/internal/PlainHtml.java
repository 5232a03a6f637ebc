package org.cleanblog.persistence.internal;

/**
 * Recognises, in one pass over its characters, HTML the allow-list would return exactly as it is, so that
 * {@link JsoupHtmlSanitizer} need not parse it: CKEditor's and Markdown's plainest output, paragraphs of text with
 * emphasis, which is most of what a blog stores (a million imported comments, say). The grammar is deliberately
 * narrow, narrow enough that identity can be checked character by character against the full allow-list
 * ({@code PlainHtmlTest} does, for every character and for generated and hostile inputs):
 *
 * <ul>
 *   <li>tags only {@code <p>}, {@code </p>}, {@code <em>}, {@code </em>}, {@code <strong>}, {@code </strong>}, in
 *       lower case, without attributes or spaces: all of them allowed; {@code <p>} only outside any other element
 *       (a paragraph in a paragraph or in emphasis is one the parser would move), {@code <em>} and {@code <strong>}
 *       not inside themselves, every element closed, in order;
 *   <li>text without {@code <}, {@code >}, {@code &} (which the output escapes, or which would start a tag or a
 *       character reference), without control characters other than tab and line feed, without non-breaking or
 *       other non-ASCII spaces, without surrogates (so no character outside the Basic Multilingual Plane), and
 *       without the non-characters U+FFFE and U+FFFF;
 *   <li>no white space at the start or the end (a blank input becomes the empty string).
 * </ul>
 *
 * Anything else, harmless or not, goes through the full allow-list.
 */
final class PlainHtml {
    private static final String[] TAGS = {"<p>", "</p>", "<em>", "</em>", "<strong>", "</strong>"};

    private PlainHtml() {}

    /** Whether the allow-list would return {@code html} unchanged, by the grammar above; false when unsure. */
    static boolean keptAsIs(String html) {
        int length = html.length();
        if (length == 0 || Character.isWhitespace(html.charAt(0)) || Character.isWhitespace(html.charAt(length - 1))) {
            return false;
        }
        // The open elements, innermost last: at most <p>, <em>, <strong>, each as its index in TAGS / 2.
        int[] open = new int[3];
        int depth = 0;
        int i = 0;
        while (i < length) {
            char c = html.charAt(i);
            if (c != '<') {
                if (!plainText(c)) {
                    return false;
                }
                i++;
                continue;
            }
            int tag = tagAt(html, i);
            if (tag < 0) {
                return false;
            }
            int element = tag / 2;
            if (tag % 2 == 0) {
                boolean paragraph = element == 0;
                if ((paragraph && depth > 0) || isOpen(open, depth, element)) {
                    return false;
                }
                open[depth++] = element;
            } else {
                if (depth == 0 || open[depth - 1] != element) {
                    return false;
                }
                depth--;
            }
            i += TAGS[tag].length();
        }
        return depth == 0;
    }

    /** The index in {@link #TAGS} of the tag that starts at {@code i}, or -1. */
    private static int tagAt(String html, int i) {
        for (int tag = 0; tag < TAGS.length; tag++) {
            if (html.startsWith(TAGS[tag], i)) {
                return tag;
            }
        }
        return -1;
    }

    private static boolean isOpen(int[] open, int depth, int element) {
        for (int i = 0; i < depth; i++) {
            if (open[i] == element) {
                return true;
            }
        }
        return false;
    }

    private static boolean plainText(char c) {
        if (c < 0x80) {
            return (c >= 0x20 && c < 0x7f && c != '<' && c != '>' && c != '&') || c == '\t' || c == '\n';
        }
        return c > 0xa0
                && !Character.isSurrogate(c)
                && !Character.isWhitespace(c)
                && !Character.isSpaceChar(c)
                && c != '\ufffe'
                && c != '\uffff';
    }
}
