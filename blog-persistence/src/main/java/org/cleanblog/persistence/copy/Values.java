package org.cleanblog.persistence.copy;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.cleanblog.persistence.Dialect;
import org.cleanblog.persistence.internal.InstantTypeHandler;

/** Reads column values into their canonical Java types. */
final class Values {
    private Values() {}

    /** The value of column {@code index} as the canonical type of {@code type}, null, or an {@link Invalid}. */
    static Object read(ResultSet rs, int index, ColumnType type, Dialect db) throws SQLException {
        return switch (type) {
            case LONG -> {
                long value = rs.getLong(index);
                yield rs.wasNull() ? null : value;
            }
            case TEXT -> db == Dialect.SQLITE ? utf8(rs.getBytes(index)) : rs.getString(index);
            case BOOLEAN -> readBoolean(rs, index, db);
            case INSTANT -> db == Dialect.SQLITE ? sqliteInstant(rs.getString(index)) : postgresInstant(rs, index);
        };
    }

    /**
     * Decodes text bytes strictly. sqlite-jdbc would silently turn bytes that are not UTF-8 into U+FFFD, and the
     * copy would change the data without telling; reading the bytes makes such a row a reject instead.
     */
    static Object utf8(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        String lenient = new String(bytes, StandardCharsets.UTF_8);
        if (lenient.indexOf('\uFFFD') < 0) {
            return lenient;
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            int offset = lenient.indexOf('\uFFFD');
            return new Invalid("is not valid UTF-8 text (near character " + offset + ")");
        }
    }

    static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    /** The one SQLite encoding of instants, the repositories' own. */
    static String sqliteText(Instant instant) {
        return InstantTypeHandler.toSqliteText(instant);
    }

    /** Accepts our encoding and the other ISO-8601 forms SQLite's own date functions produce, all as UTC. */
    static Object sqliteInstant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return micros(Instant.parse(text));
        } catch (DateTimeParseException notWithZone) {
            try {
                return micros(LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException e) {
                return new Invalid("'" + text + "' is not an ISO-8601 timestamp");
            }
        }
    }

    private static Object postgresInstant(ResultSet rs, int index) throws SQLException {
        OffsetDateTime value = rs.getObject(index, OffsetDateTime.class);
        return value == null ? null : micros(value.toInstant());
    }

    private static Object readBoolean(ResultSet rs, int index, Dialect db) throws SQLException {
        if (db == Dialect.POSTGRESQL) {
            boolean value = rs.getBoolean(index);
            return rs.wasNull() ? null : value;
        }
        long value = rs.getLong(index);
        if (rs.wasNull()) {
            return null;
        }
        if (value != 0 && value != 1) {
            return new Invalid("is " + value + ", not a boolean (0 or 1)");
        }
        return value == 1;
    }
}
