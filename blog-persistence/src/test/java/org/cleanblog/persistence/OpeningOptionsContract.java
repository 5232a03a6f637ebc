package org.cleanblog.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cleanblog.persistence.testing.Fixtures.newUser;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.ibatis.datasource.unpooled.UnpooledDataSource;
import org.cleanblog.core.BlogException;
import org.cleanblog.core.StorageException;
import org.cleanblog.core.ValidationException;
import org.cleanblog.persistence.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What {@link BlogDatabase#configure()} changes, on each dialect: the library's history table of its own beside a
 * program's own Flyway migrations (in both orders), a database of the first release, opening without migrating, the
 * pool size.
 */
abstract class OpeningOptionsContract {
    /**
     * Opening at the same moment is a race with a narrow window: before the fix, eight openers failed in about one round
     * in two on PostgreSQL.
     */
    private static final int CONCURRENT_ROUNDS = 6;

    private static final int CONCURRENT_OPENS = 8;

    private static final int OPEN_SPREAD_MILLIS = 30;

    private final Dialect dialect;
    TestDatabase database;

    OpeningOptionsContract(Dialect dialect) {
        this.dialect = dialect;
    }

    @BeforeEach
    void createDatabase() {
        database = TestDatabase.create(dialect, getClass().getSimpleName());
    }

    @AfterEach
    void removeDatabase() {
        database.close();
    }

    /** A program's own Flyway, configured as docs/persistence.md tells it to be beside the library. */
    private Flyway programsFlyway() {
        return programsFlyway(database);
    }

    private static Flyway programsFlyway(TestDatabase target) {
        return Flyway.configure()
                .dataSource(target.jdbcUrl(), null, null)
                .locations("classpath:consumer/db")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load();
    }

    @Test
    void shouldMigrateBesideAProgramsOwnFlywayThatRanFirst() throws SQLException {
        programsFlyway().migrate();

        try (BlogDatabase db = database.open()) {
            db.users().create(newUser("ada@example.org"));
        }

        assertThat(programsFlyway().validateWithResult().validationSuccessful).isTrue();
        assertThat(programsFlyway().migrate().migrationsExecuted).isZero();
        assertThat(tables()).contains("notes", "flyway_schema_history", "cleanblog_schema_history", "users");
    }

    @Test
    void shouldLetAProgramsOwnFlywayMigrateAfterIt() throws SQLException {
        try (BlogDatabase db = database.open()) {
            db.users().create(newUser("ada@example.org"));
        }

        assertThat(programsFlyway().migrate().migrationsExecuted).isEqualTo(1);

        try (BlogDatabase db = database.open()) {
            assertThat(db.users().count()).isEqualTo(1);
        }
        assertThat(tables()).contains("notes", "flyway_schema_history", "cleanblog_schema_history");
    }

    /**
     * A platform starts its instances at the same moment, each migrating on open. Flyway's lock orders them only once
     * its history table exists; before that, one instance saw the table that another had just created, still empty, and
     * failed ("Unable to baseline"). Several rounds, since the window is narrow.
     */
    @Test
    void shouldOpenWhenSeveralMigrateAnEmptyDatabaseAtTheSameMoment() throws Exception {
        List<String> once = historyOfOneOpen();
        for (int round = 0; round < CONCURRENT_ROUNDS; round++) {
            try (TestDatabase fresh = TestDatabase.create(dialect, getClass().getSimpleName())) {
                openAtTheSameMoment(fresh);

                assertThat(history(fresh)).as("round %d", round).isEqualTo(once);
            }
        }
    }

    @Test
    void shouldOpenWhenSeveralMigrateBesideAProgramsTablesAtTheSameMoment() throws Exception {
        List<String> once = historyOfOneOpen();
        for (int round = 0; round < CONCURRENT_ROUNDS / 2; round++) {
            try (TestDatabase fresh = TestDatabase.create(dialect, getClass().getSimpleName())) {
                programsFlyway(fresh).migrate();

                openAtTheSameMoment(fresh);

                // Baselined below our first version, so the history starts with the baseline marker.
                assertThat(history(fresh)).as("round %d", round).isEqualTo(withBaseline(once));
            }
        }
    }

    private static void openAtTheSameMoment(TestDatabase target) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(CONCURRENT_OPENS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Long>> opens = new ArrayList<>();
            for (int i = 0; i < CONCURRENT_OPENS; i++) {
                opens.add(threads.submit(() -> {
                    start.await();
                    // Started a few milliseconds apart, as processes are: in lock-step, they all look before any
                    // of them creates the history table, and the window stays shut.
                    Thread.sleep(ThreadLocalRandom.current().nextInt(OPEN_SPREAD_MILLIS));
                    try (BlogDatabase db = target.open()) {
                        return db.users().count();
                    }
                }));
            }
            start.countDown();
            for (Future<Long> open : opens) {
                assertThat(open.get(60, TimeUnit.SECONDS)).isZero();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private List<String> historyOfOneOpen() throws SQLException {
        try (TestDatabase reference = TestDatabase.create(dialect, getClass().getSimpleName())) {
            reference.open().close();
            return history(reference);
        }
    }

    private static List<String> withBaseline(List<String> history) {
        List<String> baselined = new ArrayList<>(List.of("0:true"));
        baselined.addAll(history);
        return baselined;
    }

    /** Each versioned row of our history as version:success, in the order applied. */
    private static List<String> history(TestDatabase target) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = target.connect();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT version, success FROM cleanblog_schema_history"
                        + " WHERE version IS NOT NULL ORDER BY installed_rank")) {
            while (result.next()) {
                rows.add(result.getString(1) + ":" + result.getBoolean(2));
            }
        }
        return rows;
    }

    @Test
    void shouldMoveTheHistoryOfTheFirstReleaseToItsOwnTableAndKeepTheData() throws SQLException {
        try (BlogDatabase db =
                BlogDatabase.configure().historyTable("flyway_schema_history").open(database.jdbcUrl(), null, null)) {
            db.users().create(newUser("ada@example.org"));
        }
        assertThat(tables()).contains("flyway_schema_history").doesNotContain("cleanblog_schema_history");

        try (BlogDatabase db = database.open()) {
            assertThat(db.users().count()).isEqualTo(1);
        }

        assertThat(tables()).contains("cleanblog_schema_history").doesNotContain("flyway_schema_history");
        assertThat(programsFlyway().migrate().migrationsExecuted).isEqualTo(1);
    }

    @Test
    void shouldRefuseToOpenWithoutMigratingWhenTheSchemaIsMissingAndSayToMigrate() throws SQLException {
        BlogDatabaseOptions noMigration = BlogDatabase.configure().migrateOnOpen(false);

        assertThatThrownBy(() -> noMigration.open(database.jdbcUrl(), null, null))
                .isInstanceOf(BlogException.class)
                .hasMessageContaining("has no Clean Blog schema yet")
                .hasMessageContaining("run the migrations first")
                .hasMessageContaining("migrate");
        assertThat(tables()).isEmpty();

        database.open().close();
        try (BlogDatabase db = noMigration.open(database.jdbcUrl(), null, null)) {
            assertThat(db.users().count()).isZero();
        }
    }

    @Test
    void shouldKeepAHistoryTableOfTheCallersChoice() throws SQLException {
        try (BlogDatabase db =
                BlogDatabase.configure().historyTable("blog_history").open(database.jdbcUrl(), null, null)) {
            db.users().create(newUser("ada@example.org"));
        }

        assertThat(tables()).contains("blog_history").doesNotContain("cleanblog_schema_history");
        assertThatThrownBy(database::open)
                .isInstanceOf(NotABlogDatabaseException.class)
                .hasMessageContaining("historyTable(")
                .hasMessageNotContaining("Flask");
    }

    @Test
    void shouldWorkWithAPoolOfOneConnection() {
        try (BlogDatabase db = BlogDatabase.configure().maximumPoolSize(1).open(database.jdbcUrl(), null, null)) {
            db.inTransaction(tx -> tx.users().create(newUser("ada@example.org")));
            assertThat(db.users().count()).isEqualTo(1);
        }
    }

    @Test
    void shouldRefuseAPoolSizeBelowOneAndAPoolSizeForACallersDataSource() {
        assertThatThrownBy(() -> BlogDatabase.configure().maximumPoolSize(0))
                .isInstanceOf(ValidationException.class)
                .hasMessage("maximumPoolSize must be 1 or more, was 0");
        assertThatThrownBy(() -> BlogDatabase.configure().historyTable("Bad-Name"))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("historyTable must be a lower-case SQL name");
        BlogDatabaseOptions sized = BlogDatabase.configure().maximumPoolSize(2);
        assertThatThrownBy(() -> sized.open(new UnpooledDataSource()))
                .isInstanceOf(BlogException.class)
                .hasMessageContaining("configure your own DataSource's pool yourself");
        assertThatThrownBy(() -> BlogDatabase.configure().poolTimeout(Duration.ofMillis(100)))
                .isInstanceOf(ValidationException.class)
                .hasMessage("poolTimeout must be 250 ms or more, was 100 ms");
        BlogDatabaseOptions patient = BlogDatabase.configure().poolTimeout(Duration.ofSeconds(3));
        assertThatThrownBy(() -> patient.open(new UnpooledDataSource()))
                .isInstanceOf(BlogException.class)
                .hasMessageContaining("configure your own DataSource's pool yourself");
    }

    /**
     * ADR 0029: a call that finds every connection lent out waits for one, beyond the 1.5 s that HikariCP waits at a
     * time on PostgreSQL (which ends a wait for a server that is down), up to the pool timeout.
     */
    @Test
    void shouldWaitForABusyPoolBeyondOneHikariWaitAndGetTheConnectionWhenItIsReturned() throws Exception {
        try (BlogDatabase db = BlogDatabase.configure()
                .maximumPoolSize(1)
                .poolTimeout(Duration.ofSeconds(60))
                .open(database.jdbcUrl(), null, null)) {
            Holder holder = Holder.takeTheOnlyConnection(db);

            CompletableFuture<Long> waiting =
                    CompletableFuture.supplyAsync(() -> db.users().count());
            // Longer than one HikariCP wait (1.5 s): a pool that gave up then would fail the call.
            Thread.sleep(2_500);
            assertThat(waiting).as("a call waiting for the only connection").isNotDone();
            holder.release();

            assertThat(waiting.get(30, TimeUnit.SECONDS)).isZero();
        }
    }

    @Test
    void shouldFailACallWithAClearReasonWhenThePoolStaysBusyForThePoolTimeout() throws Exception {
        try (BlogDatabase db = BlogDatabase.configure()
                .maximumPoolSize(1)
                .poolTimeout(Duration.ofMillis(500))
                .open(database.jdbcUrl(), null, null)) {
            Holder holder = Holder.takeTheOnlyConnection(db);
            try {
                assertThatThrownBy(() -> db.users().count())
                        .isInstanceOf(StorageException.class)
                        .hasMessage("could not count users: the pool's 1 connection stayed in use by other calls for"
                                + " 500 ms (a larger pool, a longer pool timeout or shorter transactions would help)");
            } finally {
                holder.release();
            }
            assertThat(db.users().count())
                    .as("served again once the connection is back")
                    .isZero();
        }
    }

    /** A transaction on a thread of its own that holds a pool's only connection until {@link #release}. */
    private record Holder(Thread thread, CountDownLatch released) {
        static Holder takeTheOnlyConnection(BlogDatabase db) throws InterruptedException {
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch released = new CountDownLatch(1);
            Thread thread = new Thread(() -> db.inTransaction(tx -> {
                long users = tx.users().count(); // the transaction takes its connection at its first statement
                holding.countDown();
                awaitQuietly(released);
                return users;
            }));
            thread.start();
            holding.await();
            return new Holder(thread, released);
        }

        void release() throws InterruptedException {
            released.countDown();
            thread.join();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void shouldRefuseToWriteAfterClose() {
        BlogDatabase db = database.open();
        db.close();

        assertThatThrownBy(() -> db.users().count())
                .isInstanceOf(StorageException.class)
                .hasMessage("could not count users: the BlogDatabase was closed (open a new one)");
    }

    List<String> tables() throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection connection = database.connect()) {
            String schema = dialect == Dialect.POSTGRESQL ? connection.getSchema() : null;
            try (ResultSet rs = connection.getMetaData().getTables(null, schema, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    if (schema == null || schema.equals(rs.getString("TABLE_SCHEM"))) {
                        tables.add(rs.getString("TABLE_NAME"));
                    }
                }
            }
        }
        return tables;
    }

    static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
