package org.cleanblog.persistence;

class SqliteContentVersionTest extends ContentVersionContract {
    SqliteContentVersionTest() {
        super(Dialect.SQLITE);
    }
}
