package org.cleanblog.persistence.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.ibatis.cursor.Cursor;
import org.apache.ibatis.session.SqlSession;
import org.cleanblog.core.StorageException;
import org.cleanblog.core.content.ContentVersion;
import org.cleanblog.core.internal.Check;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The content version in the one row of {@code content_version} (migration V5, ADR 0034), which triggers on
 * {@code users}, {@code posts} and {@code comments} bump with every write, and the listeners told of this process's
 * own writes. Thread-safe.
 */
final class SqlContentVersion implements ContentVersion {
    private static final Logger LOG = LoggerFactory.getLogger(SqlContentVersion.class);
    private static final String READ = "SELECT version FROM content_version WHERE id = 1";

    private final SqlRunner runner;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    SqlContentVersion(SqlRunner runner) {
        this.runner = runner;
    }

    @Override
    public long readContentVersion() {
        return runner.read("read the content version", session -> {
            try (PreparedStatement statement = session.getConnection().prepareStatement(READ);
                    ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    throw new StorageException(
                            "the table content_version has lost its row, so changes can no longer be seen: insert it"
                                    + " again (INSERT INTO content_version (id, version) VALUES (1, 1))",
                            null);
                }
                return row.getLong(1);
            } catch (SQLException e) {
                throw new StorageException("could not read the content version: " + e.getMessage(), e);
            }
        });
    }

    @Override
    public void whenContentWrittenHere(Runnable listener) {
        Check.notNull("listener", listener);
        listeners.add(listener);
    }

    /** Tells every listener that this process wrote (or tried to write) users, posts or comments. */
    void written() {
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                // The write has committed; a listener's failure must not turn it into an error for the writer.
                LOG.warn("a content version listener failed", e);
            }
        }
    }

    /** {@code runner} that tells the listeners after each write, whether it committed or failed. */
    SqlRunner notifying(SqlRunner runner) {
        return new SqlRunner() {
            @Override
            public <T> T read(String operation, Function<SqlSession, T> work) {
                return runner.read(operation, work);
            }

            @Override
            public <T> T write(String operation, Function<SqlSession, T> work) {
                try {
                    return runner.write(operation, work);
                } finally {
                    written();
                }
            }

            @Override
            public <T> Stream<T> stream(String operation, Function<SqlSession, Cursor<T>> query) {
                return runner.stream(operation, query);
            }
        };
    }
}
