package org.cleanblog.persistence.copy;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.cleanblog.persistence.BlogDatabase;

/** A caller's DataSource: the copy takes connections from it and never closes it. */
final class DataSourceEndpoint implements Endpoint {
    private final DataSource dataSource;

    DataSourceEndpoint(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Connection openForReading() throws SQLException {
        return dataSource.getConnection();
    }

    @Override
    public Connection openForWriting() throws SQLException {
        return dataSource.getConnection();
    }

    @Override
    public void migrate() {
        BlogDatabase.open(dataSource).close();
    }
}
