package org.cleanblog.persistence.internal;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.cleanblog.core.StorageException;

/**
 * Classifies the exceptions of both drivers without compiling against either (they are runtime dependencies that a
 * consumer may exclude). PostgreSQL reports SQLSTATEs; sqlite-jdbc reports its extended result code by name in the
 * message, for example {@code [SQLITE_CONSTRAINT_UNIQUE]}.
 */
final class SqlErrors {
    private static final String PG_UNIQUE_VIOLATION = "23505";
    private static final String PG_FOREIGN_KEY_VIOLATION = "23503";

    private SqlErrors() {}

    /** Whether {@code failure} was caused by a unique or primary key constraint. */
    public static boolean isUniqueViolation(Throwable failure) {
        SQLException sql = sqlCause(failure);
        return sql != null
                && (PG_UNIQUE_VIOLATION.equals(sql.getSQLState())
                        || messageHas(sql, "SQLITE_CONSTRAINT_UNIQUE")
                        || messageHas(sql, "SQLITE_CONSTRAINT_PRIMARYKEY"));
    }

    /** Whether {@code failure} was caused by a foreign key constraint. */
    public static boolean isForeignKeyViolation(Throwable failure) {
        SQLException sql = sqlCause(failure);
        return sql != null
                && (PG_FOREIGN_KEY_VIOLATION.equals(sql.getSQLState())
                        || messageHas(sql, "SQLITE_CONSTRAINT_FOREIGNKEY"));
    }

    /** A {@link StorageException} for a failed {@code operation} ("create a post"), naming the database's reason. */
    public static StorageException storage(String operation, Throwable failure) {
        SQLException sql = sqlCause(failure);
        String reason = sql != null ? sql.getMessage() : String.valueOf(failure.getMessage());
        String hint = isConnectionFailure(sql) ? " (is the database running and reachable?)" : "";
        return new StorageException("could not " + operation + ": " + reason + hint, failure);
    }

    /** The database's own message for {@code failure}, or its Java message when no SQL exception caused it. */
    public static String message(Throwable failure) {
        SQLException sql = sqlCause(failure);
        return String.valueOf(sql != null ? sql.getMessage() : failure.getMessage());
    }

    private static boolean isConnectionFailure(SQLException sql) {
        if (sql == null) {
            return false;
        }
        String state = sql.getSQLState();
        return sql instanceof SQLTransientConnectionException || (state != null && state.startsWith("08"));
    }

    private static boolean messageHas(SQLException sql, String code) {
        return sql.getMessage() != null && sql.getMessage().contains(code);
    }

    private static SQLException sqlCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
