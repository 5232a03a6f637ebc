package org.cleanblog.persistence;

class SqlitePostRepositoryTest extends PostRepositoryContract {
    SqlitePostRepositoryTest() {
        super(Dialect.SQLITE);
    }
}
