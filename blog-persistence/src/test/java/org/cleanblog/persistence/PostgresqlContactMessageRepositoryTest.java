package org.cleanblog.persistence;

class PostgresqlContactMessageRepositoryTest extends ContactMessageRepositoryContract {
    PostgresqlContactMessageRepositoryTest() {
        super(Dialect.POSTGRESQL);
    }
}
