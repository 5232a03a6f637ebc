package org.cleanblog.persistence.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.cleanblog.core.StorageException;
import org.cleanblog.persistence.Dialect;
import org.cleanblog.persistence.NotABlogDatabaseException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Brings a database's schema to the newest version with Flyway, from {@code db/migration/<dialect id>}. */
public final class Migrations {
    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
    /** Flyway's default history table, in the schema it migrates (the connection's current one). */
    static final String HISTORY_TABLE = "flyway_schema_history";

    private Migrations() {}

    /** The classpath location of the migrations of {@code dialect}. */
    public static String location(Dialect dialect) {
        return "classpath:db/migration/" + dialect.id();
    }

    /**
     * Applies every pending migration; a no-op on an up-to-date schema.
     *
     * @throws NotABlogDatabaseException when the database holds tables but no schema history of ours
     * @throws StorageException when a migration fails or the database holds a schema newer than this library
     */
    public static void migrate(DataSource dataSource, Dialect dialect) {
        // Checked again right before Flyway, which is the step that must never see such a database.
        requireBlogOrEmpty(dataSource, dialect);
        try {
            MigrateResult result = Flyway.configure(Migrations.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations(location(dialect))
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
            LOG.info(
                    "{} schema at version {} ({} migration(s) applied)",
                    dialect,
                    result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion,
                    result.migrationsExecuted);
        } catch (FlywayException e) {
            throw new StorageException(
                    "could not migrate the " + dialect + " schema: " + e.getMessage()
                            + " (fix the database or restore it from a backup; the migrations are in "
                            + location(dialect) + ")",
                    e);
        }
    }

    /**
     * Refuses a database with tables but without our history before Flyway sees it: Flyway would answer with advice
     * ("use baseline()") that a user of the blog cannot follow, and baselining would be wrong anyway.
     *
     * @throws NotABlogDatabaseException when the database (the current schema, on PostgreSQL) holds other tables
     */
    public static void requireBlogOrEmpty(DataSource dataSource, Dialect dialect) {
        try (Connection connection = dataSource.getConnection()) {
            List<String> tables = tables(connection, dialect);
            if (!tables.isEmpty() && !tables.contains(HISTORY_TABLE)) {
                throw new NotABlogDatabaseException(name(connection, dialect), tables);
            }
        } catch (SQLException e) {
            throw new StorageException(
                    "could not read the tables of the " + dialect + " database: " + e.getMessage(), e);
        }
    }

    /** The tables and views of the current schema, lower case and sorted; SQLite's own tables left out. */
    private static List<String> tables(Connection connection, Dialect dialect) throws SQLException {
        String schema = dialect == Dialect.POSTGRESQL ? connection.getSchema() : null;
        DatabaseMetaData metaData = connection.getMetaData();
        List<String> tables = new ArrayList<>();
        // The schema name is matched again below: in a metadata pattern its '_' would match any character.
        try (ResultSet rs = metaData.getTables(null, schema, "%", new String[] {"TABLE", "VIEW"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                boolean inSchema = schema == null || schema.equals(rs.getString("TABLE_SCHEM"));
                if (inSchema && !name.startsWith("sqlite_")) {
                    tables.add(name);
                }
            }
        }
        tables.sort(null);
        return tables;
    }

    /** The database as a message can name it: the JDBC URL without its query, where credentials may be. */
    private static String name(Connection connection, Dialect dialect) throws SQLException {
        String url = DataSources.redact(connection.getMetaData().getURL());
        return dialect == Dialect.POSTGRESQL ? url + " (schema " + connection.getSchema() + ")" : url;
    }
}
