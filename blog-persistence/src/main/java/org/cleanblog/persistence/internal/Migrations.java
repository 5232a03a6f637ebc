package org.cleanblog.persistence.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;
import org.cleanblog.core.BlogException;
import org.cleanblog.core.StorageException;
import org.cleanblog.core.internal.ConnectionUrls;
import org.cleanblog.persistence.Dialect;
import org.cleanblog.persistence.NotABlogDatabaseException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.output.ValidateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The library's schema under Flyway, from {@code db/cleanblog/<dialect id>} plus the Java migrations that re-sanitise
 * stored HTML (ADR 0013), with a history table of its own so that a program's own Flyway migrations can live in the
 * same database (ADR 0012).
 */
final class Migrations {
    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
    /** Where the first release kept our history: Flyway's default table, which a program's own Flyway also uses. */
    static final String LEGACY_HISTORY_TABLE = "flyway_schema_history";
    /** The tables our migrations create: finding one without our history means the database is someone else's. */
    static final Set<String> BLOG_TABLES = Set.of("users", "posts", "comments", "contact_messages", "row_counts");

    private final DataSource dataSource;
    private final Dialect dialect;
    private final String historyTable;
    /** The PostgreSQL schema that holds the blog; null for the connection's current one (and always on SQLite). */
    private final String schema;

    Migrations(DataSource dataSource, Dialect dialect, String historyTable, String schema) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.historyTable = historyTable;
        this.schema = schema;
    }

    /** The classpath location of the migrations of {@code dialect}. */
    static String location(Dialect dialect) {
        return "classpath:db/cleanblog/" + dialect.id();
    }

    /**
     * Applies every pending migration; a no-op on an up-to-date schema. A history left in
     * {@value #LEGACY_HISTORY_TABLE} by the first release is moved to our table first. Several processes may migrate
     * one database at the same moment: one that fails because another created the history table meanwhile tries once
     * more.
     *
     * @throws NotABlogDatabaseException when the database holds tables of our names but no history of ours
     * @throws StorageException when a migration fails or the database holds a schema newer than this library
     */
    void migrate() {
        // Checked right before Flyway, which is the step that must never see such a database.
        boolean historyExisted = requireBlogOrUnrelated();
        MigrateResult result;
        try {
            result = flyway().migrate();
        } catch (FlywayException e) {
            if (historyExisted || !historyExists()) {
                throw migrationFailed(e);
            }
            // Flyway takes its lock only once its history table exists. Another process (an instance started at the
            // same moment) created the table between Flyway's two looks at this one: its first saw no table, its
            // second a schema no longer empty, and it refused to baseline what looked like a program's tables. Once
            // more, the table is there and Flyway's lock puts this process after the other (ADR 0012).
            LOG.info(
                    "another process created the {} schema history while this one looked: migrating again under"
                            + " Flyway's lock",
                    dialect);
            try {
                result = flyway().migrate();
            } catch (FlywayException again) {
                throw migrationFailed(again);
            }
        }
        LOG.info(
                "{} schema at version {} ({} migration(s) applied, history in {})",
                dialect,
                result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion,
                result.migrationsExecuted,
                historyTable);
    }

    private StorageException migrationFailed(FlywayException e) {
        return new StorageException(
                "could not migrate the " + dialect + " schema: " + e.getMessage()
                        + " (fix the database or restore it from a backup; the migrations are in "
                        + location(dialect) + ")",
                e);
    }

    /**
     * Checks, without changing anything, that the schema is at this library's newest version.
     *
     * @throws BlogException when the history table is missing or migrations are pending, saying to run them
     * @throws StorageException when the applied migrations differ from this library's (checksums)
     */
    void requireCurrent() {
        MigrationInfoService info;
        try {
            info = flyway().info();
        } catch (FlywayException e) {
            throw new StorageException("could not read the " + dialect + " schema history: " + e.getMessage(), e);
        }
        MigrationInfo current = info.current();
        if (current == null || info.pending().length > 0) {
            String state = current == null
                    ? "has no Clean Blog schema yet (no history table " + historyTable + tablesHint() + ")"
                    : "holds the Clean Blog schema at version " + current.getVersion() + " but this library needs "
                            + info.pending()[info.pending().length - 1].getVersion();
            throw new BlogException(describe() + " " + state + ", and it was opened without migrating: run the "
                    + "migrations first (open it once with BlogDatabase.configure().migrateOnOpen(true), which is "
                    + "the default, or run the blog's 'migrate' command), or name the table that holds the history "
                    + "with historyTable(...)");
        }
        ValidateResult validation = flyway().validateWithResult();
        if (!validation.validationSuccessful) {
            throw new StorageException(
                    "the " + dialect + " schema history in " + historyTable + " does not match this library's "
                            + "migrations: " + validation.getAllErrorMessages(),
                    null);
        }
    }

    private String tablesHint() {
        return legacyHistoryIsOurs()
                ? "; its history is still in " + LEGACY_HISTORY_TABLE + ", which migrating moves"
                : "";
    }

    private Flyway flyway() {
        var config = Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations(location(dialect))
                // Java migrations are the same code on both dialects, so they are listed here, not found by location.
                .javaMigrations(new ResanitiseStoredHtml("2"))
                .failOnMissingLocations(true)
                .table(historyTable)
                // The database may already hold a program's own tables (none of ours: checked before): our history
                // then starts below our first version instead of Flyway refusing a "non-empty schema".
                .baselineOnMigrate(true)
                .baselineVersion("0");
        if (schema != null) {
            config.schemas(schema);
        }
        return config.load();
    }

    /**
     * Refuses a database whose tables have our names but that has no history of ours, before Flyway sees it: Flyway
     * would answer with advice ("use baseline()") that a user cannot follow, and baselining would be wrong anyway.
     * Tables of other names are a program's own and stay untouched.
     *
     * @return whether our history table was there (or was moved there from the first release's)
     */
    private boolean requireBlogOrUnrelated() {
        // Each step takes its own connection and gives it back, so that a pool of one connection is enough.
        List<String> tables = withConnection("read the tables of", this::tables);
        if (tables.contains(historyTable)) {
            return true;
        }
        if (tables.contains(LEGACY_HISTORY_TABLE) && legacyHistoryIsOurs()) {
            withConnection("move the schema history of", this::adoptLegacyHistory);
            return true;
        }
        List<String> clashing = tables.stream().filter(BLOG_TABLES::contains).toList();
        if (!clashing.isEmpty()) {
            throw new NotABlogDatabaseException(describe(), tables, clashing, historyTable);
        }
        return false;
    }

    private boolean historyExists() {
        try {
            return withConnection("read the tables of", this::tables).contains(historyTable);
        } catch (StorageException e) {
            return false;
        }
    }

    private interface ConnectionWork<T> {
        T apply(Connection connection) throws SQLException;
    }

    private <T> T withConnection(String operation, ConnectionWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.apply(connection);
        } catch (SQLException e) {
            throw new StorageException(
                    "could not " + operation + " the " + dialect + " database: " + e.getMessage(), e);
        }
    }

    /** Whether {@value #LEGACY_HISTORY_TABLE} holds our migrations and nothing else (then it is the first release's). */
    private boolean legacyHistoryIsOurs() {
        if (historyTable.equals(LEGACY_HISTORY_TABLE)) {
            return false;
        }
        try {
            MigrationInfo[] applied = new Migrations(dataSource, dialect, LEGACY_HISTORY_TABLE, schema)
                    .flyway()
                    .info()
                    .applied();
            List<MigrationInfo> versioned =
                    Arrays.stream(applied).filter(m -> m.getVersion() != null).toList();
            return !versioned.isEmpty()
                    && "V1__blog.sql".equals(versioned.get(0).getScript())
                    && versioned.stream().allMatch(m -> m.getState() == MigrationState.SUCCESS);
        } catch (FlywayException e) {
            return false;
        }
    }

    /** Renames the first release's history table to ours, in one transaction (DDL is transactional on both). */
    private Void adoptLegacyHistory(Connection connection) throws SQLException {
        String inSchema = schemaOf(connection);
        String prefix = inSchema == null || dialect == Dialect.SQLITE ? "" : quote(inSchema) + ".";
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute(
                    "ALTER TABLE " + prefix + quote(LEGACY_HISTORY_TABLE) + " RENAME TO " + quote(historyTable));
            // Flyway names the history's index (and on PostgreSQL its key) after the table, and index names are
            // unique per schema: left as they were, they would stop a program's own Flyway from creating its table.
            if (dialect == Dialect.SQLITE) {
                statement.execute("DROP INDEX IF EXISTS " + quote(LEGACY_HISTORY_TABLE + "_s_idx"));
                statement.execute("CREATE INDEX " + quote(historyTable + "_s_idx") + " ON " + quote(historyTable) + " ("
                        + quote("success") + ")");
            } else {
                statement.execute("ALTER INDEX IF EXISTS " + prefix + quote(LEGACY_HISTORY_TABLE + "_s_idx")
                        + " RENAME TO " + quote(historyTable + "_s_idx"));
                statement.execute("ALTER TABLE " + prefix + quote(historyTable) + " RENAME CONSTRAINT "
                        + quote(LEGACY_HISTORY_TABLE + "_pk") + " TO " + quote(historyTable + "_pk"));
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        LOG.info("moved the Clean Blog schema history from {} to {}", LEGACY_HISTORY_TABLE, historyTable);
        return null;
    }

    /** The schema the blog lives in: the configured one, else the connection's current one; null on SQLite. */
    private String schemaOf(Connection connection) throws SQLException {
        if (dialect != Dialect.POSTGRESQL) {
            return null;
        }
        return schema != null ? schema : connection.getSchema();
    }

    /** The tables and views of the blog's schema, lower case and sorted; SQLite's own tables left out. */
    private List<String> tables(Connection connection) throws SQLException {
        String inSchema = schemaOf(connection);
        List<String> tables = new ArrayList<>();
        if (dialect == Dialect.POSTGRESQL && inSchema == null) {
            return tables; // the search path names no existing schema: Flyway creates it, empty
        }
        DatabaseMetaData metaData = connection.getMetaData();
        // The schema name is matched again below: in a metadata pattern its '_' would match any character.
        try (ResultSet rs = metaData.getTables(null, inSchema, "%", new String[] {"TABLE", "VIEW"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                boolean matches = inSchema == null || inSchema.equals(rs.getString("TABLE_SCHEM"));
                if (matches && !name.startsWith("sqlite_")) {
                    tables.add(name);
                }
            }
        }
        tables.sort(null);
        return tables;
    }

    /** The database as a message can name it: the JDBC URL without its query, where credentials may be. */
    private String describe() {
        return withConnection("describe", connection -> {
            String url = ConnectionUrls.redact(connection.getMetaData().getURL());
            return dialect == Dialect.POSTGRESQL ? url + " (schema " + schemaOf(connection) + ")" : url;
        });
    }

    private static String quote(String identifier) {
        return '"' + identifier + '"';
    }
}
