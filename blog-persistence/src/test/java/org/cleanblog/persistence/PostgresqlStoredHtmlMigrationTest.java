package org.cleanblog.persistence;

class PostgresqlStoredHtmlMigrationTest extends StoredHtmlMigrationContract {
    PostgresqlStoredHtmlMigrationTest() {
        super(Dialect.POSTGRESQL);
    }
}
