package org.cleanblog.persistence.internal;

import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.ibatis.cursor.Cursor;
import org.apache.ibatis.exceptions.PersistenceException;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.cleanblog.core.StorageException;
import org.cleanblog.persistence.Dialect;

/**
 * Opens a session per call. Failures of MyBatis or the driver become {@link StorageException}s; every other exception,
 * including the caller's own, passes unchanged. Reads run in auto-commit mode; writes run in one transaction each. On SQLite, writes of
 * this process take a fair lock first, so that they queue in Java instead of failing with "database is locked"; the
 * connection itself begins with {@code BEGIN IMMEDIATE} (when the pool is ours), so other processes are held off by
 * {@code busy_timeout}. Thread-safe.
 */
final class PooledSqlRunner implements SqlRunner {
    private static final long WRITE_LOCK_TIMEOUT_SECONDS = 60;

    private final SqlSessionFactory factory;
    private final Dialect dialect;
    private final ReentrantLock sqliteWriteLock = new ReentrantLock(true);
    private final ThreadLocal<Boolean> writing = ThreadLocal.withInitial(() -> false);
    private volatile boolean closed;

    public PooledSqlRunner(SqlSessionFactory factory, Dialect dialect) {
        this.factory = Objects.requireNonNull(factory, "factory");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
    }

    /**
     * From now on every call throws a {@link StorageException}: the database is gone for these repositories, as it
     * would be were the server down (so a caller's usual handling, such as an HTTP 503, applies).
     */
    void close() {
        closed = true;
    }

    private void requireOpen(String operation) {
        if (closed) {
            throw new StorageException(
                    "could not " + operation + ": the BlogDatabase was closed (open a new one)", null);
        }
    }

    @Override
    public <T> T read(String operation, Function<SqlSession, T> work) {
        requireOpen(operation);
        try (SqlSession session = factory.openSession(true)) {
            return work.apply(session);
        } catch (PersistenceException e) {
            throw SqlErrors.storage(operation, e);
        }
    }

    @Override
    public <T> T write(String operation, Function<SqlSession, T> work) {
        requireOpen(operation);
        if (writing.get()) {
            // A second connection would wait for the first one's lock, held by this very thread: a deadlock.
            throw new IllegalStateException("cannot " + operation + " while this thread is inside inTransaction(...):"
                    + " use the repositories handed to the transaction's work");
        }
        lockWrites(operation);
        writing.set(true);
        try (SqlSession session = factory.openSession(false)) {
            T result;
            try {
                result = work.apply(session);
            } catch (RuntimeException | Error e) {
                // Explicitly: MyBatis rolls back only "dirty" sessions, and closing resets auto-commit, which commits.
                session.rollback(true);
                throw e;
            }
            session.commit(true);
            return result;
        } catch (PersistenceException e) {
            throw SqlErrors.storage(operation, e);
        } finally {
            writing.remove();
            if (dialect == Dialect.SQLITE) {
                sqliteWriteLock.unlock();
            }
        }
    }

    @Override
    public <T> Stream<T> stream(String operation, Function<SqlSession, Cursor<T>> query) {
        requireOpen(operation);
        // pgjdbc streams with a fetch size only inside a transaction; SQLite streams either way, and a transaction
        // there could take the write lock.
        SqlSession session = factory.openSession(dialect == Dialect.SQLITE);
        try {
            return CursorStreams.of(operation, query.apply(session), session::close);
        } catch (RuntimeException e) {
            session.close();
            throw e instanceof PersistenceException ? SqlErrors.storage(operation, e) : e;
        }
    }

    private void lockWrites(String operation) {
        if (dialect != Dialect.SQLITE) {
            return;
        }
        try {
            if (!sqliteWriteLock.tryLock(WRITE_LOCK_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new StorageException(
                        "could not " + operation + ": other writes held the SQLite database for more than "
                                + WRITE_LOCK_TIMEOUT_SECONDS + " s; retry, or move a busy blog to PostgreSQL",
                        null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("could not " + operation + ": interrupted while waiting to write", e);
        }
    }
}
