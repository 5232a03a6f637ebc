package org.cleanblog.persistence;

class SqliteContactMessageRepositoryTest extends ContactMessageRepositoryContract {
    SqliteContactMessageRepositoryTest() {
        super(Dialect.SQLITE);
    }
}
