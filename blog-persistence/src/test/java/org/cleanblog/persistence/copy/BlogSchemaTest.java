package org.cleanblog.persistence.copy;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.cleanblog.core.comment.NewComment;
import org.cleanblog.core.post.PostContent;
import org.cleanblog.persistence.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/** The copy's length checks are the PostgreSQL migration's limits, so that a reject means "PostgreSQL refuses it". */
class BlogSchemaTest {
    @Test
    void shouldCheckExactlyTheLengthsThatPostgresqlEnforces() throws Exception {
        try (TestDatabase db = TestDatabase.postgresql("schemalengths")) {
            db.open().close();
            Map<String, Integer> enforced = new HashMap<>();
            try (Connection connection = db.connect();
                    Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT table_name, column_name, character_maximum_length"
                            + " FROM information_schema.columns WHERE table_schema = current_schema()"
                            + " AND data_type IN ('character varying', 'text')")) {
                while (rs.next()) {
                    int max = rs.getInt(3);
                    boolean unlimited = rs.wasNull();
                    enforced.put(rs.getString(1) + "." + rs.getString(2), unlimited ? Integer.MAX_VALUE : max);
                }
            }

            Map<String, Integer> checked = new HashMap<>();
            for (TableSpec table : BlogSchema.TABLES) {
                for (Column column : table.columns()) {
                    if (column.type() == ColumnType.TEXT) {
                        checked.put(table.name() + "." + column.name(), column.maxLength());
                    }
                }
            }
            enforced.keySet()
                    .removeIf(name -> !BlogSchema.table(name.substring(0, name.indexOf('.')))
                            .isPresent());
            // Where PostgreSQL's text has no limit, blog-core's records have one, and the copy checks that instead.
            Map<String, Integer> expected = new HashMap<>(enforced);
            expected.putAll(Map.of(
                    "posts.body", PostContent.MAX_BODY_LENGTH,
                    "posts.body_html", PostContent.MAX_BODY_HTML_LENGTH,
                    "comments.body", NewComment.MAX_BODY_LENGTH,
                    "comments.body_html", NewComment.MAX_BODY_HTML_LENGTH));
            assertThat(checked).isEqualTo(expected).doesNotContainValue(Integer.MAX_VALUE);
        }
    }
}
