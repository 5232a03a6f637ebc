package org.cleanblog.persistence.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.ibatis.session.SqlSession;
import org.cleanblog.core.StorageException;
import org.cleanblog.core.internal.Check;
import org.cleanblog.core.throttle.ThrottleStore;
import org.cleanblog.persistence.Dialect;

/**
 * Token buckets in the table {@code throttle_buckets} (ADR 0030): one upsert per {@link #take}, which refills, takes
 * and reports in the database, so that instances on one database share every bucket. Every {@value #CLEANUP_EVERY}th
 * call also deletes at most {@value #CLEANUP_BATCH} expired rows found through the index on {@code expires_at}; a row
 * expires once its bucket would be full again, when forgetting it changes nothing. Thread-safe; no state per bucket in
 * memory.
 */
final class SqlThrottleStore implements ThrottleStore {
    static final int CLEANUP_EVERY = 64;
    static final int CLEANUP_BATCH = 100;

    // {R}, the refilled tokens, appears three times: every SET expression sees the row as it was before the update.
    private static final String REFILLED_POSTGRESQL =
            "LEAST(excluded.capacity, b.tokens + GREATEST(0, excluded.updated_at"
                    + " - b.updated_at) / CAST(excluded.refill_millis AS DOUBLE PRECISION))";
    private static final String REFILLED_SQLITE = "MIN(excluded.capacity, b.tokens + MAX(0, excluded.updated_at"
            + " - b.updated_at) / CAST(excluded.refill_millis AS REAL))";
    private static final String TAKE = "INSERT INTO throttle_buckets AS b (bucket, capacity, refill_millis, tokens,"
            + " granted, updated_at, expires_at) VALUES (?, ?, ?, ?, 1, ?, ?) ON CONFLICT (bucket) DO UPDATE SET"
            + " capacity = excluded.capacity, refill_millis = excluded.refill_millis,"
            + " tokens = CASE WHEN {R} >= 1 THEN {R} - 1 ELSE {R} END, granted = CASE WHEN {R} >= 1 THEN 1 ELSE 0 END,"
            + " updated_at = %s(b.updated_at, excluded.updated_at), expires_at = excluded.expires_at"
            + " RETURNING tokens, granted";
    private static final String GIVE_BACK =
            "UPDATE throttle_buckets SET tokens = CASE WHEN tokens + 1 > capacity THEN capacity ELSE tokens + 1 END"
                    + " WHERE bucket = ?";
    private static final String DELETE_EXPIRED = "DELETE FROM throttle_buckets WHERE bucket IN"
            + " (SELECT bucket FROM throttle_buckets WHERE expires_at < ? ORDER BY expires_at LIMIT ?)";

    private final SqlRunner runner;
    private final String take;
    private final AtomicLong calls = new AtomicLong();

    SqlThrottleStore(SqlRunner runner, Dialect dialect) {
        this.runner = runner;
        this.take = dialect == Dialect.SQLITE
                ? TAKE.replace("{R}", REFILLED_SQLITE).formatted("MAX")
                : TAKE.replace("{R}", REFILLED_POSTGRESQL).formatted("GREATEST");
    }

    @Override
    public long take(String bucket, int capacity, long refillMillis, long nowMillis) {
        Check.notNull("bucket", bucket);
        if (capacity < 1 || refillMillis < 1) {
            throw new IllegalArgumentException(
                    "capacity and refillMillis must be positive, were " + capacity + " and " + refillMillis);
        }
        long wait = runner.write(
                "take a throttle token", session -> takeOne(session, bucket, capacity, refillMillis, nowMillis));
        if (calls.incrementAndGet() % CLEANUP_EVERY == 0) {
            deleteExpired(nowMillis, CLEANUP_BATCH);
        }
        return wait;
    }

    private long takeOne(SqlSession session, String bucket, int capacity, long refillMillis, long nowMillis) {
        Connection connection = session.getConnection();
        try (PreparedStatement statement = connection.prepareStatement(take)) {
            statement.setString(1, bucket);
            statement.setInt(2, capacity);
            statement.setLong(3, refillMillis);
            statement.setDouble(4, capacity - 1);
            statement.setLong(5, nowMillis);
            // By then the bucket is full again whatever it held, so its row may go.
            statement.setLong(6, nowMillis + capacity * refillMillis);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                if (row.getInt(2) == 1) {
                    return 0;
                }
                // Less a rounding error of the doubles, which would otherwise add a millisecond now and then.
                return Math.max(1, (long) Math.ceil((1 - row.getDouble(1)) * refillMillis - 1e-6));
            }
        } catch (SQLException e) {
            throw new StorageException("could not take a throttle token: " + e.getMessage(), e);
        }
    }

    @Override
    public void giveBack(String bucket, int capacity) {
        Check.notNull("bucket", bucket);
        runner.write("give back a throttle token", session -> {
            try (PreparedStatement statement = session.getConnection().prepareStatement(GIVE_BACK)) {
                statement.setString(1, bucket);
                return statement.executeUpdate();
            } catch (SQLException e) {
                throw new StorageException("could not give back a throttle token: " + e.getMessage(), e);
            }
        });
    }

    /** Deletes at most {@code limit} rows that expired before {@code nowMillis}; returns how many it deleted. */
    int deleteExpired(long nowMillis, int limit) {
        return runner.write("delete expired throttle buckets", session -> {
            try (PreparedStatement statement = session.getConnection().prepareStatement(DELETE_EXPIRED)) {
                statement.setLong(1, nowMillis);
                statement.setInt(2, limit);
                return statement.executeUpdate();
            } catch (SQLException e) {
                throw new StorageException("could not delete expired throttle buckets: " + e.getMessage(), e);
            }
        });
    }
}
