package org.cleanblog.persistence;

class PostgresqlPostRepositoryTest extends PostRepositoryContract {
    PostgresqlPostRepositoryTest() {
        super(Dialect.POSTGRESQL);
    }
}
