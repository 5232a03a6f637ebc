package org.cleanblog.persistence.copy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.cleanblog.persistence.Dialect;

/**
 * Reads a database of our own schema, SQLite or PostgreSQL. Also reads the target back for verification. On
 * PostgreSQL the connection must not be in auto-commit mode, so that the fetch size makes the driver use a cursor
 * instead of loading a whole table into memory.
 */
final class BlogSchemaSource implements RowSource {
    static final int FETCH_SIZE = 2_000;

    private final Connection connection;
    private final Dialect db;

    BlogSchemaSource(Connection connection, Dialect db) {
        this.connection = connection;
        this.db = db;
    }

    @Override
    public String description() {
        return "Clean Blog schema on " + (db == Dialect.SQLITE ? "SQLite" : "PostgreSQL");
    }

    @Override
    public long count(TableSpec table) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + table.name())) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public long highWaterMark(TableSpec table) throws SQLException {
        return IdMarks.of(connection, db, table.name());
    }

    @Override
    public void read(TableSpec table, RowHandler handler) throws SQLException {
        read(connection, db, table.name(), table.columns(), handler);
    }

    /**
     * Reads {@code columns} of {@code sourceTable} in id order, text bounded by {@link BoundedText}, through a cursor
     * of {@link #FETCH_SIZE} rows on PostgreSQL.
     */
    static void read(Connection connection, Dialect db, String sourceTable, List<Column> columns, RowHandler handler)
            throws SQLException {
        String sql = "SELECT " + BoundedText.selectList(columns) + " FROM " + sourceTable + " ORDER BY id";
        try (PreparedStatement statement =
                connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            statement.setFetchSize(FETCH_SIZE);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    handler.accept(BoundedText.read(rs, columns, db));
                }
            }
        }
    }
}
