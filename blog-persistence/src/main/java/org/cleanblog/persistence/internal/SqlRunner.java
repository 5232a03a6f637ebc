package org.cleanblog.persistence.internal;

import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.ibatis.cursor.Cursor;
import org.apache.ibatis.session.SqlSession;

/**
 * Where the repositories run their statements: on sessions of their own ({@link PooledSqlRunner}) or on the one
 * session of an open transaction ({@link TransactionSqlRunner}). Every method translates failures of MyBatis and the
 * driver into a {@link org.cleanblog.core.StorageException} naming {@code operation} ("create a post"); other
 * exceptions pass unchanged.
 */
interface SqlRunner {
    /** Runs read-only work. */
    <T> T read(String operation, Function<SqlSession, T> work);

    /** Runs work that changes data, committed when it returns (or with the surrounding transaction). */
    <T> T write(String operation, Function<SqlSession, T> work);

    /**
     * Streams the rows of a cursor lazily. The stream holds the cursor (and, outside a transaction, its session and
     * connection) until it is closed.
     */
    <T> Stream<T> stream(String operation, Function<SqlSession, Cursor<T>> query);
}
