package org.cleanblog.persistence.copy;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Writes rows with PostgreSQL's {@code COPY ... FROM STDIN} in text format: one round trip per 64 KiB instead of one
 * per row or batch, which is what makes a million comments take seconds. Runs inside the caller's transaction.
 */
final class PostgresCopySink implements RowSink {
    private static final int FLUSH_CHARS = 1 << 16;
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSSx").withZone(ZoneOffset.UTC);

    private final CopyIn copy;
    private final StringBuilder buffer = new StringBuilder(FLUSH_CHARS + 4096);

    /**
     * @param freeze whether the table was truncated in this transaction, so that its rows may be written frozen
     *     (ADR 0037)
     */
    PostgresCopySink(Connection connection, TableSpec table, boolean freeze) throws SQLException {
        String sql = "COPY " + table.name() + " (" + table.columnList() + ") FROM STDIN (FORMAT text"
                + (freeze ? ", FREEZE" : "") + ")";
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
    }

    @Override
    public void accept(Object[] row) throws SQLException {
        for (int i = 0; i < row.length; i++) {
            if (i > 0) {
                buffer.append('\t');
            }
            append(row[i]);
        }
        buffer.append('\n');
        if (buffer.length() >= FLUSH_CHARS) {
            flush();
        }
    }

    @Override
    public void finish() throws SQLException {
        flush();
        copy.endCopy();
    }

    @Override
    public void close() throws SQLException {
        if (copy.isActive()) {
            copy.cancelCopy();
        }
    }

    private void flush() throws SQLException {
        if (buffer.length() > 0) {
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            buffer.setLength(0);
        }
    }

    private void append(Object value) {
        if (value == null) {
            buffer.append("\\N");
        } else if (value instanceof String text) {
            escape(text);
        } else if (value instanceof Boolean bool) {
            buffer.append(bool ? 't' : 'f');
        } else if (value instanceof Instant instant) {
            TIMESTAMP.formatTo(instant, buffer);
        } else {
            buffer.append(value);
        }
    }

    /**
     * COPY's text format: backslash escapes for the delimiter, line ends and the backslash itself. The runs between
     * them are appended whole, not character by character.
     */
    private void escape(String text) {
        int from = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
                buffer.append(text, from, i);
                switch (c) {
                    case '\\' -> buffer.append("\\\\");
                    case '\t' -> buffer.append("\\t");
                    case '\n' -> buffer.append("\\n");
                    default -> buffer.append("\\r");
                }
                from = i + 1;
            }
        }
        buffer.append(text, from, text.length());
    }
}
