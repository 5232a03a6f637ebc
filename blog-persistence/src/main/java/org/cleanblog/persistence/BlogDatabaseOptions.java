package org.cleanblog.persistence;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.cleanblog.core.ValidationException;
import org.cleanblog.persistence.internal.BlogStore;

/**
 * How {@link BlogDatabase} opens a database: where the schema and its Flyway history live, whether opening migrates,
 * the size of the pool it builds for a URL and how long it waits for a connection, and its clock. Obtained from {@link BlogDatabase#configure()}; every method
 * returns a new instance, so one can be shared and specialised.
 *
 * <pre>{@code
 * BlogDatabase db = BlogDatabase.configure().schema("blog").maximumPoolSize(5).open(jdbcUrl, user, password);
 * }</pre>
 *
 * <p>Immutable and thread-safe. Setters refuse bad values with a {@link ValidationException} naming the option.
 */
public final class BlogDatabaseOptions {
    /** The table that records which of the library's migrations ran: not Flyway's default, which a program may use. */
    public static final String DEFAULT_HISTORY_TABLE = "cleanblog_schema_history";

    /** How long a call waits for a connection while every connection of the pool is in use, unless set. */
    public static final Duration DEFAULT_POOL_TIMEOUT = Duration.ofSeconds(10);

    /** HikariCP refuses to wait less than this for a connection. */
    static final Duration MIN_POOL_TIMEOUT = Duration.ofMillis(250);

    static final BlogDatabaseOptions DEFAULTS =
            new BlogDatabaseOptions(DEFAULT_HISTORY_TABLE, null, true, null, null, Clock.systemUTC());

    /** Unquoted SQL identifiers that both dialects keep as written: lower case, at most PostgreSQL's 63 bytes. */
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final String historyTable;
    private final String schema;
    private final boolean migrateOnOpen;
    private final Integer maximumPoolSize;
    private final Duration poolTimeout;
    private final Clock clock;

    private BlogDatabaseOptions(
            String historyTable,
            String schema,
            boolean migrateOnOpen,
            Integer maximumPoolSize,
            Duration poolTimeout,
            Clock clock) {
        this.historyTable = historyTable;
        this.schema = schema;
        this.migrateOnOpen = migrateOnOpen;
        this.maximumPoolSize = maximumPoolSize;
        this.poolTimeout = poolTimeout;
        this.clock = clock;
    }

    /**
     * The table of the library's Flyway history, {@value #DEFAULT_HISTORY_TABLE} unless set. A database whose
     * history the first release left in {@code flyway_schema_history} has it moved to this table when migrating.
     *
     * @param table a lower-case SQL identifier ({@code [a-z_][a-z0-9_]*}, at most 63 characters)
     */
    public BlogDatabaseOptions historyTable(String table) {
        return new BlogDatabaseOptions(
                identifier("historyTable", table), schema, migrateOnOpen, maximumPoolSize, poolTimeout, clock);
    }

    /**
     * The PostgreSQL schema that holds the blog's tables and history; migrating creates it when missing. Unset, the
     * connection's current schema is used. A pool the library opens puts its connections in this schema; a
     * DataSource of your own must do so itself (opening checks it). Opening SQLite with a schema set fails.
     *
     * @param schema a lower-case SQL identifier ({@code [a-z_][a-z0-9_]*}, at most 63 characters)
     */
    public BlogDatabaseOptions schema(String schema) {
        return new BlogDatabaseOptions(
                historyTable, identifier("schema", schema), migrateOnOpen, maximumPoolSize, poolTimeout, clock);
    }

    /**
     * Whether opening applies pending migrations (true, the default). With false, opening changes nothing and fails
     * with a {@code BlogException} saying to run the migrations when the schema is missing or behind: for programs
     * that migrate in a release step of their own.
     */
    public BlogDatabaseOptions migrateOnOpen(boolean migrate) {
        return new BlogDatabaseOptions(historyTable, schema, migrate, maximumPoolSize, poolTimeout, clock);
    }

    /**
     * The most connections of the pool opened for a JDBC URL; unset, 20 on PostgreSQL and 8 on SQLite. Opening a
     * {@link DataSource} of your own with this set fails: size that pool yourself.
     *
     * @param size 1 or more
     */
    public BlogDatabaseOptions maximumPoolSize(int size) {
        if (size < 1) {
            throw new ValidationException("maximumPoolSize must be 1 or more, was " + size);
        }
        return new BlogDatabaseOptions(historyTable, schema, migrateOnOpen, size, poolTimeout, clock);
    }

    /** The clock that stamps creation and update times ({@link Clock#systemUTC()} unless set; tests pin it). */
    public BlogDatabaseOptions clock(Clock clock) {
        if (clock == null) {
            throw new ValidationException("clock must not be null");
        }
        return new BlogDatabaseOptions(historyTable, schema, migrateOnOpen, maximumPoolSize, poolTimeout, clock);
    }

    /**
     * How long a call waits for a connection of the pool opened for a JDBC URL while every connection is in use
     * (others' transactions hold them all), before it fails with a {@code StorageException}; unset,
     * {@link #DEFAULT_POOL_TIMEOUT}. A database that cannot be reached fails calls sooner: after at most 1.5 s on
     * PostgreSQL, whatever this says, since waiting cannot help there (ADR 0029). Opening a {@link DataSource} of
     * your own with this set fails: its pool has its own timeout.
     *
     * @param timeout 250 ms or more (HikariCP's least)
     */
    public BlogDatabaseOptions poolTimeout(Duration timeout) {
        if (timeout == null || timeout.compareTo(MIN_POOL_TIMEOUT) < 0) {
            throw new ValidationException("poolTimeout must be " + MIN_POOL_TIMEOUT.toMillis() + " ms or more, was "
                    + (timeout == null ? "null" : timeout.toMillis() + " ms"));
        }
        return new BlogDatabaseOptions(historyTable, schema, migrateOnOpen, maximumPoolSize, timeout, clock);
    }

    /** The history table's name; never null. */
    public String historyTable() {
        return historyTable;
    }

    /** The PostgreSQL schema, or empty for the connection's current one. */
    public Optional<String> schema() {
        return Optional.ofNullable(schema);
    }

    /** Whether opening migrates. */
    public boolean migratesOnOpen() {
        return migrateOnOpen;
    }

    /** The pool size set, or empty for the dialect's default. */
    public OptionalInt maximumPoolSize() {
        return maximumPoolSize == null ? OptionalInt.empty() : OptionalInt.of(maximumPoolSize);
    }

    /** The wait for a connection of a busy pool set, or empty for {@link #DEFAULT_POOL_TIMEOUT}. */
    public Optional<Duration> poolTimeout() {
        return Optional.ofNullable(poolTimeout);
    }

    /** The clock; never null. */
    public Clock clock() {
        return clock;
    }

    /**
     * Opens the blog on a JDBC URL through a pool that the returned object owns and closes; see
     * {@link BlogDatabase#open(String, String, String)}.
     */
    public BlogDatabase open(String jdbcUrl, String user, String password) {
        if (jdbcUrl == null) {
            throw new ValidationException("jdbcUrl must not be null");
        }
        return new BlogDatabase(BlogStore.open(jdbcUrl, user, password, this));
    }

    /**
     * Opens the blog on a DataSource that the caller keeps owning; see {@link BlogDatabase#open(DataSource)}.
     *
     * @throws org.cleanblog.core.BlogException also when {@link #maximumPoolSize(int)} or {@link #poolTimeout(Duration)}
     *     was set
     */
    public BlogDatabase open(DataSource dataSource) {
        if (dataSource == null) {
            throw new ValidationException("dataSource must not be null");
        }
        return new BlogDatabase(BlogStore.open(dataSource, this));
    }

    private static String identifier(String option, String value) {
        if (value == null || !IDENTIFIER.matcher(value).matches()) {
            throw new ValidationException(option + " must be a lower-case SQL name ([a-z_][a-z0-9_]*, at most 63"
                    + " characters), was " + (value == null ? "null" : "'" + value + "'"));
        }
        return value;
    }

    @Override
    public String toString() {
        return "BlogDatabaseOptions[historyTable=" + historyTable + ", schema=" + schema + ", migrateOnOpen="
                + migrateOnOpen + ", maximumPoolSize=" + Objects.requireNonNullElse(maximumPoolSize, "default") + "]";
    }
}
