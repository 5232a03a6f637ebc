package org.cleanblog.web.content;

import org.cleanblog.core.ValidationException;
import org.cleanblog.core.internal.Check;

/**
 * Characters that XML 1.0 allows (tab, newline, carriage return, U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF).
 * Anything else, such as U+0001 or a lone surrogate, makes an Atom feed or sitemap unreadable for every reader. The
 * records of blog-core refuse such characters in every text they hold (the rule is {@code Check}'s); the feed writer
 * still drops them from data stored before that rule or imported by copy-db. Stateless, thread-safe.
 */
public final class XmlText {
    private XmlText() {}

    /** {@code text} without the characters XML 1.0 forbids; the same instance when there are none. Never null. */
    public static String clean(String text) {
        int bad = firstInvalid(text);
        if (bad < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().filter(Check::isXmlCharacter).forEach(out::appendCodePoint);
        return out.toString();
    }

    /**
     * Refuses a form field that contains a character XML 1.0 forbids, before slower work (hashing a password) runs;
     * the records of blog-core apply the same rule with the same message. A null value passes.
     *
     * @throws ValidationException naming {@code field} and the first such character, e.g. U+0001
     */
    public static void requireValid(String field, String value) {
        if (value != null) {
            Check.length(field, value, Integer.MAX_VALUE);
        }
    }

    /** The index of the first forbidden character, or -1. */
    private static int firstInvalid(String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (!Check.isXmlCharacter(cp)) {
                return i;
            }
            i += Character.charCount(cp);
        }
        return -1;
    }
}
