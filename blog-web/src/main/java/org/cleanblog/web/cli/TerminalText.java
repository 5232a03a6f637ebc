package org.cleanblog.web.cli;

import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The one escaping rule for what the commands (copy-db, admin) print to a terminal or a log, which quotes values of
 * a database nobody vetted (rejected rows name e-mails, titles, image URLs; errors name its tables; admin lists
 * stored names): control characters (C0, DEL
 * and C1, among them ESC and BEL, which a terminal obeys as commands), the bidirectional overrides and isolates that
 * reorder what a reader sees, and the Unicode line separators are shown as {@code \u001B}-style escapes (line feed,
 * carriage return and tab as {@code \n}, {@code \r}, {@code \t}). Stateless and thread-safe.
 */
final class TerminalText {
    private TerminalText() {}

    /** {@code text} on one line, every character the rule names escaped; null is "null". */
    static String escape(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (needsEscape(c)) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                out.append(escaped(c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    /**
     * {@code text} with its line breaks kept (for a report or a message that has several lines by design), each
     * line escaped as by {@link #escape}.
     */
    static String escapeLines(String text) {
        if (text == null) {
            return "null";
        }
        return text.lines().map(TerminalText::escape).collect(Collectors.joining(System.lineSeparator()));
    }

    private static boolean needsEscape(char c) {
        return c < 0x20
                || (c >= 0x7F && c <= 0x9F)
                || c == '\u061C'
                || c == '\u200E'
                || c == '\u200F'
                || (c >= '\u2028' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069');
    }

    private static String escaped(char c) {
        return switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> String.format(Locale.ROOT, "\\u%04X", (int) c);
        };
    }
}
