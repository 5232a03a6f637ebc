package org.cleanblog.persistence;

class SqliteRoundTripTest extends RoundTripContract {
    SqliteRoundTripTest() {
        super(Dialect.SQLITE);
    }
}
