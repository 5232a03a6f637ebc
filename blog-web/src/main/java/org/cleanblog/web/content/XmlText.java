package org.cleanblog.web.content;

import java.util.Locale;
import org.cleanblog.core.ValidationException;

/**
 * Characters that XML 1.0 allows (tab, newline, carriage return, U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF).
 * Anything else, such as U+0001 or a lone surrogate, makes an Atom feed or sitemap unreadable for every reader, so the
 * feed writer drops it and forms refuse it in the one-line fields that feeds carry. Stateless, thread-safe.
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
        text.codePoints().filter(XmlText::isAllowed).forEach(out::appendCodePoint);
        return out.toString();
    }

    /**
     * Refuses a form field that contains a character XML 1.0 forbids.
     *
     * @throws ValidationException naming {@code field} and the first such character, e.g. U+0001
     */
    public static void requireValid(String field, String value) {
        int bad = firstInvalid(value);
        if (bad >= 0) {
            throw new ValidationException(field + " contains the control character U+"
                    + String.format(Locale.ROOT, "%04X", value.codePointAt(bad))
                    + ", which feeds cannot carry; remove it (tabs, line breaks and printable text are fine)");
        }
    }

    /** The index of the first forbidden character, or -1. */
    private static int firstInvalid(String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (!isAllowed(cp)) {
                return i;
            }
            i += Character.charCount(cp);
        }
        return -1;
    }

    private static boolean isAllowed(int cp) {
        return cp == 0x9
                || cp == 0xA
                || cp == 0xD
                || (cp >= 0x20 && cp <= 0xD7FF)
                || (cp >= 0xE000 && cp <= 0xFFFD)
                || (cp >= 0x10000 && cp <= 0x10FFFF);
    }
}
