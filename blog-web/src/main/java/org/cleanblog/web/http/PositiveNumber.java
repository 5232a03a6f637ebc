package org.cleanblog.web.http;

import java.util.OptionalLong;

/**
 * The one rule for numbers in addresses (post ids, page numbers): ASCII digits only, no sign, no leading zero, at least
 * 1, at most {@code max}. Anything else names no page, so callers answer 404. Stateless, thread-safe.
 */
final class PositiveNumber {
    private PositiveNumber() {}

    /** {@code text} as a number from 1 to {@code max}, or empty when it breaks the rule. */
    static OptionalLong parse(String text, long max) {
        // 18 digits always fit a long; anything longer is over every max we use.
        if (text == null || text.isEmpty() || text.length() > 18 || text.charAt(0) == '0') {
            return OptionalLong.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return OptionalLong.empty();
            }
        }
        long value = Long.parseLong(text);
        return value <= max ? OptionalLong.of(value) : OptionalLong.empty();
    }
}
