package org.cleanblog.persistence.internal;

import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.ibatis.cursor.Cursor;
import org.apache.ibatis.exceptions.PersistenceException;
import org.apache.ibatis.session.SqlSession;

/**
 * Runs everything on the one session of an open transaction; committing and closing belong to whoever opened it.
 * Valid only while that transaction is open; like the session, not thread-safe.
 */
final class TransactionSqlRunner implements SqlRunner {
    private final SqlSession session;
    private boolean open = true;

    public TransactionSqlRunner(SqlSession session) {
        this.session = Objects.requireNonNull(session, "session");
    }

    /** Called by the owner when the transaction ends, so that repositories leaked out of it fail loudly. */
    public void end() {
        open = false;
    }

    @Override
    public <T> T read(String operation, Function<SqlSession, T> work) {
        return run(operation, work);
    }

    @Override
    public <T> T write(String operation, Function<SqlSession, T> work) {
        return run(operation, work);
    }

    @Override
    public <T> Stream<T> stream(String operation, Function<SqlSession, Cursor<T>> query) {
        return CursorStreams.of(operation, run(operation, query), () -> {});
    }

    private <T> T run(String operation, Function<SqlSession, T> work) {
        if (!open) {
            throw new IllegalStateException("cannot " + operation + ": the repositories of a transaction are valid "
                    + "only inside inTransaction(...); use the database's own repositories afterwards");
        }
        try {
            return work.apply(session);
        } catch (PersistenceException e) {
            throw SqlErrors.storage(operation, e);
        }
    }
}
