package org.cleanblog.web.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What a {@link Load} was promised and what the database holds: comments by id, with their text. */
public final class Acknowledged {
    private Acknowledged() {}

    /**
     * The comments the blog acknowledged (303 to the new comment) among {@code sent}, by id.
     *
     * @throws AssertionError when two acknowledgements name the same comment id
     */
    public static Map<Long, String> comments(List<Load.Sent> sent) {
        Map<Long, String> acknowledged = new TreeMap<>();
        for (Load.Sent s : sent) {
            if (s.acknowledged()) {
                String earlier = acknowledged.put(s.commentId(), s.comment());
                if (earlier != null) {
                    throw new AssertionError("comment " + s.commentId() + " was acknowledged twice: '" + earlier
                            + "' and '" + s.comment() + "'");
                }
            }
        }
        return acknowledged;
    }

    /** The comments stored on post {@code postId}, by id, read with plain JDBC behind the blog's back. */
    public static Map<Long, String> stored(Connection connection, long postId) throws SQLException {
        Map<Long, String> stored = new HashMap<>();
        try (connection;
                PreparedStatement query =
                        connection.prepareStatement("SELECT id, body FROM comments WHERE post_id = ?")) {
            query.setLong(1, postId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    stored.put(rows.getLong(1), rows.getString(2));
                }
            }
        }
        return new TreeMap<>(stored);
    }
}
