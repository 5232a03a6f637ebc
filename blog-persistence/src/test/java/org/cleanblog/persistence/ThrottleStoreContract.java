package org.cleanblog.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.cleanblog.persistence.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The token buckets in {@code throttle_buckets} (ADR 0030), on each dialect, with the time passed in by hand. */
abstract class ThrottleStoreContract {
    private static final long T0 = 1_700_000_000_000L;

    private final Dialect dialect;
    private TestDatabase database;
    private BlogDatabase db;

    ThrottleStoreContract(Dialect dialect) {
        this.dialect = dialect;
    }

    @BeforeEach
    void open() {
        database = TestDatabase.create(dialect, getClass().getSimpleName());
        db = database.open();
    }

    @AfterEach
    void close() {
        db.close();
        database.close();
    }

    @Test
    void shouldAllowTheBurstThenRefuseWithTheWaitUntilTheNextToken() {
        for (int i = 0; i < 3; i++) {
            assertThat(db.take("forms:a", 3, 6_000, T0)).as("take %d", i + 1).isZero();
        }
        assertThat(db.take("forms:a", 3, 6_000, T0)).isEqualTo(6_000);
        assertThat(db.take("forms:a", 3, 6_000, T0 + 1_500)).isEqualTo(4_500);
        assertThat(db.take("forms:b", 3, 6_000, T0)).as("another bucket").isZero();
    }

    @Test
    void shouldRefillOneTokenPerPeriodAndNoMoreThanTheCapacity() {
        assertThat(db.take("k", 2, 1_000, T0)).isZero();
        assertThat(db.take("k", 2, 1_000, T0)).isZero();
        assertThat(db.take("k", 2, 1_000, T0 + 999)).isEqualTo(1);
        assertThat(db.take("k", 2, 1_000, T0 + 1_000)).as("one token gained").isZero();
        assertThat(db.take("k", 2, 1_000, T0 + 1_000)).isPositive();
        // A long pause fills the bucket to its capacity, never beyond.
        assertThat(db.take("k", 2, 1_000, T0 + 100_000)).isZero();
        assertThat(db.take("k", 2, 1_000, T0 + 100_000)).isZero();
        assertThat(db.take("k", 2, 1_000, T0 + 100_000)).isPositive();
    }

    @Test
    void shouldTreatAClockBehindTheLastUseAsNoTimePassing() {
        assertThat(db.take("k", 1, 1_000, T0)).isZero();
        // Another instance whose clock is five seconds behind gains nothing by it.
        assertThat(db.take("k", 1, 1_000, T0 - 5_000)).isEqualTo(1_000);
        assertThat(db.take("k", 1, 1_000, T0 + 1_000)).isZero();
    }

    @Test
    void shouldGiveBackATokenUpToTheCapacity() {
        assertThat(db.take("k", 2, 60_000, T0)).isZero();
        assertThat(db.take("k", 2, 60_000, T0)).isZero();
        db.giveBack("k", 2);
        assertThat(db.take("k", 2, 60_000, T0)).as("the token given back").isZero();
        assertThat(db.take("k", 2, 60_000, T0)).isPositive();

        db.giveBack("k", 2);
        db.giveBack("k", 2);
        db.giveBack("k", 2);
        db.giveBack("unknown", 2);
        assertThat(db.take("k", 2, 60_000, T0)).isZero();
        assertThat(db.take("k", 2, 60_000, T0)).isZero();
        assertThat(db.take("k", 2, 60_000, T0))
                .as("never more than the capacity")
                .isPositive();
    }

    @Test
    void shouldDeleteOnlyExpiredBucketsInPassing() throws SQLException {
        try (Connection connection = database.connect();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO throttle_buckets (bucket, capacity,"
                        + " refill_millis, tokens, granted, updated_at, expires_at) VALUES (?, 1, 1000, 0, 1, 0, ?)")) {
            for (int i = 0; i < 5; i++) {
                insert.setString(1, "expired:" + i);
                insert.setLong(2, T0 - 1 - i);
                insert.executeUpdate();
                insert.setString(1, "live:" + i);
                insert.setLong(2, T0 + 1 + i);
                insert.executeUpdate();
            }
        }
        // The cleanup runs every so many calls: this many calls include at least one.
        for (int i = 0; i < 200; i++) {
            db.take("caller", 1_000, 1, T0);
        }
        assertThat(buckets()).containsExactlyInAnyOrder("caller", "live:0", "live:1", "live:2", "live:3", "live:4");
    }

    private List<String> buckets() throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection connection = database.connect();
                PreparedStatement select = connection.prepareStatement("SELECT bucket FROM throttle_buckets");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                found.add(rows.getString(1));
            }
        }
        return found;
    }
}
