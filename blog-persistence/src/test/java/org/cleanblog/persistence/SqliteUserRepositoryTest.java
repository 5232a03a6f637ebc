package org.cleanblog.persistence;

class SqliteUserRepositoryTest extends UserRepositoryContract {
    SqliteUserRepositoryTest() {
        super(Dialect.SQLITE);
    }
}
