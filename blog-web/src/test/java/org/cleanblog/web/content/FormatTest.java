package org.cleanblog.web.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FormatTest {
    @Test
    void shouldLinkTheFirstTheLastAndTwoPagesEitherSideOfTheCurrentOne() {
        assertThat(Format.pageLinks(1, 1)).containsExactly(1);
        assertThat(Format.pageLinks(1, 10)).containsExactly(1, 2, 3, 0, 10);
        assertThat(Format.pageLinks(4, 10)).containsExactly(1, 2, 3, 4, 5, 6, 0, 10);
        assertThat(Format.pageLinks(5, 10)).containsExactly(1, 0, 3, 4, 5, 6, 7, 0, 10);
        assertThat(Format.pageLinks(10, 10)).containsExactly(1, 0, 8, 9, 10);
        assertThat(Format.pageLinks(5_000, 10_000)).containsExactly(1, 0, 4_998, 4_999, 5_000, 5_001, 5_002, 0, 10_000);
    }

    /** Every page of blogs up to 40 pages: the same links as listing each page and keeping the near ones. */
    @Test
    void shouldGiveWhatGoingThroughEveryPageGives() {
        for (int total = 1; total <= 40; total++) {
            for (int current = 1; current <= total; current++) {
                assertThat(Format.pageLinks(current, total))
                        .as("page %d of %d", current, total)
                        .isEqualTo(throughEveryPage(current, total));
            }
        }
    }

    /**
     * The largest number of pages: the links come without going through the pages in between (which would not end
     * here: a loop up to {@code Integer.MAX_VALUE} with an {@code int} never does) and without overflowing.
     */
    @Test
    void shouldLinkTheLargestNumberOfPagesWithoutGoingThroughThem() {
        int total = Integer.MAX_VALUE;
        assertThat(Format.pageLinks(1, total)).containsExactly(1, 2, 3, 0, total);
        assertThat(Format.pageLinks(total, total)).containsExactly(1, 0, total - 2, total - 1, total);
    }

    @Test
    void shouldTakeACurrentPageOutsideThePagesAsTheNearestEnd() {
        assertThat(Format.pageLinks(12, 10)).containsExactly(1, 0, 8, 9, 10);
        assertThat(Format.pageLinks(0, 10)).containsExactly(1, 2, 3, 0, 10);
    }

    /** The definition, one page at a time: first, last and near pages, one gap for each run of the others. */
    private static List<Integer> throughEveryPage(int current, int total) {
        List<Integer> links = new ArrayList<>();
        for (int n = 1; n <= total; n++) {
            if (n == 1 || n == total || Math.abs(n - current) <= 2) {
                links.add(n);
            } else if (links.get(links.size() - 1) != 0) {
                links.add(0);
            }
        }
        return links;
    }
}
