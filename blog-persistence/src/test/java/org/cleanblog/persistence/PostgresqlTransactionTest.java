package org.cleanblog.persistence;

class PostgresqlTransactionTest extends TransactionContract {
    PostgresqlTransactionTest() {
        super(Dialect.POSTGRESQL);
    }
}
