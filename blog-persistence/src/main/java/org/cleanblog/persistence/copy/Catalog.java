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

/** The tables and columns a database has, in lower case, from the driver's metadata (current schema only). */
final class Catalog {
    private final DatabaseMetaData metaData;
    private final String schema;

    Catalog(Connection connection, Dialect db) throws SQLException {
        this.metaData = connection.getMetaData();
        this.schema = db == Dialect.POSTGRESQL ? connection.getSchema() : null;
    }

    Set<String> tables() throws SQLException {
        Set<String> tables = new TreeSet<>();
        try (ResultSet rs = metaData.getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return tables;
    }

    /** The columns of {@code table} in their declared order; empty when there is no such table. */
    List<String> columns(String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (ResultSet rs = metaData.getColumns(null, schema, table, "%")) {
            while (rs.next()) {
                columns.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return columns;
    }

    /** The first of {@code expected} that {@code table} lacks, or null when it has them all. */
    String missingColumn(String table, List<String> expected) throws SQLException {
        List<String> actual = columns(table);
        return expected.stream().filter(c -> !actual.contains(c)).findFirst().orElse(null);
    }
}
