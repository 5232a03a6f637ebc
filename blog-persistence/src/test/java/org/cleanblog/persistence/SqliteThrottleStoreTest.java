package org.cleanblog.persistence;

class SqliteThrottleStoreTest extends ThrottleStoreContract {
    SqliteThrottleStoreTest() {
        super(Dialect.SQLITE);
    }
}
