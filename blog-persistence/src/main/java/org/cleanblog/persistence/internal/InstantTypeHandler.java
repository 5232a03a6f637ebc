package org.cleanblog.persistence.internal;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.apache.ibatis.type.BaseTypeHandler;
import org.apache.ibatis.type.JdbcType;
import org.cleanblog.core.StorageException;
import org.cleanblog.persistence.Dialect;

/**
 * The one mapping of {@link Instant} for both dialects. PostgreSQL stores {@code timestamptz} (bound as a UTC
 * {@link OffsetDateTime}, so the session time zone never matters); SQLite stores ISO-8601 UTC text with exactly six
 * fractional digits, so that text order is time order. Both truncate to microseconds, PostgreSQL's precision, so a
 * value reads back identically on either. Thread-safe (immutable).
 *
 * <p><strong>Internal:</strong> public only for the data mover; not part of the API, and it may change in any release
 * without notice.
 */
public final class InstantTypeHandler extends BaseTypeHandler<Instant> {
    /** {@code 2024-01-02T03:04:05.123456Z}: fixed width, so that SQLite can sort and compare it as text. */
    public static final DateTimeFormatter SQLITE_FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private final Dialect dialect;

    public InstantTypeHandler(Dialect dialect) {
        this.dialect = Objects.requireNonNull(dialect, "dialect");
    }

    /** The SQLite text form of an instant, truncated to microseconds. */
    public static String toSqliteText(Instant instant) {
        return SQLITE_FORMAT.format(instant.truncatedTo(ChronoUnit.MICROS));
    }

    @Override
    public void setNonNullParameter(PreparedStatement ps, int i, Instant parameter, JdbcType jdbcType)
            throws SQLException {
        Instant value = parameter.truncatedTo(ChronoUnit.MICROS);
        if (dialect == Dialect.SQLITE) {
            ps.setString(i, toSqliteText(value));
        } else {
            ps.setObject(i, value.atOffset(ZoneOffset.UTC));
        }
    }

    @Override
    public Instant getNullableResult(ResultSet rs, String columnName) throws SQLException {
        return dialect == Dialect.SQLITE
                ? parse(rs.getString(columnName), columnName)
                : toInstant(rs.getObject(columnName, OffsetDateTime.class));
    }

    @Override
    public Instant getNullableResult(ResultSet rs, int columnIndex) throws SQLException {
        return dialect == Dialect.SQLITE
                ? parse(rs.getString(columnIndex), "#" + columnIndex)
                : toInstant(rs.getObject(columnIndex, OffsetDateTime.class));
    }

    @Override
    public Instant getNullableResult(CallableStatement cs, int columnIndex) throws SQLException {
        return dialect == Dialect.SQLITE
                ? parse(cs.getString(columnIndex), "#" + columnIndex)
                : toInstant(cs.getObject(columnIndex, OffsetDateTime.class));
    }

    private static Instant toInstant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }

    private static Instant parse(String text, String column) {
        if (text == null) {
            return null;
        }
        try {
            // Instant.parse also accepts fewer fractional digits, so rows written by hand or by older tools still read.
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new StorageException(
                    "column " + column + " holds '" + text + "', which is not an ISO-8601 UTC time such as "
                            + "2024-01-02T03:04:05.123456Z; fix the row or re-import it with copy-db",
                    e);
        }
    }
}
