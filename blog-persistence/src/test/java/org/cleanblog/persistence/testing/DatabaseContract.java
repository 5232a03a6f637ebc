package org.cleanblog.persistence.testing;

import org.cleanblog.persistence.BlogDatabase;
import org.cleanblog.persistence.Dialect;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * Base of a test class that runs the same tests on each dialect: a contract extends it once, and each dialect
 * extends the contract with a two-line class ({@code SqliteXTest}, {@code PostgresqlXTest}), so that the reports
 * show every test once per dialect. Each concrete class gets a database of its own, emptied before every test, with
 * a {@link TestClock}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class DatabaseContract {
    protected final Dialect dialect;
    protected final TestClock clock = new TestClock();
    protected TestDatabase testDatabase;
    protected BlogDatabase db;

    protected DatabaseContract(Dialect dialect) {
        this.dialect = dialect;
    }

    @BeforeAll
    void openDatabase() {
        testDatabase = TestDatabase.create(dialect, getClass().getSimpleName());
        db = testDatabase.open(clock);
    }

    @BeforeEach
    void startFromAnEmptyBlog() {
        testDatabase.deleteAllRows();
        clock.set(TestClock.DEFAULT_START);
    }

    @AfterAll
    void closeDatabase() {
        if (db != null) {
            db.close();
        }
        if (testDatabase != null) {
            testDatabase.close();
        }
    }
}
