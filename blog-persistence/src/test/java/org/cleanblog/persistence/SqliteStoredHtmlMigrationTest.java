package org.cleanblog.persistence;

class SqliteStoredHtmlMigrationTest extends StoredHtmlMigrationContract {
    SqliteStoredHtmlMigrationTest() {
        super(Dialect.SQLITE);
    }
}
