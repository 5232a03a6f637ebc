package org.cleanblog.persistence.copy;

/**
 * A source row that the target would refuse, or that refers to such a row.
 *
 * @param table the target table the row was meant for (for the Flask tutorial, {@code posts} for {@code blog_posts})
 * @param id the row's id in the source; null when the source row has none
 * @param reason what is wrong, naming the column, e.g. "title is 300 characters long, the limit is 250"
 */
public record Reject(String table, Long id, String reason) {
    @Override
    public String toString() {
        return table + " " + (id == null ? "(no id)" : "id " + id) + ": " + reason;
    }
}
