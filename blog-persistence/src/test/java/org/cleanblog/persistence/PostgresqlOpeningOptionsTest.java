package org.cleanblog.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cleanblog.persistence.testing.Fixtures.newUser;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.cleanblog.core.BlogException;
import org.junit.jupiter.api.Test;

class PostgresqlOpeningOptionsTest extends OpeningOptionsContract {
    PostgresqlOpeningOptionsTest() {
        super(Dialect.POSTGRESQL);
    }

    @Test
    void shouldCreateAndUseASchemaOfItsOwnBesideTheProgramsTables() throws SQLException {
        String schema = currentSchema() + "_blog";
        try (Connection connection = database.connect()) {
            execute(connection, "CREATE TABLE users (id BIGINT PRIMARY KEY)"); // the program's own "users"
        }
        try {
            try (BlogDatabase db = BlogDatabase.configure().schema(schema).open(database.jdbcUrl(), null, null)) {
                db.users().create(newUser("ada@example.org"));
                assertThat(db.users().count()).isEqualTo(1);
            }

            try (Connection connection = database.connect();
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + schema + ".users")) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(1);
            }
            assertThat(tables()).containsExactly("users");
        } finally {
            try (Connection connection = database.connect()) {
                execute(connection, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    @Test
    void shouldRefuseACallersDataSourceWhoseConnectionsAreInAnotherSchema() throws SQLException {
        String schema = currentSchema() + "_other";
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.jdbcUrl());
        try (HikariDataSource pool = new HikariDataSource(config)) {
            assertThatThrownBy(() -> BlogDatabase.configure().schema(schema).open(pool))
                    .isInstanceOf(BlogException.class)
                    .hasMessageContaining("not " + schema)
                    .hasMessageContaining("HikariConfig.setSchema(\"" + schema + "\")");
        } finally {
            try (Connection connection = database.connect()) {
                execute(connection, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    private String currentSchema() throws SQLException {
        try (Connection connection = database.connect()) {
            return connection.getSchema();
        }
    }
}
