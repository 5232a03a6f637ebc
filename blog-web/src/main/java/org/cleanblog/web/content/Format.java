package org.cleanblog.web.content;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How the templates show dates, counts and page links. Thread-safe (stateless). */
public final class Format {
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final int PAGE_WINDOW = 2;

    private Format() {}

    /** "November 26, 2026" (UTC). */
    public static String date(Instant instant) {
        return DATE.format(instant);
    }

    /** "no comments", "1 comment", "5 comments". */
    public static String comments(long count) {
        return count == 0 ? "no comments" : count == 1 ? "1 comment" : count + " comments";
    }

    /** "its 3 comments", "its 1 comment", or "" when there are none: for sentences such as "Delete X and its …?". */
    public static String andItsComments(long count) {
        return count == 0 ? "" : " and its " + comments(count);
    }

    /**
     * The page numbers to link from page {@code current} of {@code total}: the first, the last and two either side of
     * the current one; 0 marks a gap ("…").
     */
    public static List<Integer> pageLinks(int current, int total) {
        List<Integer> links = new ArrayList<>();
        for (int n = 1; n <= total; n++) {
            boolean near = Math.abs(n - current) <= PAGE_WINDOW;
            if (n == 1 || n == total || near) {
                links.add(n);
            } else if (links.get(links.size() - 1) != 0) {
                links.add(0);
            }
        }
        return links;
    }

    /** The link to page {@code n} of the home page; page 1 is the home page itself. */
    public static String homePage(int n) {
        return n <= 1 ? "/" : "/?page=" + n;
    }
}
