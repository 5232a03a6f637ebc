package org.cleanblog.persistence.copy;

import java.util.List;
import org.cleanblog.core.content.HtmlSanitizer;
import org.cleanblog.persistence.internal.JsoupHtmlSanitizer;

/**
 * Passes the HTML columns ({@link Column#html()}) of every row through the library's allow-list, the one the
 * repositories apply to every HTML they store: whatever the source (our own schema included, since anyone can hand
 * over a crafted {@code blog.db}), no HTML reaches the target that the current allow-list has not seen (DESIGN.md,
 * decision 8; ADR 0023). Not thread-safe; one per copy.
 */
final class HtmlAllowList {
    private final HtmlSanitizer sanitizer = new JsoupHtmlSanitizer();

    /**
     * Replaces each HTML value of {@code row} (a row of {@code table}, its own array) by its sanitised form; null and
     * {@link Invalid} values stay as they are.
     *
     * @return how many values the allow-list changed
     */
    int sanitize(TableSpec table, Object[] row) {
        int changed = 0;
        List<Column> columns = table.columns();
        for (int i = 0; i < row.length; i++) {
            if (columns.get(i).html() && row[i] instanceof String html) {
                String safe = sanitizer.sanitize(html);
                if (!safe.equals(html)) {
                    row[i] = safe;
                    changed++;
                }
            }
        }
        return changed;
    }
}
