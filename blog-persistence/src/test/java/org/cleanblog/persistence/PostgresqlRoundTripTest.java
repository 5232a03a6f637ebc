package org.cleanblog.persistence;

class PostgresqlRoundTripTest extends RoundTripContract {
    PostgresqlRoundTripTest() {
        super(Dialect.POSTGRESQL);
    }
}
