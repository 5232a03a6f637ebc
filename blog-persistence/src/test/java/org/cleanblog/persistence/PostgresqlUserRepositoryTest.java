package org.cleanblog.persistence;

class PostgresqlUserRepositoryTest extends UserRepositoryContract {
    PostgresqlUserRepositoryTest() {
        super(Dialect.POSTGRESQL);
    }
}
