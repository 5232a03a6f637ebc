package org.cleanblog.persistence.copy;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.cleanblog.persistence.Dialect;

/**
 * The tables and columns a database has, in lower case, from the driver's metadata (current schema only). Names are
 * matched exactly: DatabaseMetaData takes patterns, in which the '_' of {@code blog_posts} or a schema name would
 * match any character, so names are escaped and the rows checked again.
 */
final class Catalog {
    private final DatabaseMetaData metaData;
    private final String schema;

    Catalog(Connection connection, Dialect db) throws SQLException {
        this.metaData = connection.getMetaData();
        this.schema = db == Dialect.POSTGRESQL ? connection.getSchema() : null;
    }

    Set<String> tables() throws SQLException {
        Set<String> tables = new TreeSet<>();
        try (ResultSet rs = metaData.getTables(null, literal(schema), "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                if (inSchema(rs)) {
                    tables.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        return tables;
    }

    /** The columns of {@code table} in their declared order; empty when there is no such table. */
    List<String> columns(String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (ResultSet rs = metaData.getColumns(null, literal(schema), literal(table), "%")) {
            while (rs.next()) {
                // SQLite's names are case-insensitive, and PostgreSQL's unquoted ones are folded to lower case.
                if (inSchema(rs) && rs.getString("TABLE_NAME").equalsIgnoreCase(table)) {
                    columns.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        return columns;
    }

    private boolean inSchema(ResultSet rs) throws SQLException {
        return schema == null || schema.equals(rs.getString("TABLE_SCHEM"));
    }

    /** {@code name} as a metadata pattern that matches only itself; null stays null ("any schema"). */
    private String literal(String name) throws SQLException {
        String escape = metaData.getSearchStringEscape();
        if (name == null || escape == null || escape.isEmpty()) {
            // Without an escape the pattern may match more; the rows are checked against the name anyway.
            return name;
        }
        return name.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
    }

    /** The first of {@code expected} that {@code table} lacks, or null when it has them all. */
    String missingColumn(String table, List<String> expected) throws SQLException {
        List<String> actual = columns(table);
        return expected.stream().filter(c -> !actual.contains(c)).findFirst().orElse(null);
    }
}
