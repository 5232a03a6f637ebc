package org.cleanblog.persistence;

class PostgresqlThrottleStoreTest extends ThrottleStoreContract {
    PostgresqlThrottleStoreTest() {
        super(Dialect.POSTGRESQL);
    }
}
