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
     * the current one; 0 marks a gap ("…") where pages are left out. At most nine numbers, made without going through
     * the pages in between, so the cost does not grow with the number of pages ({@code current} is taken as 1 or
     * {@code total} when outside them).
     */
    public static List<Integer> pageLinks(int current, int total) {
        int from = Math.max(1, Math.min(current, total) - PAGE_WINDOW);
        int to = (int) Math.min(total, (long) Math.max(current, 1) + PAGE_WINDOW);
        List<Integer> links = new ArrayList<>(2 * PAGE_WINDOW + 5);
        if (from > 1) {
            links.add(1);
            if (from > 2) {
                links.add(0);
            }
        }
        for (long n = from; n <= to; n++) { // long: to may be Integer.MAX_VALUE
            links.add((int) n);
        }
        if (to < total) {
            if (to < total - 1) {
                links.add(0);
            }
            links.add(total);
        }
        return links;
    }

    /** The link to page {@code n} of the home page; page 1 is the home page itself. */
    public static String homePage(int n) {
        return n <= 1 ? "/" : "/?page=" + n;
    }
}
