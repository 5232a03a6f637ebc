package org.cleanblog.persistence.copy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.StringJoiner;
import org.cleanblog.persistence.Dialect;

/**
 * Reads rows whose text is checked for size by the database before it is sent: for a text column with a limit, the
 * select list asks for the value only when its UTF-8 encoding fits the limit (at most four bytes a character), and for
 * that size beside it ({@code octet_length}, which both dialects answer from the stored length). A value far over its
 * limit, an 80 MB body say, therefore never reaches the JVM: the row holds an {@link Invalid} naming its size, and
 * follows the reject policy. Within that bound {@link RowValidator} counts the characters exactly.
 */
final class BoundedText {
    private static final long MAX_BYTES_PER_CHARACTER = 4;

    private BoundedText() {}

    /** The select list for {@code columns}: each column, and after each bounded text column its size in bytes. */
    static String selectList(List<Column> columns) {
        StringJoiner list = new StringJoiner(", ");
        for (Column column : columns) {
            if (bounded(column)) {
                String name = column.name();
                list.add("CASE WHEN octet_length(" + name + ") <= " + maxBytes(column) + " THEN " + name + " END");
                list.add("octet_length(" + name + ")");
            } else {
                list.add(column.name());
            }
        }
        return list.toString();
    }

    /** The current row of {@code rs}, selected with {@link #selectList}, as canonical values, null or Invalid. */
    static Object[] read(ResultSet rs, List<Column> columns, Dialect db) throws SQLException {
        Object[] row = new Object[columns.size()];
        int index = 1;
        for (int i = 0; i < row.length; i++) {
            Column column = columns.get(i);
            row[i] = Values.read(rs, index++, column.type(), db);
            if (bounded(column)) {
                long bytes = rs.getLong(index++);
                if (row[i] == null && !rs.wasNull()) {
                    row[i] = new Invalid("is " + bytes + " bytes long, more than its limit of " + column.maxLength()
                            + " characters allows");
                }
            }
        }
        return row;
    }

    private static boolean bounded(Column column) {
        return column.type() == ColumnType.TEXT && column.maxLength() != Integer.MAX_VALUE;
    }

    private static long maxBytes(Column column) {
        return MAX_BYTES_PER_CHARACTER * column.maxLength();
    }
}
